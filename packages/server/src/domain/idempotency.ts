import { createHash, createHmac } from 'node:crypto';

/**
 * Idempotent posting (`Idempotency-Key`, draft-ietf-httpapi-idempotency-key-header): the first
 * answer to a key is stored with the comment; a retry with the same key and body gets it again.
 */

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What a key may look like: 8-255 visible ASCII characters (a random UUID is a good key). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/** SHA-256 of the key: the key itself (which derives the edit token) is never stored. */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** SHA-256 of the request with its object keys sorted, so member order and spacing do not matter. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The edit token of a comment posted with a key: a keyed hash of the server secret, the site and
 * the key, so a replay can hand out the same token without the server ever storing it. Like a
 * random token it is 256 bits, base64url; whoever holds the key (and the body) can get it, which
 * is why keys must be unguessable.
 */
export function editTokenForKey(secret: string, siteId: string, key: string): string {
  return createHmac('sha256', secret).update(`edit-token\n${siteId}\n${key}`).digest('base64url');
}
