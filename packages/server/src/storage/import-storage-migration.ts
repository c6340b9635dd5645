import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * `0004-imports`: which comment each imported source record became, so importing the same file
 * again creates nothing new. Keyed by site, source system and the source's own id.
 */
export const importsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('import_refs')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('import_refs_pk', ['site_id', 'source', 'source_id'])
      .execute();
    await db.schema.createIndex('import_refs_comment').on('import_refs').column('comment_id').execute();
  },
};
