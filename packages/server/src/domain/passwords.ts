import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost for new hashes: N = 2^15 (PARLEY_SCRYPT_N overrides it), r = 8, p = 1 — 32 MiB and
 * tens of milliseconds. Stored with each hash, so raising it later keeps old hashes valid. Tests
 * lower N to keep many logins quick on a busy machine.
 */
function cost(): { N: number; r: number; p: number } {
  const n = Number(process.env.PARLEY_SCRYPT_N ?? 2 ** 15);
  const valid = Number.isInteger(n) && n >= 1024 && n <= 2 ** 20 && (n & (n - 1)) === 0;
  return { N: valid ? n : 2 ** 15, r: 8, p: 1 };
}
const KEY_LENGTH = 32;
/** Shortest password an administrator may choose. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts), with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const c = cost();
  const key = await derive(password, salt, c);
  return ['scrypt', c.N, c.r, c.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (
    ![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0) ||
    params.N > 2 ** 20 ||
    params.r > 32 ||
    params.p > 16
  ) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, checked against when an account does not exist, so both take as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A random password for the first owner: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Why a new password is refused, or undefined. */
export function checkPassword(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}
