import type { CommentRecord, CommentStatus, ReplyOutline, Storage } from '../storage/types.js';
import { badReplyCursor, decodeReplyCursor, encodeReplyCursor } from './comment-cursor.js';
import { type PublicComment, present } from './present.js';
import { Problem } from './problem.js';

/**
 * Replies each top-level comment brings in a listing; the rest come by `root=<id>` with the
 * cursor the listing gives (docs/api.md, "Replies"). Without a bound, one listing of `limit=1`
 * carried every reply of its thread: 5,000 replies were 11 MB.
 */
export const LISTING_REPLIES = 50;

/** Statuses a listing shows: `deleted` only as the husk of a comment with listed replies. */
const shows = (status: CommentStatus) => status === 'approved' || status === 'deleted';

/**
 * One thread's replies in the order the thread shows them: depth first, each comment's replies
 * oldest first, so a reply always comes after its parent. Every reply is placed, whatever its
 * status, so a cursor keeps its place when the reply it names is hidden or deleted later; only
 * listed ones (see {@link listed}) are ever sent. Built from the outline (no text), so placing
 * 5,000 replies costs no reading of 5,000 bodies.
 */
export class ThreadOrder {
  /** Every reply, in thread order. */
  readonly order: ReplyOutline[] = [];
  /** Whether `order[i]` is listed: shown, below shown ancestors, and if deleted, with a listed reply. */
  readonly listed: boolean[] = [];
  /** Whether the top-level comment is listed (a deleted one only with a listed reply). */
  readonly rootListed: boolean;
  /** Index in {@link order} of each reply's parent; -1 for the top-level comment. */
  readonly #parent: number[] = [];
  /** Listed replies in `order[0..i)`, for `i` up to `order.length`. */
  readonly #before: number[] = [0];
  readonly #at = new Map<string, number>();

