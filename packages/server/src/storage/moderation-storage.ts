import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStorage } from './kysely-storage.js';
import { queueOutbox } from './outbox-queue.js';
import type { Database } from './schema.js';
import type { Dialect, OutboxEntry, Storage } from './types.js';

/** `comment_flags` (migration `0016-comment-flags`): one row per comment and flagging visitor. */
export interface CommentFlagTable {
  comment_id: string;
  /** Keyed hash of the visitor's IP prefix; never the address. */
  visitor: string;
  created_at: number;
}

type ModerationDatabase = Database & { comment_flags: CommentFlagTable };

/**
 * `0015-held-reason`: why a comment is held, how many readers flagged it, indexes to find a commenter's earlier comments
 * (trust in `first` mode, duplicates), and `requireFormToken: false` for every site that exists
 * already: their embeds and API clients predate the form token and must keep working. Sites
 * created from now on require it (the default in `domain/sites.ts`).
 */
export const heldReasonMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('comments').addColumn('held_reason', 'text').execute();
    await db.schema
      .alterTable('comments')
      .addColumn('flags', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('comments_email_time').on('comments').columns(['author_email', 'created_at']).execute();
    await db.schema.createIndex('comments_ip_time').on('comments').columns(['ip_hash', 'created_at']).execute();
    const sites = db as unknown as Kysely<Database>;
    const rows = await sites.selectFrom('sites').select(['id', 'settings']).execute();
    for (const row of rows) {
      const settings = JSON.parse(row.settings) as Record<string, unknown>;
      if ('requireFormToken' in settings) continue;
      settings.requireFormToken = false;
      await sites
        .updateTable('sites')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', row.id)
        .execute();
    }
  },
};

/** `0016-comment-flags`: readers' flags, at most one per visitor and comment. */
export function commentFlagsMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comment_flags')
        .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('visitor', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('comment_flags_pk', ['comment_id', 'visitor'])
        .execute();
    },
  };
}

/** Who wrote a comment, as far as the server can tell: the e-mail given, else the IP prefix hash. */
export type Commenter = { email: string } | { ipHash: string };

/** The outcome of one flag. */
export interface FlagResult {
  /** False when this visitor had flagged the comment before (nothing changed). */
  added: boolean;
  /** Flags on the comment now. */
  count: number;
  /** True when this flag reached the threshold and moved the comment to the queue. */
  held: boolean;
}

/** The queries behind the moderation rules and spam checks, kept apart from {@link Storage}. */
export interface ModerationStorage {
  /** True if the commenter has an approved comment on the site (`first` mode trusts them). */
  hasApproved(siteId: string, who: Commenter): Promise<boolean>;
  /** True if the commenter posted exactly this text on the site since `since` (not deleted). */
  hasPosted(siteId: string, who: Commenter, body: string, since: number): Promise<boolean>;
  /**
   * Records one visitor's flag (again: no change). The flag that brings the count to exactly
   * `threshold` (> 0) moves an approved comment to `pending` with reason `flags`; later flags do
   * not, so a moderator who approves it again is not overruled. `outbox` (the moderator mail)
   * is queued in the same transaction only when this flag holds the comment, so it goes out once.
   */
  flag(commentId: string, visitor: string, at: number, threshold: number, outbox?: OutboxEntry[]): Promise<FlagResult>;
}

class KyselyModerationStorage implements ModerationStorage {
  readonly #db: Kysely<ModerationDatabase>;
  readonly #dialect: Dialect;

  constructor(db: Kysely<ModerationDatabase>, dialect: Dialect) {
    this.#db = db;
    this.#dialect = dialect;
  }

  #byCommenter(siteId: string, who: Commenter) {
    let q = this.#db
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .select('comments.id')
      .where('pages.site_id', '=', siteId);
    // Without an e-mail, only comments that gave none either count: a prefix is shared by a household.
    q =
      'email' in who
        ? q.where('comments.author_email', '=', who.email)
        : q.where('comments.ip_hash', '=', who.ipHash).where('comments.author_email', 'is', null);
    return q;
  }

  async hasApproved(siteId: string, who: Commenter): Promise<boolean> {
    const row = await this.#byCommenter(siteId, who).where('comments.status', '=', 'approved').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async hasPosted(siteId: string, who: Commenter, body: string, since: number): Promise<boolean> {
    const row = await this.#byCommenter(siteId, who)
      .where('comments.created_at', '>', since)
      .where('comments.status', '!=', 'deleted')
      .where('comments.body', '=', body)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  flag(commentId: string, visitor: string, at: number, threshold: number, outbox: OutboxEntry[] = []): Promise<FlagResult> {
    return this.#db.transaction().execute(async (trx) => {
      // Lock the comment first so concurrent flags count one after another and exactly one reaches the threshold.
      let lock = trx.selectFrom('comments').select('id').where('id', '=', commentId);
      if (this.#dialect === 'postgres') lock = lock.forUpdate();
      await lock.executeTakeFirst();
      const inserted = await trx
        .insertInto('comment_flags')
        .values({ comment_id: commentId, visitor, created_at: at })
        .onConflict((oc) => oc.columns(['comment_id', 'visitor']).doNothing())
        .executeTakeFirst();
      const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      const tally = await trx
        .selectFrom('comment_flags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('comment_id', '=', commentId)
        .executeTakeFirst();
      const count = Number(tally?.n ?? 0);
      // Kept on the comment too, so the moderation queue can list flagged comments without a join.
      if (added) await trx.updateTable('comments').set({ flags: count }).where('id', '=', commentId).execute();
      let held = false;
      if (added && threshold > 0 && count === threshold) {
        const updated = await trx
          .updateTable('comments')
          // held_at: a digest lists the comment by when it went to the queue (see held-at-migration.ts).
          .set({ status: 'pending', held_reason: 'flags', held_at: at })
          .where('id', '=', commentId)
          .where('status', '=', 'approved')
          .executeTakeFirst();
        held = Number(updated.numUpdatedRows) > 0;
        if (held) await queueOutbox(trx, outbox, at);
      }
      return { added, count, held };
    });
  }
}

/** The moderation storage over the same database as `storage` (a {@link KyselyStorage}). */
export function moderationStorageOf(storage: Storage): ModerationStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('moderation needs the Kysely storage');
  return new KyselyModerationStorage(storage.db.withTables<{ comment_flags: CommentFlagTable }>(), storage.dialect);
}
