import type { Comment } from '../api.js';

/**
 * Immutable edits of the comment tree. A changed comment gets a new object, and so do its
 * ancestors; everything else keeps its identity, which lets the renderer skip unchanged
 * sub-threads (the memo in item.ts), so a change costs a path, not the whole thread.
 */
export function mapTree(list: Comment[], id: string, fn: (c: Comment) => Comment | undefined): Comment[] {
  let changed = false;
  const out: Comment[] = [];
  for (const c of list) {
    let next: Comment | undefined = c;
    if (c.id === id) next = fn(c);
    else if (c.replies?.length) {
      const replies = mapTree(c.replies, id, fn);
      if (replies !== c.replies) next = { ...c, replies };
    }
    if (next !== c) changed = true;
    if (next) out.push(next);
  }
  return changed ? out : list;
}

/** The comment with `id` and the chain of its ancestors (outermost first), or undefined. */
export function findPath(list: Comment[], id: string, path: Comment[] = []): Comment[] | undefined {
  for (const c of list) {
    if (c.id === id) return [...path, c];
    if (c.replies?.length) {
      const found = findPath(c.replies, id, [...path, c]);
      if (found) return found;
    }
  }
  return undefined;
}

/** How many comments a list holds, replies included. */
export function countAll(list: Comment[] | undefined): number {
  let n = 0;
  for (const c of list ?? []) n += 1 + countAll(c.replies);
  return n;
}

/** Removes a deleted comment: it stays as a husk while it has replies, as the server does. */
export function removeComment(list: Comment[], id: string): Comment[] {
  return mapTree(list, id, (c) =>
    c.replies?.length ? { ...c, deleted: true, status: 'deleted', author: null, html: '', body: '' } : undefined,
  );
}

/**
 * A change for {@link mapTree}: `comment` as the server now sends it (an edit, a live event),
 * keeping the replies already here and what is left to fetch of them, which only a listing says.
 */
export const renew =
  (comment: Comment) =>
  (c: Comment): Comment => ({ ...comment, replies: c.replies ?? [], moreReplies: c.moreReplies, repliesCursor: c.repliesCursor });

/**
 * A change for {@link mapTree}: `reply` added under its parent where its time puts it, as the
 * server lists replies (oldest first): last when it is new, but a page of older replies fetched
 * after it (see {@link graft}) goes before it.
 */
export const addReply =
  (reply: Comment) =>
  (c: Comment): Comment => {
    const replies = [...(c.replies ?? [])];
    const i = replies.findIndex((o) => o.createdAt + o.id > reply.createdAt + reply.id);
    replies.splice(i < 0 ? replies.length : i, 0, reply);
    return { ...c, replies };
  };

/**
 * Puts replies the server sent (nested, in thread order) into `list`, each under its parent
 * ({@link addReply}) and once: one already here (heard live, or the reader's own) keeps its place.
 * One whose parent is not here (deleted meanwhile) is left out with its replies. Those added go
 * into `added`, in thread order.
 */
export function graft(list: Comment[], add: Comment[], added: Comment[] = []): Comment[] {
  for (const r of add) {
    if (!findPath(list, r.id)) {
      const next = mapTree(list, r.parentId ?? '', addReply({ ...r, replies: [] }));
      if (next !== list) added.push(r);
      list = next;
    }
    list = graft(list, r.replies ?? [], added);
  }
  return list;
}