  /** @param rows the thread's outline, oldest first (`Storage.listReplyOutline`) */
  constructor(root: { id: string; status: CommentStatus }, rows: ReplyOutline[]) {
    const kids = new Map<string, ReplyOutline[]>();
    for (const r of rows) {
      const list = kids.get(r.parentId ?? '');
      if (list) list.push(r);
      else kids.set(r.parentId ?? '', [r]);
    }
    // A loop and a stack, not recursion: a thread may be thousands of levels deep.
    const stack = [...(kids.get(root.id) ?? [])].reverse();
    for (let r = stack.pop(); r; r = stack.pop()) {
      if (this.#at.has(r.id)) continue;
      this.#at.set(r.id, this.order.length);
      this.order.push(r);
      const under = kids.get(r.id) ?? [];
      for (let i = under.length - 1; i >= 0; i--) stack.push(under[i] as ReplyOutline);
    }
    const shown = this.order.map((r) => {
      const p = r.parentId === root.id ? -1 : (this.#at.get(r.parentId ?? '') ?? -1);
      this.#parent.push(p);
      return shows(r.status);
    });
    // Reachable: shown, and so is every ancestor (parents come first in thread order).
    for (let i = 0; i < shown.length; i++) shown[i] &&= this.#parent[i] === -1 ? shows(root.status) : !!shown[this.#parent[i]!];
    // Listed: reachable, and approved or with a listed reply (replies come after, so backwards).
    const hasListed = this.order.map(() => false);
    for (let i = this.order.length - 1; i >= 0; i--) {
      const yes = !!shown[i] && (this.order[i]?.status === 'approved' || !!hasListed[i]);
      this.listed[i] = yes;
      if (yes && this.#parent[i]! >= 0) hasListed[this.#parent[i]!] = true;
    }
    for (const yes of this.listed) this.#before.push(this.#before.at(-1)! + (yes ? 1 : 0));
    this.rootListed = root.status === 'approved' || (root.status === 'deleted' && this.#before.at(-1)! > 0);
  }

  /** Where reply `id` stands in {@link order}, or -1 if it is not in this thread. */
  indexOf(id: string): number {
    return this.#at.get(id) ?? -1;
  }

  /** The first `limit` listed replies from `order[from]` on, and how many listed ones follow them. */
  slice(from: number, limit: number): { shown: ReplyOutline[]; more: number } {
    const shown: ReplyOutline[] = [];
    let i = from;
    for (; i < this.order.length && shown.length < limit; i++) if (this.listed[i]) shown.push(this.order[i]!);
    return { shown, more: this.#before.at(-1)! - this.#before[i]! };
  }

  /** The ancestors of `order[i]` below the top-level comment, the nearest `max` of them, outermost first. */
  ancestors(i: number, max: number): ReplyOutline[] {
    const out: ReplyOutline[] = [];
    for (let p = this.#parent[i] ?? -1; p >= 0 && out.length < max; p = this.#parent[p] ?? -1) out.unshift(this.order[p]!);
    return out;
  }
}

/**
 * Replies in thread order, each nested under its parent; one whose parent is not among them (a
 * reply to the top-level comment, or one continuing a sub-thread an earlier answer began) leads
 * a sub-thread of its own. Replies missing from `records` are left out.
 */
export function nest(outline: ReplyOutline[], records: Map<string, CommentRecord>): PublicComment[] {
  const top: PublicComment[] = [];
  const made = new Map<string, PublicComment>();
  for (const r of outline) {
    const record = records.get(r.id);
    // Hidden by a moderator between the outline and this read: never shown.
    if (!record || !shows(record.status)) continue;
    const c: PublicComment = { ...present(record), replies: [] };
    made.set(r.id, c);
    const parent = made.get(r.parentId ?? '');
    if (parent) parent.replies?.push(c);
    else top.push(c);
  }
  return top;
}

/** What `GET /api/v1/comments?root=` or `?around=` asks for (one of the two). */
export interface ReplyQuery {
  root?: string | undefined;
  around?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One thread's replies as `GET /api/v1/comments?root=` or `?around=` answers them. */
export interface ReplyPage {
  root: string;
  replies: PublicComment[];
  moreReplies: number;
  nextCursor: string | null;
}

/** The reads of the reply pages. */
type ReplyStorage = Pick<Storage, 'getComment' | 'listReplies' | 'listReplyOutline' | 'listCommentsById'>;

async function recordsOf(storage: ReplyStorage, outline: ReplyOutline[]): Promise<Map<string, CommentRecord>> {
  const rows = await storage.listCommentsById(outline.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Replies a listing reads whole, text and all, in one query before it falls back to the outline. */
const READ_WHOLE = 1000;

/**
 * Top-level comments as a listing shows them: each with its first `n` listed replies, nested in
 * thread order, and when it has more, how many (`moreReplies`) and the cursor to them
 * (`repliesCursor`). A deleted one without listed replies is left out. When all their replies
 * are few (no more than `n` a thread, and {@link READ_WHOLE}), they are read whole in one query,
 * as before paging; otherwise their outline, then the text of the replies shown.
 */
export async function withReplies(storage: ReplyStorage, roots: CommentRecord[], n: number): Promise<PublicComment[]> {
  const ids = roots.map((c) => c.id);
  const bound = Math.min(ids.length * n, READ_WHOLE);
  const whole = await storage.listReplies(ids, bound + 1);
  const few = whole.length <= bound;
  const byRoot = new Map<string, ReplyOutline[]>();
  for (const r of few ? whole : await storage.listReplyOutline(ids)) {
    const list = byRoot.get(r.rootId ?? '');
    if (list) list.push(r);
    else byRoot.set(r.rootId ?? '', [r]);
  }
  const threads = roots.map((root) => {
    const order = new ThreadOrder(root, byRoot.get(root.id) ?? []);
    return { root, order, ...order.slice(0, n) };
  });
  const records = few
    ? new Map(whole.map((r) => [r.id, r]))
    : await recordsOf(
        storage,
        threads.flatMap((t) => t.shown),
      );
  return threads.flatMap(({ root, order, shown, more }) => {
    if (!order.rootListed) return [];
    const last = shown.at(-1);
    const rest = more > 0 && last ? { moreReplies: more, repliesCursor: encodeReplyCursor(root.id, last.id) } : {};
    return [{ ...present(root), replies: nest(shown, records), ...rest }];
  });
}

/**
 * The replies `root=<id>` asks for (the next `limit` after the cursor, or the first without one),
 * or those `around=<id>` asks for: the comment's ancestors below its top-level comment (the
 * nearest `limit`), then `limit` replies from it on, so a permalink opens a reply that its
 * thread's listing left out. 404 for a comment not listed on this page (and for `root=` a reply),
 * 422 `invalid-cursor` for a cursor of another thread.
 */
export async function replyPage(storage: ReplyStorage, pageId: number, q: ReplyQuery): Promise<ReplyPage> {
  const id = q.root ?? q.around ?? '';
  const gone = () => new Problem(404, 'comment-not-found', `No comment "${id}" is listed on this page`);
  const target = await storage.getComment(id);
  if (!target || target.pageId !== pageId || (q.root !== undefined && target.parentId !== null)) throw gone();
  const root = target.rootId === null ? target : await storage.getComment(target.rootId);
  if (!root) throw gone();
  const order = new ThreadOrder(root, await storage.listReplyOutline([root.id]));
  if (!order.rootListed) throw gone();
  let from = 0;
  let chain: ReplyOutline[] = [];
  if (root !== target) {
    from = order.indexOf(target.id);
    if (!order.listed[from]) throw gone();
    chain = order.ancestors(from, q.limit);
  } else if (q.cursor !== undefined) {
    const after = order.indexOf(decodeReplyCursor(q.cursor, root.id));
    if (after < 0) throw badReplyCursor();
    from = after + 1;
  }
  const { shown, more } = order.slice(from, q.limit);
  const outline = [...chain, ...shown];
  const last = shown.at(-1);
  return {
    root: root.id,
    replies: nest(outline, await recordsOf(storage, outline)),
    moreReplies: more,
    nextCursor: more > 0 && last ? encodeReplyCursor(root.id, last.id) : null,
  };
}
