import type { Comment, ReplyPage } from '../api.js';
import { prepareBodies } from './bodies.js';
import { failed } from './errors.js';
import { load, save, saveIn } from './storage.js';
import type { Thread } from './thread.js';
import { addReply, countAll, findPath, graft, mapTree } from './tree.js';
import { type Held, PAGE_SIZE, type Sort } from './types.js';
import { setUi, uiOf } from './ui.js';

/*
 * Reading the thread beyond its first page (which `Thread.reload` loads): the reader's held
 * comments, more pages, the new
 * comments heard live, the sort order, permalinks and focus. Functions of the element rather
 * than methods, so the chunk's minifier can shorten their names (docs/performance.md).
 */

/**
 * `list` (comments as the server sent them: the first page, a later one) with the reader's own
 * comments it lacks added where they belong: those that wait for a moderator (kept since they
 * posted them, for a week; the server lists only approved ones), and `mine`, posted after `list`
 * was asked for. A reply goes under its parent wherever that is in `list`, so one whose parent
 * comes with a later page is added when that page comes; a top-level one (with `top`: the first
 * page) goes where the sort order puts it among the loaded comments, as a new comment shown live
 * does ({@link place}). A held comment the server lists now (approved) is forgotten.
 */
export function withHeld(host: Thread, list: Comment[], top: boolean, mine: Comment[] = []): Comment[] {
  const add = [...mine];
  for (const [id, h] of Object.entries(load<Record<string, Held>>('held', {}))) {
    const listed = findPath(list, id)?.at(-1);
    // Not `> a week`: an entry that is not an object (NaN) goes too.
    if (!h?.c || !(Date.now() - h.at < 6048e5) || (listed && listed.status !== 'pending')) saveIn<Held>('held', id, undefined);
    else if (h.s === host.siteId && h.p === host.pageKey) add.push(h.c);
  }
  const tops: Comment[] = [];
  for (const c of add) {
    if (findPath(list, c.id)) continue;
    if (c.parentId) list = mapTree(list, c.parentId, addReply(c));
    else if (top) tops.push(c);
  }
  return place(host, tops, list);
}

/** Appends the next page; returns how many comments it brought. */
export async function loadMore(host: Thread, focus = true): Promise<number> {
  if (!host.next || host.loadingMore) return 0;
  host.loadingMore = true;
  // Aborted when the thread loads anew (another page, site or sort): this page belongs to the old one.
  const { signal } = host.loading;
  try {
    const data = await host.client.list(host.siteId, host.pageKey, {
      sort: host.order,
      limit: PAGE_SIZE,
      cursor: host.next,
      signal,
    });
    if (signal.aborted) return 0;
    const page = withHeld(host, data.comments, false);
    const list = host.comments;
    const seen = new Set(list.map((c) => c.id));
    const fresh = page.filter((c) => !seen.has(c.id));
    // A comment heard live may come with a later page: shown there, it no longer waits.
    host.waiting = host.waiting.filter((w) => !fresh.some((c) => c.id === w.id));
    prepareBodies(host, fresh);
    // Comments placed outside the server's paging (`place`) that sort from this page's first on
    // sit last, after everything the server has listed, and may belong inside the page: they go
    // where the order puts them among it, the page's copy of one it brings winning (newer data).
    // Found from the list rather than remembered, so nothing has to follow reloads or deletions.
    let cut = list.length;
    while (page[0] && cut && !list[cut - 1]!.pinned && !after(host.order, page[0], list[cut - 1]!)) cut--;
    // Ids matched against the few placed ones, not the whole list (a long thread has hundreds of
    // pages).
    const tail = list.slice(cut);
    const has = (l: Comment[], c: Comment) => l.some((o) => o.id === c.id);
    host.comments = place(
      host,
      tail.filter((c) => !has(page, c)),
      [...list.slice(0, cut), ...page.filter((c) => !seen.has(c.id) || has(tail, c))],
    );
    host.info = data.page;
    host.next = data.nextCursor;
    const n = countAll(data.comments.filter((c) => !seen.has(c.id)));
    if (focus) {
      host.announce(host.tr('comments.loaded', { n }));
      if (fresh[0]) void focusComment(host, fresh[0].id);
    }
    return n;
  } catch (error) {
    if (!signal.aborted) failed(host, error, host.tr('comments.error'));
    return 0;
  } finally {
    host.loadingMore = false;
  }
}

/**
 * Fetches the next replies of thread `root` (a top-level comment) that the server left out of the
 * listing (`moreReplies`, `repliesCursor`; docs/api.md, "Replies") and shows them under their
 * parents: replies already here (heard live, the reader's own) are not added twice. Focus moves
 * to the first one added (the button that was pressed may be gone).
 */
