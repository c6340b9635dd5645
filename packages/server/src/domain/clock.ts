/**
 * A millisecond clock for stamping records: `Date.now()`, except that it never gives the same
 * value twice and never goes back (`last = max(Date.now(), last + 1)`).
 *
 * Why: comments, audit-log entries, subscriptions, bans and the like are listed by
 * `(created_at | at, id)`, and their ids are random. Two records made in the same millisecond
 * would then come back in random order rather than in the order they were made (consecutive
 * posts through one process share a millisecond a few percent of the time). With every stamp
 * taken from one such clock, records written through one process keep their order.
 *
 * - More than 1000 calls in a second run the clock a few ms ahead of `Date.now()`; it catches up
 *   as soon as the calls slow down. Every call takes a tick, reads of "now" included, so a
 *   process that called it faster than 1000 times a second for long would drift ahead for as
 *   long: give it to what stamps records, not to hot read paths (`createApp` keeps listings on
 *   `Date.now`).
 * - A system clock stepped back (NTP) does not reorder: the clock holds its last value plus one
 *   until real time passes it again.
 * - It orders one process's records only; other processes writing to the same database have
 *   their own clocks, and their same-millisecond records still fall back to the id.
 */
export function recordClock(): () => number {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return last;
  };
}
