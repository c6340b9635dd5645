import { randomBytes } from 'node:crypto';
import {
  type CompiledQuery,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import { claimIdempotencyKey } from './idempotency-storage.js';
import { KyselyLiveEvents } from './live-events.js';
import { queueOutbox } from './outbox-queue.js';
import type { CommentTable, Database, PageTable, SiteTable } from './schema.js';
import type {
  CommentInContext,
  CommentRecord,
  CommentStatus,
  CursorKey,
  Dialect,
  HeldReason,
  NewComment,
  OutboxEntry,
  PageRecord,
  Site,
  SiteSettings,
  SortOrder,
  Storage,
} from './types.js';

/** Storage over Kysely: the one query layer both SQLite and PostgreSQL use. */
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

  async insertComment(input: NewComment, outbox: OutboxEntry[] = []): Promise<{ comment: CommentRecord; page: PageRecord }> {
    return this.db.transaction().execute(async (trx) => {
      // First, so a concurrent request with the same key waits here and then gives up.
      if (input.idempotency) await claimIdempotencyKey(trx, input.siteId, input.id, input.idempotency, input.createdAt);
      await trx
        .insertInto('pages')
        .values({
          site_id: input.siteId,
          key: input.page.key,
          url: input.page.url,
          title: input.page.title,
          locked: 0,
          created_at: input.createdAt,
        })
        .onConflict((oc) => oc.columns(['site_id', 'key']).doNothing())
        .execute();
      const pageRow = await trx
        .selectFrom('pages')
        .selectAll()
        .where('site_id', '=', input.siteId)
        .where('key', '=', input.page.key)
        .executeTakeFirstOrThrow();
      const row = {
        id: input.id,
        page_id: Number(pageRow.id),
        parent_id: input.parentId,
        root_id: input.rootId,
        depth: input.depth,
        author_name: input.authorName,
        author_email: input.authorEmail,
        author_website: input.authorWebsite,
        body: input.body,
        html: input.html,
        status: input.status,
        created_at: input.createdAt,
        edited_at: null,
        up: 0,
        down: 0,
        edit_token_hash: input.editTokenHash,
        ip_hash: input.ipHash,
        held_reason: input.heldReason ?? null,
        flags: 0,
        // A published comment mailed its subscribers now (the hooks' outbox); a held one does on approval.
        announced: input.status === 'approved' ? 1 : 0,
        // Only an edit that holds a published comment sets it; a new one is listed by created_at.
        held_at: null,
      };
      await trx.insertInto('comments').values(row).execute();
      await queueOutbox(trx, outbox, input.createdAt);
      // Read the page again: inserting the comment raised its version (migration 0003).
      const page = await trx.selectFrom('pages').selectAll().where('id', '=', pageRow.id).executeTakeFirstOrThrow();
      return { comment: toComment(row), page: toPage(page) };
    });
  }

  async getComment(id: string): Promise<CommentInContext | undefined> {
    const row = await this.db
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .selectAll('comments')
      .select(['pages.site_id', 'pages.key as page_key'])
      .where('comments.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return { ...toComment(row), siteId: row.site_id, pageKey: row.page_key };
  }

  async updateCommentBody(
    id: string,
    body: string,
    html: string,
    editedAt: number,
    outbox: OutboxEntry[] = [],
    hold?: HeldReason,
  ): Promise<CommentRecord> {
    // held_at: the digest lists a comment by when it went to the queue (see held-at-migration.ts).
    const held = hold ? { status: 'pending', held_reason: hold, pinned: 0, held_at: editedAt } : {};
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('comments')
        .set({ body, html, edited_at: editedAt, ...held })
        .where('id', '=', id)
        .execute();
      await queueOutbox(trx, outbox, editedAt);
      const row = await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toComment(row);
    });
  }

  async softDeleteComment(id: string, outbox: OutboxEntry[] = []): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await queueOutbox(trx, outbox, Date.now());
      await trx
        .updateTable('comments')
        .set({
          status: 'deleted',
          body: '',
          html: '',
          author_name: '',
          author_email: null,
          author_website: null,
          edit_token_hash: null,
        })
        .where('id', '=', id)
        .execute();
    });
  }

  async listTopLevel(pageId: number, sort: SortOrder, limit: number, after?: CursorKey): Promise<CommentRecord[]> {
    let q = this.db
      .selectFrom('comments')
      .selectAll()
      .where('page_id', '=', pageId)
      .where('depth', '=', 0)
      .where('pinned', '=', 0)
      .where('status', 'in', ['approved', 'deleted']);
    if (sort === 'oldest') {
      if (after) q = q.where((eb) => tupleAfter(eb, 'created_at', after.createdAt, after.id, '>'));
      q = q.orderBy('created_at', 'asc').orderBy('id', 'asc');
    } else if (sort === 'newest') {
      if (after) q = q.where((eb) => tupleAfter(eb, 'created_at', after.createdAt, after.id, '<'));
      q = q.orderBy('created_at', 'desc').orderBy('id', 'desc');
    } else {
      const score = sql<number>`(up - down)`;
      if (after) {
        const s = after.score ?? 0;
        q = q.where((eb) =>
          eb.or([eb(score, '<', s), eb.and([eb(score, '=', s), tupleAfter(eb, 'created_at', after.createdAt, after.id, '>')])]),
        );
      }
      q = q.orderBy(score, 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc');
    }
    const rows = await q.limit(limit).execute();
    return rows.map(toComment);
  }

  async listPinned(pageId: number): Promise<CommentRecord[]> {
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('page_id', '=', pageId)
      .where('depth', '=', 0)
      .where('pinned', '=', 1)
      .where('status', '=', 'approved')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toComment);
  }

  async listReplies(rootIds: string[]): Promise<CommentRecord[]> {
    if (rootIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('root_id', 'in', rootIds)
      .where('status', 'in', ['approved', 'deleted'])
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toComment);
  }

  async countApproved(siteId: string, keys: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (keys.length === 0) return counts;
    const rows = await this.db
      .selectFrom('pages')
      .innerJoin('comments', 'comments.page_id', 'pages.id')
      .select(['pages.key', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pages.site_id', '=', siteId)
      .where('pages.key', 'in', keys)
      .where('comments.status', '=', 'approved')
      .groupBy('pages.key')
      .execute();
    for (const row of rows) counts.set(row.key, Number(row.n));
    return counts;
  }

  async vote(commentId: string, voter: string, value: -1 | 0 | 1, at: number): Promise<{ up: number; down: number }> {
    return this.db.transaction().execute(async (trx) => {
      // Lock the comment row first so concurrent votes on it are applied one after another.
      let lock = trx.selectFrom('comments').select('id').where('id', '=', commentId);
      if (this.dialect === 'postgres') lock = lock.forUpdate();
      await lock.executeTakeFirst();
      if (value === 0) {
        await trx.deleteFrom('votes').where('comment_id', '=', commentId).where('voter', '=', voter).execute();
      } else {
        await trx
          .insertInto('votes')
          .values({ comment_id: commentId, voter, value, created_at: at })
          .onConflict((oc) => oc.columns(['comment_id', 'voter']).doUpdateSet({ value, created_at: at }))
          .execute();
      }
      const tally = await trx
        .selectFrom('votes')
        .select([
          (eb) => eb.fn.sum<number>(eb.case().when('value', '=', 1).then(1).else(0).end()).as('up'),
          (eb) => eb.fn.sum<number>(eb.case().when('value', '=', -1).then(1).else(0).end()).as('down'),
        ])
        .where('comment_id', '=', commentId)
        .executeTakeFirst();
      const up = Number(tally?.up ?? 0);
      const down = Number(tally?.down ?? 0);
      await trx.updateTable('comments').set({ up, down }).where('id', '=', commentId).execute();
      return { up, down };
    });
  }

  async rateCount(siteId: string, subject: string, since: number): Promise<{ count: number; oldest: number | undefined }> {
    const row = await this.db
      .selectFrom('rate_events')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<number>('created_at').as('oldest')])
      .where('site_id', '=', siteId)
      .where('subject', '=', subject)
      .where('created_at', '>', since)
      .executeTakeFirst();
    const oldest = row?.oldest;
    return { count: Number(row?.n ?? 0), oldest: oldest === null || oldest === undefined ? undefined : Number(oldest) };
  }

  async rateRecord(siteId: string, subject: string, at: number, forgetBefore: number): Promise<void> {
    await this.db.insertInto('rate_events').values({ site_id: siteId, subject, created_at: at }).execute();
    await this.db
      .deleteFrom('rate_events')
      .where('site_id', '=', siteId)
      .where('subject', '=', subject)
      .where('created_at', '<', forgetBefore)
      .execute();
  }
}

