import type { Kysely } from 'kysely';
import type { NotifyDatabase } from './notify-tables.js';
import type { Dialect } from './types.js';

// The outbox workers' side of `outbox`: claim due rows under a lease, settle them, count them.
// Writing rows is `queueOutbox` (outbox-queue.ts), which the comment path imports on its own.

/** One outbox row as a worker holds it. */
export interface OutboxItem {
  id: number;
  siteId: string;
  kind: 'mail' | 'webhook';
  payload: unknown;
  attempts: number;
  createdAt: number;
}

/** How one attempt ended: `pending` again (with `nextAt`) to retry. */
export interface OutboxOutcome {
  status: 'sent' | 'failed' | 'dropped' | 'pending';
  nextAt?: number;
  error?: string | null;
}

type Db = Kysely<NotifyDatabase>;

/**
 * Takes up to `limit` due rows for `owner` until `now + leaseMs`. On PostgreSQL the candidate
 * rows are locked with FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint sets without
 * waiting; SQLite runs one writer at a time, so the UPDATE alone decides. Either way a row is
 * only taken while its lease is free or expired, and every later write checks the owner.
 */
export async function claimOutbox(
  db: Db,
  dialect: Dialect,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<OutboxItem[]> {
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_at')
    .orderBy('id')
    .limit(limit);
  const rows = await db
    .updateTable('outbox')
    .set({ lease_owner: owner, lease_until: now + leaseMs })
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    .where('status', '=', 'pending')
    .returningAll()
    .execute();
  return rows
    .map((r) => ({
      id: Number(r.id),
      siteId: r.site_id,
      kind: r.kind as OutboxItem['kind'],
      payload: JSON.parse(r.payload) as unknown,
      attempts: Number(r.attempts),
      createdAt: Number(r.created_at),
    }))
    .sort((a, b) => a.id - b.id);
}

/** Records the outcome of one attempt; false if the lease was lost meanwhile (another worker owns the row). */
export async function settleOutbox(db: Db, id: number, owner: string, outcome: OutboxOutcome, now: number): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      next_at: outcome.nextAt ?? now,
      last_error: outcome.error ?? null,
      lease_owner: null,
      lease_until: null,
      done_at: outcome.status === 'pending' ? null : now,
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Rows by status (for tests, the admin console and `/readyz`-style checks). */
export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
