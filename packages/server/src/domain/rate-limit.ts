import type { Storage } from '../storage/types.js';
import { Problem } from './problem.js';

/** At most `limit` events per `spanMs`; a limit of 0 or less is off. */
export interface RateWindow {
  limit: number;
  spanMs: number;
}

/** A window counted for one subject (a hashed address, an account…). */
export interface SubjectWindow extends RateWindow {
  subject: string;
}

/**
 * Takes a slot in every window at once, in the `rate_events` table (so instances on one
 * PostgreSQL share the counts), and throws `429 rate-limited` with `Retry-After` (seconds until
 * the oldest counted event leaves the full window) when one has no room left; a refused attempt
 * is not counted. The slot is reserved before the caller acts, atomically with the count
 * (`Storage.rateReserve`), so concurrent requests cannot all pass one last free slot. Returns the
 * ids of the recorded events, for a caller that later finds the attempt should not count
 * (`Storage.rateRelease`); empty when every window is off. Events older than the longest window
 * are forgotten on the way.
 */
export async function reserveRate(
  storage: Pick<Storage, 'rateReserve'>,
  siteId: string,
  windows: SubjectWindow[],
  now: number,
  detail: string,
): Promise<number[]> {
  const active = windows.filter((w) => w.limit > 0);
  if (active.length === 0) return [];
  const checks = active.map(({ subject, limit, spanMs }) => ({ subject, limit, since: now - spanMs }));
  const longest = Math.max(...windows.map((w) => w.spanMs));
  const reserved = await storage.rateReserve(siteId, checks, now, now - longest);
  if (reserved.ok) return reserved.ids;
  const spanMs = active[reserved.full]?.spanMs ?? longest;
  const retryAfter = Math.max(1, Math.ceil((reserved.oldest + spanMs - now) / 1000));
  throw new Problem(429, 'rate-limited', detail, { retryAfter });
}

/**
 * {@link reserveRate} for one subject whose slot, once taken, stays taken. Used by comment
 * posting, follow requests and previews.
 */
export async function enforceRate(
  storage: Pick<Storage, 'rateReserve'>,
  siteId: string,
  subject: string,
  windows: RateWindow[],
  now: number,
  detail: string,
): Promise<void> {
  await reserveRate(
    storage,
    siteId,
    windows.map((w) => ({ subject, ...w })),
    now,
    detail,
  );
}