export async function loadReplies(host: Thread, root: Comment): Promise<void> {
  const { id } = root;
  if (uiOf(host, id).busy) return;
  setUi(host, id, { busy: true });
  const { signal } = host.loading;
  try {
    const data = await host.client.list<ReplyPage>(host.siteId, host.pageKey, {
      root: id,
      cursor: root.repliesCursor,
      limit: PAGE_SIZE,
      signal,
    });
    if (signal.aborted) return;
    const added: Comment[] = [];
    prepareBodies(host, data.replies);
    host.comments = mapTree(host.comments, id, (c) => ({
      // The reader's held replies to the replies that came go under them too.
      ...withHeld(host, graft([c], data.replies, added), false)[0]!,
      moreReplies: data.moreReplies,
      repliesCursor: data.nextCursor ?? undefined,
    }));
    // Shown at once, however many replies their parents now have.
    for (const r of added) host.ui.set(r.parentId!, { ...uiOf(host, r.parentId!), showAll: true });
    setUi(host, id, { busy: false });
    // The first one added; else (all were here already, heard live) the first one sent.
    await focusComment(host, (added[0] ?? data.replies[0] ?? root).id);
  } catch (error) {
    setUi(host, id, { busy: false });
    if (!signal.aborted) failed(host, error, host.tr('comments.error'));
  }
}

/** Whether `a` comes after `b` in the server's order (`top`: up − down, ties oldest first; then by id). */
function after(order: Sort, a: Comment, b: Comment): boolean {
  return order === 'top' && a.score !== b.score
    ? a.score < b.score
    : (order === 'newest') !== a.createdAt + a.id > b.createdAt + b.id;
}

/**
 * The top-level comments (`into`, else those shown) with `add` (new ones: heard live, or the
 * reader's own, just posted or held for moderation) each put where
 * the server lists it, after the pinned ones: the end for `oldest`, the start for `newest`. One
 * that belongs after every loaded comment goes last, and is placed again among a later page
 * ({@link loadMore}).
 */
export function place(host: Thread, add: Comment[], into = host.comments): Comment[] {
  const list = [...into];
  for (const c of add) {
    const i = list.findIndex((o) => !o.pinned && after(host.order, o, c));
    list.splice(i < 0 ? list.length : i, 0, c);
  }
  return list;
}

/** Shows the new comments heard live (the count already has them); focus moves to the first shown. */
export function showNew(host: Thread): void {
  const add = host.waiting;
  host.waiting = [];
  host.comments = place(host, add);
  const first = host.comments.find((c) => add.includes(c));
  if (first) void focusComment(host, first.id);
}

/** Chooses a sort order, remembers it for the site and reloads. */
export function setSort(host: Thread, order: Sort): void {
  host.order = order;
  save(`sort:${host.siteId}`, order);
  void host.reload();
}

/** Focuses the first element matching `sel` once rendered; `scroll` brings it to the middle first. */
export async function focusOn(host: Thread, sel: string, scroll = false): Promise<void> {
  await host.updateComplete;
  const el = host.renderRoot.querySelector<HTMLElement>(sel);
  if (scroll)
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  el?.focus({ preventScroll: scroll });
}

/** Moves focus to a comment once it is rendered. */
export const focusComment = (host: Thread, id: string, scroll = false) => focusOn(host, `#comment-${CSS.escape(id)}`, scroll);

/**
 * The article's address as the thread gives it out (the page URL sent with a post, permalinks,
 * the share bar's link): `<link rel=canonical>` without its fragment, else this page's origin and
 * path. Never the query (a reader's access token or e-mail from a newsletter link, which the
 * server would publish), never another origin (the server refuses a page URL off the site's).
 */
export function pageUrl(): string {
  const { origin, pathname } = location;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '';
  return canonical.startsWith(`${origin}/`) ? canonical.replace(/#.*/, '') : origin + pathname;
}

/** The permalink of comment `id`: {@link pageUrl} and `#comment-<id>`. */
export const permalink = (id: string): string => `${pageUrl()}#comment-${id}`;

/**
 * Shows the comment named by `#comment-<id>`. One not loaded is asked for (`around=<id>`): the
 * server names its thread and sends it with its ancestors and the replies after it, as a listing
 * leaves out replies beyond the first 50 of a thread; its thread is then looked for in up to 5
 * more pages, and the reply put in it. Otherwise the live region says it is not there. Only the
 * server's id format (`newCommentId`: 12 base64url characters, which need no decoding) is looked
 * for: any other fragment costs no request.
 */
export async function openPermalink(host: Thread): Promise<void> {
  // Any `#comment-` matches; the id only in the server's format.
  const link = /^#comment-(?:([\w-]{12})$)?/.exec(location.hash);
  if (!link || host.phase !== 'ready') return;
  const id = link[1] ?? '';
  const { signal } = host.loading;
  let path = findPath(host.comments, id);
  if (id && !path) {
    try {
      // An older server answers a listing: then the comment is looked for as a top-level one.
      const { root = id, replies = [] } = await host.client.list<ReplyPage>(host.siteId, host.pageKey, {
        around: id,
        limit: PAGE_SIZE,
        signal,
      });
      for (let i = 0; !findPath(host.comments, root) && host.next && !signal.aborted && i < 5; i++) await loadMore(host, false);
      prepareBodies(host, replies);
      host.comments = mapTree(host.comments, root, (c) => graft([c], replies)[0]!);
    } catch {
      // Not listed on this page (404), or the server is away: not found either way.
    }
    path = findPath(host.comments, id);
  }
  if (signal.aborted) return;
  if (!path) return host.announce(host.tr('comments.notFound'));
  for (const c of path.slice(0, -1)) setUi(host, c.id, { collapsed: false, showAll: true });
  for (const [k, v] of host.ui) if (v.hl) setUi(host, k, { hl: false });
  setUi(host, id, { hl: true });
  await focusComment(host, id, true);
}
