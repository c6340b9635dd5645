import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Database } from './schema.js';

/**
 * `0060-comment-announced`: whether a comment's reply and thread mails went out. A comment held
 * when it was posted sends them when a moderator first approves it; one that was published
 * already (then flagged, rejected or held again after an edit) must not send them twice.
 * Existing rows count as announced, except those held at posting and never published.
 * Imported comments keep the default (1): an import never mails subscribers.
 */
export const announcedMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('comments')
      .addColumn('announced', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await (db as unknown as Kysely<Database>)
      .updateTable('comments')
      .set({ announced: 0 })
      .where('status', '=', 'pending')
      .where('held_reason', 'is not', null)
      .where('held_reason', '<>', 'flags')
      .execute();
  },
};
