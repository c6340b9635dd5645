/**
 * The rules of administrators' sessions, apart from the service that opens and ends them
 * (`admins.ts`): how long a session lasts, how many failed sign-ins are allowed, what a resolved
 * session holds, and how its CSRF token and expiry are derived.
 */
import { createHmac } from 'node:crypto';
import type { AdminRecord } from '../storage/admin-storage.js';

/**
 * Failed logins allowed per 15 minutes. `perAccountPrefix` for one account from one IP prefix
 * (/24, /48): the brute-force limit a single network meets, and the only one an attacker can
 * fill for the account's owner elsewhere only by sharing the owner's network. `perAccount` for
 * one account from all prefixes together, so guesses spread over many networks stay bounded too
 * (an attacker needs 20 networks to fill it). `perPrefix` for one prefix across all accounts.
 * Why not simply per account: five wrong passwords from anywhere kept the right one out, and
 * `admin@localhost`, the first owner, is a well-known name (docs/admin-api.md).
 */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAccountPrefix: 5, perAccount: 100, perPrefix: 20 };

/** The rate-event "site" under which failed logins are counted (`rate_events` has no foreign key). */
export const LOGIN_SUBJECTS = '_admin-login';

/** How long administrators' sessions last. */
export interface SessionTimes {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  maxMs: number;
}

/** An hour idle, twelve hours at most. */
export const DEFAULT_SESSION_TIMES: SessionTimes = { idleMs: 60 * 60_000, maxMs: 12 * 3600_000 };

/** A signed-in session, resolved from its cookie token. */
export interface ActiveSession {
  admin: AdminRecord;
  idHash: string;
  csrfToken: string;
  expiresAt: number;
}

/**
 * The session a token's hash stands for, with its CSRF token and the moment it ends: idle time
 * after `lastSeen` or the longest life after `createdAt`, whichever comes first.
 */
export function activeSession(
  secret: string,
  times: SessionTimes,
  admin: AdminRecord,
  idHash: string,
  createdAt: number,
  lastSeen: number,
): ActiveSession {
  // Derived from the session, not stored: fixed for the session's life, useless without the server secret.
  const csrfToken = createHmac('sha256', secret).update(`csrf:${idHash}`).digest('base64url');
  const expiresAt = Math.min(lastSeen + times.idleMs, createdAt + times.maxMs);
  return { admin, idHash, csrfToken, expiresAt };
}
