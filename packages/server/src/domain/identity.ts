import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** 256 random bits, base64url: returned once to the author, stored only as a hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token; tokens carry 256 bits of entropy, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Short, URL-safe, random comment id (72 bits). */
export function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * The network prefix that stands for one visitor: /24 for IPv4, /48 for IPv6 (one household or
 * small office). IPv4-mapped IPv6 addresses count as IPv4. Returns undefined for non-addresses.
 */
export function ipPrefix(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return undefined;
  return `${expandIPv6(ip).slice(0, 3).join(':')}::/48`;
}

function expandIPv6(ip: string): string[] {
  const zoneless = ip.split('%')[0] ?? ip;
  const [head = '', tail] = zoneless.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) occupies two groups.
  const last = right.length ? right : left;
  if (last.length && last[last.length - 1]?.includes('.')) {
    const v4 = (last.pop() ?? '').split('.').map(Number);
    last.push(((v4[0] ?? 0) * 256 + (v4[1] ?? 0)).toString(16), ((v4[2] ?? 0) * 256 + (v4[3] ?? 0)).toString(16));
  }
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => Number.parseInt(g, 16).toString(16));
}

/** Keyed hash of an IP prefix: enough for rate limits and votes, useless to anyone without the secret. */
export function prefixHash(secret: string, purpose: string, address: string | undefined): string | null {
  const prefix = address ? ipPrefix(address) : undefined;
  if (!prefix) return null;
  return createHmac('sha256', secret).update(`${purpose}:${prefix}`).digest('base64url').slice(0, 32);
}

/** A non-secret seed from which the widget draws a local identicon; derived from the display name only. */
export function avatarSeed(name: string): string {
  return createHash('sha256').update(`avatar:${name}`).digest('hex').slice(0, 12);
}

/** Keyed hash of a lower-cased e-mail address: tells authors apart and bans them without showing the address. */
export function emailHash(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`email:${email.trim().toLowerCase()}`).digest('base64url').slice(0, 32);
}
