import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { adminLocaleMigration } from './admin-locale-migration.js';
import { adminModerationMigration } from './admin-moderation-migration.js';
import { adminsMigration } from './admin-storage.js';
import { announcedMigration } from './announced-migration.js';
import { feedIndexMigration } from './feed-storage.js';
import { heldAtMigration } from './held-at-migration.js';
import { idempotencyMigration } from './idempotency-storage.js';
import { importsMigration } from './import-storage-migration.js';
import { liveEventsMigration } from './live-events-migration.js';
import { commentFlagsMigration, heldReasonMigration } from './moderation-storage.js';
import { notifyMigration } from './notify-migration.js';
import { pageVersionMigration } from './page-version-migration.js';
import { sharesMigration } from './share-storage.js';
import type { Dialect } from './types.js';

/**
 * Versioned schema migrations, applied in name order on start and by `parley migrate`.
 * Each migration is written once for both databases; `dialect` picks the few types that differ.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('parley_meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sites')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('origins', 'text', (c) => c.notNull())
          .addColumn('settings', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute();
        let pages = db.schema.createTable('pages');
        pages =
          dialect === 'postgres'
            ? pages.addColumn('id', 'bigserial', (c) => c.primaryKey())
            : pages.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
        await pages
          .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addUniqueConstraint('pages_site_key', ['site_id', 'key'])
          .execute();
        await db.schema
          .createTable('comments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('page_id', bigint, (c) => c.notNull().references('pages.id').onDelete('cascade'))
          .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
          .addColumn('root_id', 'text')
          .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('author_name', 'text', (c) => c.notNull())
          .addColumn('author_email', 'text')
          .addColumn('author_website', 'text')
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('html', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('edited_at', bigint)
          .addColumn('up', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('down', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('edit_token_hash', 'text')
          .addColumn('ip_hash', 'text')
          .execute();
        await db.schema
          .createIndex('comments_page_top')
          .on('comments')
          .columns(['page_id', 'depth', 'created_at', 'id'])
          .execute();
        await db.schema.createIndex('comments_root').on('comments').column('root_id').execute();
        await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
        await db.schema.createIndex('comments_page_status').on('comments').columns(['page_id', 'status']).execute();
        await db.schema
          .createTable('votes')
          .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
          .addColumn('voter', 'text', (c) => c.notNull())
          .addColumn('value', 'integer', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('votes_pk', ['comment_id', 'voter'])
          .execute();
        let rate = db.schema.createTable('rate_events');
        rate =
          dialect === 'postgres'
            ? rate.addColumn('id', 'bigserial', (c) => c.primaryKey())
            : rate.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
        await rate
          .addColumn('site_id', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('rate_events_lookup')
          .on('rate_events')
          .columns(['site_id', 'subject', 'created_at'])
          .execute();
        await sql`select 1`.execute(db);
      },
    },
    '0002-shares': sharesMigration(dialect),
    '0003-page-version': pageVersionMigration(dialect),
    '0004-imports': importsMigration,
    '0010-admins': adminsMigration(dialect),
    '0011-moderation': adminModerationMigration(dialect),
    '0020-notify': notifyMigration(dialect),
    '0015-held-reason': heldReasonMigration,
    '0016-comment-flags': commentFlagsMigration(dialect),
    '0021-feed-index': feedIndexMigration,
    '0030-live-events': liveEventsMigration(dialect),
    '0040-idempotency-keys': idempotencyMigration(dialect),
    '0060-comment-announced': announcedMigration,
    '0070-comment-held-at': heldAtMigration(dialect),
    '0090-admin-locale': adminLocaleMigration,
  };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, schema?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'parley_migrations',
    migrationLockTableName: 'parley_migrations_lock',
    // Migration numbers are handed out to parallel work, so 0003 may land after 0004 was applied.
    allowUnorderedMigrations: true,
    // Without a schema Kysely looks for its tables in every schema, finds another schema's and
    // skips creating its own; PostgreSQL therefore always names the one in use.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
