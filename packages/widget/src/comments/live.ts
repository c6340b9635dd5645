import type { Comment } from '../api.js';
import type { Thread } from './thread.js';
import { addReply, findPath, mapTree, removeComment, renew } from './tree.js';

/**
 * Live updates of one thread (issue 9), opened by the thread while it is visible. Opens the page's event stream (`GET /api/v1/events`, see
 * docs/api.md "Live updates") and applies what it hears to the thread's state:
 * - a new top-level comment waits in `host.waiting` until the reader asks to see it (nothing
 *   moves under their eyes); a new reply is added under its parent in place;
 * - edits, deletions and votes change the comment in place, shown or waiting;
 * - each burst of new comments is said once through the polite live region, leaving out the
 *   reader's own (announced as posted).
 * Every event may come twice (a new or resumed stream replays the last seconds), so each one is
 * applied as "make it so", never "add one more". The id of each event is kept in `host.liveId`;
 * a stream opened again resumes after it. The browser reconnects a dropped stream by itself,
 * sending the same id as `Last-Event-ID`, but gives up on an answer other than a stream (a 503 at
 * the server's limit, a proxy's 502 while the server restarts): the thread then opens a new one
 * 10–40 s later (about the server's `Retry-After: 30`), spread so that readers do not all come
 * back at once; what happened meanwhile is replayed then.
 */
export function listen(host: Thread, url: string): EventSource {
  const source = new EventSource(url);
  source.onerror = () => source.readyState > 1 && setTimeout(() => host.relive(source), 1e4 + Math.random() * 3e4);
  /** Ids of the comments heard since the last announcement. */
  let heard: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Applies `fn` to the comment `id`, shown or waiting; whether it was there. */
  const apply = (id: string, fn: (c: Comment) => Comment | undefined): boolean => {
    const { comments, waiting } = host;
    host.comments = mapTree(comments, id, fn);
    host.waiting = mapTree(waiting, id, fn);
    return host.comments !== comments || host.waiting !== waiting;
  };
  // A malformed event (not JSON, fields missing) is dropped: it throws before it changes the
  // thread, and must not reach the host page as an uncaught error.
  const on = <T>(type: string, fn: (data: T) => unknown) =>
    source.addEventListener(type, (e) => {
      const { data, lastEventId } = e as MessageEvent<string>;
      if (lastEventId) host.liveId = lastEventId;
      try {
        fn(JSON.parse(data) as T);
      } catch {}
    });

  on<{ comment: Comment }>('comment.created', ({ comment }) => {
    if (!shaped(comment)) return;
    // Already here (posted by this reader, an event replayed, a held comment now approved).
    if (apply(comment.id, renew(comment))) return;
    const p = comment.parentId;
    if (!p) host.waiting = [...host.waiting, comment];
    // A reply to a comment on a page not loaded yet comes with that page.
    else if (!apply(p, addReply(comment))) return;
    host.recount(1);
    heard.push(comment.id);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Not the reader's own: the stream brings it before the answer to their post, which then
      // says "Comment posted" (and gives the edit token that tells it apart).
      const n = heard.filter((id) => !host.tokens[id]).length;
      if (n) host.announce(host.tr('live.new', { n }));
      heard = [];
    }, 1000);
  });
  on<{ comment: Comment }>('comment.updated', ({ comment }) => shaped(comment) && apply(comment.id, renew(comment)));
  on<{ id: string }>('comment.deleted', ({ id }) => {
    const c = findPath([...host.comments, ...host.waiting], id)?.at(-1);
    // The reader's own comment whose edit the site holds for moderation leaves the public
    // thread (this event) but stays for its author, as the API's answer to the edit said.
    if (c?.status === 'pending') return;
    if (c && !c.deleted) host.recount(-1);
    host.comments = removeComment(host.comments, id);
    host.waiting = removeComment(host.waiting, id);
  });
  on<{ id: string; up: number; down: number; score: number }>('votes.changed', ({ id, up, down, score }) =>
    apply(id, (c) => ({ ...c, up, down, score })),
  );
  // The events since `liveId` are gone (a day hidden, or too many): read the listing again.
  on('reload', () => host.reload());
  // Its id is where a stream that closes before any change resumes.
  on('ready', () => 0);
  return source;
}

/**
 * Whether an event's comment has what the thread needs of it: a string id, the HTML and text the
 * renderer shows (bodies.ts, the share bar) and a parent id or none. One not shaped so (a broken
 * proxy, another server's version) is ignored: kept, it would fail when rendered.
 */
const shaped = (c: Comment | undefined): c is Comment =>
  typeof c?.id === 'string' &&
  typeof c.html === 'string' &&
  typeof c.body === 'string' &&
  (c.parentId == null || typeof c.parentId === 'string');
