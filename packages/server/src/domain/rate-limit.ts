import type { Storage } from '../storage/types.js';
import { Problem } from './problem.js';

/** At most `limit` events per `spanMs`; a limit of 0 or less is off. */
export interface RateWindow {
  limit: number;
  spanMs: number;
}

/**
 * Counts one event of `subject` on the site against every window, in the `rate_events` table (so
 * instances on one PostgreSQL share the counts), and throws `429 rate-limited` with `Retry-After`
 * (seconds until the oldest counted event leaves the window) once a window is full. A refused
 * attempt is not counted. Events older than the longest window are forgotten on the way.
 * Used by comment posting and by follow requests.
 */
export async function enforceRate(
  storage: Pick<Storage, 'rateCount' | 'rateRecord'>,
  siteId: string,
  subject: string,
  windows: RateWindow[],
  now: number,
  detail: string,
): Promise<void> {
  const active = windows.filter((w) => w.limit > 0);
  if (active.length === 0) return;
  for (const { limit, spanMs } of active) {
    const { count, oldest } = await storage.rateCount(siteId, subject, now - spanMs);
    if (count >= limit) {
      const retryAfter = Math.max(1, Math.ceil(((oldest ?? now) + spanMs - now) / 1000));
      throw new Problem(429, 'rate-limited', detail, { retryAfter });
    }
  }
  await storage.rateRecord(siteId, subject, now, now - Math.max(...windows.map((w) => w.spanMs)));
}
