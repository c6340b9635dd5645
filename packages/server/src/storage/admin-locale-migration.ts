import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * `0090-admin-locale`: the language an administrator's console speaks (`admins.locale`, a BCP 47
 * tag, NULL until the console first sends it). Moderator mails to the account's address and the
 * moderation pages behind their links use it; NULL reads as English.
 */
export const adminLocaleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('admins').addColumn('locale', 'text').execute();
  },
};
