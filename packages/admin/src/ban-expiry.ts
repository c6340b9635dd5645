import type { TermKey } from './i18n/en.js';

const HOUR = 3_600_000;

/** The expiries a ban form offers: milliseconds from now ('' = never) and the term naming each. */
export const EXPIRIES: readonly (readonly [string, TermKey])[] = [
  ['', 'bans.never'],
  [String(HOUR), 'bans.expiry.1h'],
  [String(24 * HOUR), 'bans.expiry.1d'],
  [String(7 * 24 * HOUR), 'bans.expiry.7d'],
  [String(30 * 24 * HOUR), 'bans.expiry.30d'],
];

/** The `expiresAt` the API takes for a chosen expiry ('' or 0: never). */
export function expiresAt(ttl: string | number, now = Date.now()): string | null {
  const ms = Number(ttl || 0);
  return ms ? new Date(now + ms).toISOString() : null;
}
