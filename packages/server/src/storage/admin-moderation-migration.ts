import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './types.js';

/** `bans` (migration `0011-moderation`): who may not post, as keyed hashes, never addresses. */
export interface BanTable {
  id: string;
  /** Null: every site. */
  site_id: string | null;
  kind: string;
  value_hash: string;
  label: string;
  reason: string;
  created_at: number;
  expires_at: number | null;
  created_by: string;
}

/** `audit_log`: one row per moderator action. */
export interface AuditTable {
  id: string;
  at: number;
  actor_id: string | null;
  actor_email: string;
  actor_name: string;
  action: string;
  site_id: string | null;
  target: string;
  /** JSON object. */
  detail: string;
}

/**
 * `0011-moderation`: pin and moderator-badge columns on comments, bans and the audit log. (The
 * held reason and the flag count are `0015-held-reason`'s.)
 */
export function adminModerationMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('comments')
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('comments')
        .addColumn('moderator', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // The queue reads newest first by status through `comments_status_created` (0021-feed-index);
      // the search across statuses reads newest first through this one.
      await db.schema.createIndex('comments_created').on('comments').columns(['created_at', 'id']).execute();
      await db.schema
        .createTable('bans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value_hash', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('expires_at', bigint)
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bans_value').on('bans').columns(['value_hash']).execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', bigint, (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_email', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    },
  };
}
