import type { Generated, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { OutboxEntry } from './types.js';

/** `outbox` (migration `0020-notify`): one mail or webhook call waiting to be sent, or sent. */
export interface OutboxTable {
  id: Generated<number>;
  site_id: string;
  kind: string;
  /** JSON of the entry's payload. */
  payload: string;
  /** `pending` until sent (`sent`), given up on (`failed`) or no longer wanted (`dropped`). */
  status: string;
  attempts: number;
  /** Not sent before this time (ms): the retry backoff. */
  next_at: number;
  /** While a worker holds the row: until when, and which worker. An expired lease may be taken again. */
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

/**
 * Writes outbox entries with whatever Kysely connection or transaction it is given (typed loosely
 * because each storage module widens the base `Database` with its own tables).
 */
export async function queueOutbox(db: Kysely<Database> | object, entries: OutboxEntry[], now: number): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    site_id: e.siteId,
    kind: e.kind,
    payload: JSON.stringify(e.payload),
    status: 'pending',
    attempts: 0,
    next_at: now,
    created_at: now,
  }));
  // Any database that holds the base tables also has `outbox` once migration 0020 ran.
  const withOutbox = db as unknown as Kysely<{ outbox: OutboxTable }>;
  await withOutbox.insertInto('outbox').values(rows).execute();
}
