import type { Kysely } from 'kysely';
import { KyselyStorage } from './kysely-storage.js';
import { siteRow, toComment, toPage, toSite } from './rows.js';
import type { Database } from './schema.js';
import type { CommentRecord, CommentStatus, PageRecord, Site, Storage } from './types.js';

/** `import_refs` (migration `0004-imports`): source record → the comment it became. */
export interface ImportRefTable {
  site_id: string;
  /** The source system (`disqus`, `wordpress`, …). */
  source: string;
  source_id: string;
  comment_id: string;
}

type ImportDatabase = Database & { import_refs: ImportRefTable };

/** Where an already stored comment sits, so a reply can be attached below it. */
export interface StoredPlace {
  commentId: string;
  pageId: number;
  rootId: string | null;
  depth: number;
}

/** An imported comment, validated and sanitised by `domain/import.ts`. */
export interface ImportedRow {
  sourceId: string;
  id: string;
  pageId: number;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  body: string;
  html: string;
  status: CommentStatus;
  createdAt: number;
  editedAt: number | null;
  up: number;
  down: number;
}

/** The writes of one import batch, all inside one transaction. */
export interface ImportWriter {
  getSite(id: string): Promise<Site | undefined>;
  createSite(site: Site): Promise<void>;
  /** The stored places of source ids imported before (by any earlier run). */
  findImported(siteId: string, source: string, sourceIds: string[]): Promise<Map<string, StoredPlace>>;
  /** Which of these comment ids exist already. */
  takenIds(ids: string[]): Promise<Set<string>>;
  /** Inserts the page unless its key exists; returns its id either way. */
  ensurePage(
    siteId: string,
    page: { key: string; url: string; title: string; locked: boolean; createdAt: number },
  ): Promise<{ id: number; created: boolean }>;
  /** Inserts the comments (parents before children) and remembers their source ids. */
  insertComments(siteId: string, source: string, rows: ImportedRow[]): Promise<void>;
}

/** A stored comment with its page key, as an export writes it. */
export interface ExportedComment extends CommentRecord {
  pageKey: string;
}

/**
 * Storage for `parley import` and `parley export`, kept apart from {@link Storage} because only
 * the command line uses it: batched writes in transactions, a dry run that rolls everything back,
 * and keyset-paginated reads of a whole site.
 */
export interface ImportStorage {
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  batch<T>(fn: (writer: ImportWriter) => Promise<T>): Promise<T>;
  /** Runs `fn` with an import storage whose batches share one transaction, rolled back at the end. */
  rehearse<T>(fn: (storage: ImportStorage) => Promise<T>): Promise<T>;
  getSite(id: string): Promise<Site | undefined>;
  /** Pages of a site ordered by key, after `afterKey`. */
  exportPages(siteId: string, afterKey: string | undefined, limit: number): Promise<PageRecord[]>;
  /** Comments of a page ordered by creation time and id, after `after`. */
  exportComments(pageId: number, after: { createdAt: number; id: string } | undefined, limit: number): Promise<CommentRecord[]>;
}

// SQLite allows 32,766 bound values per statement; 17 columns × 400 rows stays far below.
const ROWS_PER_INSERT = 400;

class KyselyImportStorage implements ImportStorage, ImportWriter {
  readonly #db: Kysely<ImportDatabase>;
  readonly #inTransaction: boolean;

  constructor(db: Kysely<ImportDatabase>, inTransaction: boolean) {
    this.#db = db;
    this.#inTransaction = inTransaction;
  }

