import type { Kysely, Transaction } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStorage } from './kysely-storage.js';
import type { Database } from './schema.js';
import type { Dialect, Storage } from './types.js';

/**
 * `idempotency_keys` (migration `0040-idempotency-keys`): the first answer to each
 * `Idempotency-Key` of a site, written in the same transaction as the comment it created, so a
 * retry after a crash finds either both or neither. The key itself is not kept, only its SHA-256;
 * the edit token is not kept either (the domain derives it again from the key).
 */
export interface IdempotencyKeyTable {
  site_id: string;
  key_hash: string;
  /** SHA-256 of the canonical request, to refuse the same key with another body. */
  request_hash: string;
  comment_id: string;
  /** HTTP status of the first answer. */
  status: number;
  /** The first answer's JSON body without the edit token. */
  response: string;
  created_at: number;
}

type IdempotencyDatabase = Database & { idempotency_keys: IdempotencyKeyTable };

/** `0040-idempotency-keys`. */
export function idempotencyMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('comment_id', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['site_id', 'key_hash'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
    },
  };
}

/** What a comment insert records for its key (see `NewComment.idempotency`). */
export interface IdempotencyEntry {
  keyHash: string;
  requestHash: string;
  status: number;
  response: string;
  /** Entries older than this are deleted in the same transaction (they have expired). */
  forgetBefore: number;
}

/** A stored first answer. */
export interface IdempotentResult {
  requestHash: string;
  commentId: string;
  status: number;
  response: string;
  createdAt: number;
}

/**
 * Thrown inside the comment transaction when the key was taken meanwhile (two requests with one
 * key in flight): the transaction rolls back, and the domain answers with the winner's result.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key taken by a concurrent request');
    this.name = 'IdempotencyKeyTaken';
  }
}

/** Claims the key inside the comment's transaction; throws {@link IdempotencyKeyTaken} if it is taken. */
export async function claimIdempotencyKey(
  trx: Transaction<Database>,
  siteId: string,
  commentId: string,
  entry: IdempotencyEntry,
  at: number,
): Promise<void> {
  const db = trx.withTables<{ idempotency_keys: IdempotencyKeyTable }>() as unknown as Transaction<IdempotencyDatabase>;
  await db.deleteFrom('idempotency_keys').where('created_at', '<', entry.forgetBefore).execute();
  // On PostgreSQL a concurrent uncommitted claim of the same key makes this wait for that
  // transaction; once it commits, nothing is inserted here. On SQLite writes are serial anyway.
  const claimed = await db
    .insertInto('idempotency_keys')
    .values({
      site_id: siteId,
      key_hash: entry.keyHash,
      request_hash: entry.requestHash,
      comment_id: commentId,
      status: entry.status,
      response: entry.response,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'key_hash']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) throw new IdempotencyKeyTaken();
}

/** Reads stored first answers, kept apart from {@link Storage} like the share counts. */
export interface IdempotencyStorage {
  /** The first answer to this key of the site, unless it is older than `notBefore`. */
  find(siteId: string, keyHash: string, notBefore: number): Promise<IdempotentResult | undefined>;
}

/** The idempotency store over the same database as `storage` (a {@link KyselyStorage}). */
export function idempotencyStorageOf(storage: Storage): IdempotencyStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('idempotency keys need the Kysely storage');
  const db = storage.db.withTables<{ idempotency_keys: IdempotencyKeyTable }>();
  return {
    async find(siteId, keyHash, notBefore) {
      const row = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'comment_id', 'status', 'response', 'created_at'])
        .where('site_id', '=', siteId)
        .where('key_hash', '=', keyHash)
        .where('created_at', '>=', notBefore)
        .executeTakeFirst();
      return (
        row && {
          requestHash: row.request_hash,
          commentId: row.comment_id,
          status: Number(row.status),
          response: row.response,
          createdAt: Number(row.created_at),
        }
      );
    },
  };
}
