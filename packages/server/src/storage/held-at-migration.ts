import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

/**
 * `0070-comment-held-at`: when a published comment went back to the moderation queue after an
 * edit. Moderator digests list the comments that went to the queue since the last digest
 * (`coalesce(held_at, created_at)`); by `created_at` alone, a comment posted before the last
 * digest and held again later was never listed. Existing comments that are held again (pending,
 * published before, not by readers' flags) take their last edit as the best known time.
 */
export function heldAtMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('comments')
        .addColumn('held_at', dialect === 'postgres' ? 'bigint' : 'integer')
        .execute();
      await (db as unknown as Kysely<Database>)
        .updateTable('comments')
        .set((eb) => ({ held_at: eb.ref('edited_at') }))
        .where('status', '=', 'pending')
        .where('announced', '=', 1)
        .where('held_reason', 'is not', null)
        .where('held_reason', '<>', 'flags')
        .where('edited_at', 'is not', null)
        .execute();
    },
  };
}