  batch<T>(fn: (writer: ImportWriter) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this);
    return this.#db.transaction().execute((trx) => fn(new KyselyImportStorage(trx, true)));
  }

  async rehearse<T>(fn: (storage: ImportStorage) => Promise<T>): Promise<T> {
    const rollback = Symbol('rollback');
    let result: { value: T } | undefined;
    try {
      await this.#db.transaction().execute(async (trx) => {
        result = { value: await fn(new KyselyImportStorage(trx, true)) };
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    }
    if (!result) throw new Error('dry run ended without a result');
    return result.value;
  }

  async getSite(id: string): Promise<Site | undefined> {
    const row = await this.#db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSite(row);
  }

  async createSite(site: Site): Promise<void> {
    await this.#db.insertInto('sites').values(siteRow(site)).execute();
  }

  async findImported(siteId: string, source: string, sourceIds: string[]): Promise<Map<string, StoredPlace>> {
    const found = new Map<string, StoredPlace>();
    for (const ids of slices([...new Set(sourceIds)])) {
      const rows = await this.#db
        .selectFrom('import_refs')
        .innerJoin('comments', 'comments.id', 'import_refs.comment_id')
        .select(['import_refs.source_id', 'comments.id', 'comments.page_id', 'comments.root_id', 'comments.depth'])
        .where('import_refs.site_id', '=', siteId)
        .where('import_refs.source', '=', source)
        .where('import_refs.source_id', 'in', ids)
        .execute();
      for (const r of rows) {
        found.set(r.source_id, { commentId: r.id, pageId: Number(r.page_id), rootId: r.root_id, depth: Number(r.depth) });
      }
    }
    return found;
  }

  async takenIds(ids: string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const slice of slices(ids)) {
      const rows = await this.#db.selectFrom('comments').select('id').where('id', 'in', slice).execute();
      for (const r of rows) taken.add(r.id);
    }
    return taken;
  }

  async ensurePage(
    siteId: string,
    page: { key: string; url: string; title: string; locked: boolean; createdAt: number },
  ): Promise<{ id: number; created: boolean }> {
    const inserted = await this.#db
      .insertInto('pages')
      .values({
        site_id: siteId,
        key: page.key,
        url: page.url,
        title: page.title,
        locked: page.locked ? 1 : 0,
        created_at: page.createdAt,
      })
      .onConflict((oc) => oc.columns(['site_id', 'key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: Number(inserted.id), created: true };
    const row = await this.#db
      .selectFrom('pages')
      .select('id')
      .where('site_id', '=', siteId)
      .where('key', '=', page.key)
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), created: false };
  }

  async insertComments(siteId: string, source: string, rows: ImportedRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await this.#db
        .insertInto('comments')
        .values(
          chunk.map((r) => ({
            id: r.id,
            page_id: r.pageId,
            parent_id: r.parentId,
            root_id: r.rootId,
            depth: r.depth,
            author_name: r.authorName,
            author_email: r.authorEmail,
            author_website: r.authorWebsite,
            body: r.body,
            html: r.html,
            status: r.status,
            created_at: r.createdAt,
            edited_at: r.editedAt,
            up: r.up,
            down: r.down,
            edit_token_hash: null,
            ip_hash: null,
          })),
        )
        .execute();
      await this.#db
        .insertInto('import_refs')
        .values(chunk.map((r) => ({ site_id: siteId, source, source_id: r.sourceId, comment_id: r.id })))
        .execute();
    }
  }

  async exportPages(siteId: string, afterKey: string | undefined, limit: number): Promise<PageRecord[]> {
    let q = this.#db.selectFrom('pages').selectAll().where('site_id', '=', siteId);
    if (afterKey !== undefined) q = q.where('key', '>', afterKey);
    const rows = await q.orderBy('key').limit(limit).execute();
    return rows.map(toPage);
  }

  async exportComments(
    pageId: number,
    after: { createdAt: number; id: string } | undefined,
    limit: number,
  ): Promise<CommentRecord[]> {
    let q = this.#db.selectFrom('comments').selectAll().where('page_id', '=', pageId);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('created_at', '>', after.createdAt),
          eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
        ]),
      );
    }
    const rows = await q.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(toComment);
  }
}

/** The import storage over the same database as `storage` (a {@link KyselyStorage}). */
export function importStorageOf(storage: Storage): ImportStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('import and export need the Kysely storage');
  return new KyselyImportStorage(storage.db.withTables<{ import_refs: ImportRefTable }>(), false);
}

/**
 * `IN` lists in slices of 500: the final pass of an import (replies whose parent never came)
 * can look up any number of ids, beyond SQLite's 32,766 and PostgreSQL's 65,535 bound values.
 */
function slices(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(ids.slice(i, i + 500));
  return out;
}
