import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStorage } from './kysely-storage.js';
import { toComment } from './rows.js';
import type { Database } from './schema.js';
import type { CommentRecord, Storage } from './types.js';

/** An approved comment with the page it sits on, as a feed lists it. */
export interface FeedComment extends CommentRecord {
  pageKey: string;
  pageUrl: string;
  pageTitle: string;
}

/** Reads for the Atom feeds, kept apart from {@link Storage} (only the feed routes use them). */
export interface FeedStorage {
  /** The newest approved comments of a site, or of one page of it, newest first. */
  recentApproved(siteId: string, pageKey: string | undefined, limit: number): Promise<FeedComment[]>;
}

/** `0021-feed-index`: the site feed orders a site's approved comments by time. */
export const feedIndexMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();
  },
};

class KyselyFeedStorage implements FeedStorage {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async recentApproved(siteId: string, pageKey: string | undefined, limit: number): Promise<FeedComment[]> {
    let q = this.#db
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .selectAll('comments')
      .select(['pages.key as page_key', 'pages.url as page_url', 'pages.title as page_title'])
      .where('pages.site_id', '=', siteId)
      .where('comments.status', '=', 'approved');
    if (pageKey !== undefined) q = q.where('pages.key', '=', pageKey);
    const rows = await q.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...toComment(r), pageKey: r.page_key, pageUrl: r.page_url, pageTitle: r.page_title }));
  }
}

/** The feed storage over the same database as `storage` (a {@link KyselyStorage}). */
export function feedStorageOf(storage: Storage): FeedStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('feeds need the Kysely storage');
  return new KyselyFeedStorage(storage.db);
}
