import { randomBytes } from 'node:crypto';
import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import * as lists from './comment-list-storage.js';
import * as writes from './comment-write-storage.js';
import { KyselyLiveEvents } from './live-events.js';
import type { RateCheck, RateReservation } from './rate-storage.js';
import * as rates from './rate-storage.js';
import { siteRow, toPage, toSite } from './rows.js';
import type { Database, PageTable } from './schema.js';
import type {
  BodyEdit,
  CommentInContext,
  CommentRecord,
  CommentVersion,
  CursorKey,
  Dialect,
  NewComment,
  OutboxEntry,
  PageRecord,
  ReplyOutline,
  Site,
  SortOrder,
  Storage,
} from './types.js';
import * as votes from './vote-storage.js';

/**
 * Storage over Kysely: the one query layer both SQLite and PostgreSQL use. Sites, pages and the
 * server secret are here; comments are written by `comment-write-storage.ts`, listed by
 * `comment-list-storage.ts`, votes by `vote-storage.ts`, rate events by `rate-storage.ts`.
 */
export class KyselyStorage implements Storage {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  readonly live: KyselyLiveEvents;
  /** Names of the migrations this open applied (empty when the schema was current). */
  migrationsApplied: string[] = [];
  #secret: string | undefined;
  #closing: Promise<void> | undefined;
  #pageQuery: CompiledQuery<Selectable<PageTable>> | undefined;
  readonly #onClose: () => Promise<void>;

  constructor(db: Kysely<Database>, dialect: Dialect, onClose: () => Promise<void> = () => db.destroy()) {
    this.db = db;
    this.dialect = dialect;
    this.live = new KyselyLiveEvents(db);
    this.#onClose = onClose;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  /** Closes the connection (pool); later calls wait for the first instead of failing. */
  close(): Promise<void> {
    this.#closing ??= this.#onClose();
    return this.#closing;
  }

  async secret(): Promise<string> {
    if (this.#secret) return this.#secret;
    const candidate = randomBytes(32).toString('base64url');
    // Insert-if-absent then read back, so concurrent first starts agree on one secret.
    await this.db
      .insertInto('parley_meta')
      .values({ key: 'secret', value: candidate })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db.selectFrom('parley_meta').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
    this.#secret = row.value;
    return row.value;
  }

  // --- sites ---

  async createSite(site: Site): Promise<Site> {
    await this.db.insertInto('sites').values(siteRow(site)).execute();
    return site;
  }

  async getSite(id: string): Promise<Site | undefined> {
    const row = await this.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSite(row);
  }

  async listSites(): Promise<Site[]> {
    const rows = await this.db.selectFrom('sites').selectAll().orderBy('id').execute();
    return rows.map(toSite);
  }

  async updateSite(site: Site): Promise<void> {
    const { id, ...rest } = siteRow(site);
    await this.db.updateTable('sites').set(rest).where('id', '=', id).execute();
  }

  // --- pages ---

  async getPage(siteId: string, key: string): Promise<PageRecord | undefined> {
    // Every listing starts here, so the query is compiled once and only its values change.
    this.#pageQuery ??= this.db.selectFrom('pages').selectAll().where('site_id', '=', '').where('key', '=', '').compile();
    const query: CompiledQuery<Selectable<PageTable>> = { ...this.#pageQuery, parameters: [siteId, key] };
    const { rows } = await this.db.executeQuery(query);
    const row = rows[0];
    return row && toPage(row);
  }

  async setPageLocked(siteId: string, key: string, locked: boolean, at: number): Promise<PageRecord> {
    const flag = locked ? 1 : 0;
    await this.db
      .insertInto('pages')
      .values({ site_id: siteId, key, url: '', title: '', locked: flag, created_at: at })
      .onConflict((oc) =>
        oc.columns(['site_id', 'key']).doUpdateSet((eb) => ({ locked: flag, version: eb('pages.version', '+', 1) })),
      )
      .execute();
    const page = await this.getPage(siteId, key);
    if (!page) throw new Error(`page ${siteId}/${key} vanished while being locked`);
    return page;
  }

  // --- comments (comment-write-storage.ts, comment-list-storage.ts) ---

  insertComment(input: NewComment, outbox: OutboxEntry[] = []): Promise<{ comment: CommentRecord; page: PageRecord }> {
    return writes.insertComment(this.db, input, outbox);
  }

  getComment(id: string): Promise<CommentInContext | undefined> {
    return writes.getComment(this.db, id);
  }

  updateCommentBody(edit: BodyEdit): Promise<CommentRecord | undefined> {
    return writes.updateCommentBody(this.db, edit);
  }

  softDeleteComment(id: string, expected: CommentVersion, outbox: OutboxEntry[] = []): Promise<boolean> {
    return writes.softDeleteComment(this.db, id, expected, outbox);
  }

  listTopLevel(pageId: number, sort: SortOrder, limit: number, after?: CursorKey): Promise<CommentRecord[]> {
    return lists.listTopLevel(this.db, pageId, sort, limit, after);
  }

  listPinned(pageId: number): Promise<CommentRecord[]> {
    return lists.listPinned(this.db, pageId);
  }

  listReplies(rootIds: string[], limit: number): Promise<CommentRecord[]> {
    return lists.listReplies(this.db, rootIds, limit);
  }

  listReplyOutline(rootIds: string[]): Promise<ReplyOutline[]> {
    return lists.listReplyOutline(this.db, rootIds);
  }

  listCommentsById(ids: string[]): Promise<CommentRecord[]> {
    return lists.listCommentsById(this.db, ids);
  }

  countApproved(siteId: string, keys: string[]): Promise<Map<string, number>> {
    return lists.countApproved(this.db, siteId, keys);
  }

  // --- votes (vote-storage.ts) and rate limits (rate-storage.ts) ---

  vote(commentId: string, voter: string, value: -1 | 0 | 1, at: number): Promise<{ up: number; down: number }> {
    return votes.vote(this.db, this.dialect, commentId, voter, value, at);
  }

  rateReserve(siteId: string, checks: RateCheck[], at: number, forgetBefore: number): Promise<RateReservation> {
    return rates.reserveRate(this.db, this.dialect, siteId, checks, at, forgetBefore);
  }

  rateRelease(ids: number[]): Promise<void> {
    return rates.releaseRate(this.db, ids);
  }
}
