import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

// `rate_events`: the sliding windows of every rate limit (posts, follows, previews, sign-ins).
// `KyselyStorage` (kysely-storage.ts) is the `Storage` callers use.

type Db = Kysely<Database>;

/** One limit a reservation must respect: fewer than `limit` events of `subject` after `since`. */
export interface RateCheck {
  subject: string;
  limit: number;
  /** Events at or before this time are not counted. */
  since: number;
}

/**
 * What {@link reserveRate} did: recorded one event per subject (their ids, for
 * {@link releaseRate}), or nothing because check `full` had no room; `oldest` is the time of the
 * oldest event that check counted.
 */
export type RateReservation = { ok: true; ids: number[] } | { ok: false; full: number; oldest: number };

/**
 * Counts and records as one step, so that concurrent requests cannot all see the same free slot:
 * the whole check-and-insert runs while the subjects are locked, on PostgreSQL with
 * transaction-level advisory locks (held by every instance on the database alike, released at
 * commit), on SQLite inside `BEGIN IMMEDIATE`, which takes the database's write lock before the
 * first read (a deferred transaction would read, then fail to upgrade when another process wrote
 * meanwhile). If every check has room, one event at `at` is inserted per distinct subject and the
 * subjects' events older than `forgetBefore` are dropped; otherwise nothing is written.
 */
export async function reserveRate(
  db: Db,
  dialect: Dialect,
  siteId: string,
  checks: RateCheck[],
  at: number,
  forgetBefore: number,
): Promise<RateReservation> {
  const subjects = [...new Set(checks.map((c) => c.subject))];
  return lockedWrite(db, dialect, siteId, subjects, async (trx) => {
    for (const [full, check] of checks.entries()) {
      const { count, oldest } = await countSince(trx, siteId, check.subject, check.since);
      if (count >= check.limit) return { ok: false, full, oldest: oldest ?? at };
    }
    const ids: number[] = [];
    for (const subject of subjects) {
      const row = await trx
        .insertInto('rate_events')
        .values({ site_id: siteId, subject, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(row.id));
      await trx
        .deleteFrom('rate_events')
        .where('site_id', '=', siteId)
        .where('subject', '=', subject)
        .where('created_at', '<', forgetBefore)
        .execute();
    }
    return { ok: true, ids };
  });
}

/** Removes reserved events again (a sign-in that turned out right is no failure). */
export async function releaseRate(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('rate_events').where('id', 'in', ids).execute();
}

async function countSince(db: Db, siteId: string, subject: string, since: number) {
  const row = await db
    .selectFrom('rate_events')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<number>('created_at').as('oldest')])
    .where('site_id', '=', siteId)
    .where('subject', '=', subject)
    .where('created_at', '>', since)
    .executeTakeFirst();
  const oldest = row?.oldest;
  return { count: Number(row?.n ?? 0), oldest: oldest === null || oldest === undefined ? undefined : Number(oldest) };
}

/**
 * Runs `work` in a transaction that no other writer of the same subjects (in any process) runs
 * beside. PostgreSQL: one transaction-level advisory lock per subject, keyed by (hash of the
 * schema, 32-bit hash of site and subject) and taken in ascending key order, so that two
 * multi-subject reservations cannot deadlock; a hash collision only makes two unrelated subjects
 * wait for each other. SQLite: the database's write lock, waited for up to the busy timeout like
 * any other write.
 */
async function lockedWrite<T>(
  db: Db,
  dialect: Dialect,
  siteId: string,
  subjects: string[],
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') {
    const keys = [...new Set(subjects.map((s) => createHash('sha256').update(`${siteId}\n${s}`).digest().readInt32BE(0)))];
    return db.transaction().execute(async (trx) => {
      for (const key of keys.sort((a, b) => a - b)) {
        await sql`select pg_advisory_xact_lock(hashtext(current_schema()), ${key}::int4)`.execute(trx);
      }
      return work(trx);
    });
  }
  // Kysely's SQLite driver has one connection, held here until the callback ends; Kysely's own
  // transactions begin DEFERRED and cannot be asked for IMMEDIATE.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let result: T;
    try {
      result = await work(conn);
    } catch (err) {
      // SQLite ends the transaction itself after some errors (a full disk, an I/O error); the
      // rollback then fails, and the error worth reporting is the first one.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
    await sql`commit`.execute(conn);
    return result;
  });
}
