/**
 * A millisecond clock for stamping records: `Date.now()`, except that it never gives the same
 * value twice and never goes back (`last = max(Date.now(), last + 1)`), up to a bound.
 *
 * Why: comments, audit-log entries, subscriptions, bans and the like are listed by
 * `(created_at | at, id)`, and their ids are random. Two records made in the same millisecond
 * would then come back in random order rather than in the order they were made (consecutive
 * posts through one process share a millisecond a few percent of the time). With every stamp
 * taken from one such clock, records written through one process keep their order.
 *
 * - More than 1000 calls in a second run the clock ahead of `Date.now()`; it catches up as soon
 *   as the calls slow down. Every call takes a tick, reads of "now" included (a post reads it a
 *   dozen times), so a long burst would run it ever further ahead: `pnpm bench:server` posting
 *   1,100 comments a second for ten seconds put the newest stamp 13 s in the future. So it runs
 *   ahead by {@link MAX_AHEAD_MS} at most and then holds; stamps made while it holds tie, and the
 *   id orders them as before. Hot read paths keep `Date.now` (`createApp` does so for listings).
 * - A system clock stepped back (NTP) does not reorder: the clock holds its last value plus one
 *   (then its last value) until real time passes it again.
 * - It orders one process's records only; other processes writing to the same database have
 *   their own clocks, and their same-millisecond records still fall back to the id.
 */
export function recordClock(): () => number {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const wall = Date.now();
    last = Math.max(wall, last + 1 <= wall + MAX_AHEAD_MS ? last + 1 : last);
    return last;
  };
}

/** How far ahead of `Date.now()` a {@link recordClock} may run under a burst before it holds. */
export const MAX_AHEAD_MS = 1000;
