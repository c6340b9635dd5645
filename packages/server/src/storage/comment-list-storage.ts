import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { toComment } from './rows.js';
import type { Database } from './schema.js';
import type { CommentRecord, CommentStatus, CursorKey, ReplyOutline, SortOrder } from './types.js';

// The public read path over `comments`: a page's top-level comments by cursor, pinned ones,
// the outline of their threads and the replies chosen from it, counts. `KyselyStorage` (kysely-storage.ts) is the `Storage` callers use.

type Db = Kysely<Database>;

/** One window of a page's top-level, unpinned, visible comments in `sort` order, after the cursor. */
export async function listTopLevel(
  db: Db,
  pageId: number,
  sort: SortOrder,
  limit: number,
  after?: CursorKey,
): Promise<CommentRecord[]> {
  let q = db
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

/** A page's pinned approved top-level comments, oldest first. */
export async function listPinned(db: Db, pageId: number): Promise<CommentRecord[]> {
  const rows = await db
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

/** The visible replies under the given top-level comments, oldest first, at most `limit`. */
export async function listReplies(db: Db, rootIds: string[], limit: number): Promise<CommentRecord[]> {
  if (rootIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('root_id', 'in', rootIds)
    .where('status', 'in', ['approved', 'deleted'])
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toComment);
}

/**
 * The shape of the threads under the given top-level comments: every reply in any status, oldest
 * first, without its text. Enough to put a thread in order and page through it (see
 * `domain/reply-paging.ts`) without reading every reply's text.
 */
export async function listReplyOutline(db: Db, rootIds: string[]): Promise<ReplyOutline[]> {
  if (rootIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'root_id', 'created_at', 'status'])
    .where('root_id', 'in', rootIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    rootId: r.root_id,
    createdAt: Number(r.created_at),
    status: r.status as CommentStatus,
  }));
}

/** The comments with these ids, in no particular order; ids of no comment are left out. */
export async function listCommentsById(db: Db, ids: string[]): Promise<CommentRecord[]> {
  const out: CommentRecord[] = [];
  // In slices, so a listing of 100 threads cannot reach a driver's limit on bound parameters.
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('comments')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const row of rows) out.push(toComment(row));
  }
  return out;
}

/** Approved comments per page key; keys without any are left out. */
export async function countApproved(db: Db, siteId: string, keys: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (keys.length === 0) return counts;
  const rows = await db
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