/** `(col, id) > (value, id)` written out, since SQLite and PostgreSQL differ on row values with bind parameters. */
function tupleAfter(
  eb: ExpressionBuilder<Database, 'comments'>,
  col: 'created_at',
  value: number,
  id: string,
  op: '>' | '<',
): Expression<SqlBool> {
  return eb.or([eb(col, op, value), eb.and([eb(col, '=', value), eb('id', op, id)])]);
}

function siteRow(site: Site): Selectable<SiteTable> {
  return {
    id: site.id,
    name: site.name,
    origins: JSON.stringify(site.origins),
    settings: JSON.stringify(site.settings),
    created_at: site.createdAt,
  };
}

function toSite(row: Selectable<SiteTable>): Site {
  return {
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    settings: JSON.parse(row.settings) as SiteSettings,
    createdAt: Number(row.created_at),
  };
}

/** A page row as a record; shared with the import storage. */
export function toPage(row: Selectable<PageTable>): PageRecord {
  return {
    id: Number(row.id),
    siteId: row.site_id,
    key: row.key,
    url: row.url,
    title: row.title,
    locked: Number(row.locked) === 1,
    createdAt: Number(row.created_at),
    version: Number(row.version),
  };
}

/** The moderation columns, which rows built in code (before they are read back) lack. */
type ModerationColumns = 'pinned' | 'moderator' | 'held_reason' | 'flags';

/** A comment row as a record; shared with the import storage. */
export function toComment(
  row: Omit<Selectable<CommentTable>, ModerationColumns> & Partial<Pick<Selectable<CommentTable>, ModerationColumns>>,
): CommentRecord {
  return {
    id: row.id,
    pageId: Number(row.page_id),
    parentId: row.parent_id,
    rootId: row.root_id,
    depth: Number(row.depth),
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorWebsite: row.author_website,
    body: row.body,
    html: row.html,
    status: row.status as CommentStatus,
    createdAt: Number(row.created_at),
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    up: Number(row.up),
    down: Number(row.down),
    editTokenHash: row.edit_token_hash,
    ipHash: row.ip_hash,
    pinned: Number(row.pinned ?? 0) === 1,
    moderator: Number(row.moderator ?? 0) === 1,
    heldReason: (row.held_reason ?? null) as HeldReason | null,
    flags: Number(row.flags ?? 0),
  };
}
