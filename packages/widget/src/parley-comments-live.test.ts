import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import { loadMore } from './comments/read.js';
import { toggleForm } from './comments/write.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import {
  $,
  FakeSource,
  json,
  later,
  listing,
  makeComment,
  mountComments,
  scoredComments,
  stubFetch,
  minute as t,
  texts,
} from './test-support.js';

// Live updates (issue 9) against a stand-in for the browser's EventSource that the test feeds,
// as the other widget tests stand in for fetch; e2e/comments-live.test.ts runs the same flows
// against a real server's stream.

const at = new Date(Date.now() - 60_000).toISOString();
// One time for all, so that comments without their own are equal in time and keep their order.
const make = (id: string, text: string, extra: Partial<Comment> = {}) => makeComment(id, text, { createdAt: at, ...extra });

const open = () => FakeSource.all.filter((s) => s.readyState < 2);
const stream = () => {
  const list = open();
  expect(list.length, 'one open stream').to.equal(1);
  return list[0]!;
};

type Page = { comments: Comment[]; next?: string | null };
let pages: Record<string, Page>;
let posted: Comment | undefined;
/** Whether a post was sent, and what its answer waits for (nothing unless a test holds it back). */
let postSent = false;
let postAnswered: Promise<unknown> = Promise.resolve();
const realSource = window.EventSource;

async function mount(attrs: { sort?: string; noLive?: boolean } = {}): Promise<ParleyComments> {
  const el = await mountComments({ sort: attrs.sort, live: !attrs.noLive });
  // The stream opens once the observer has seen the thread in view, a frame or so later.
  if (!attrs.noLive) await waitUntil(() => open().length === 1, 'stream open');
  await el.updateComplete;
  return el;
}
const newButton = (el: ParleyComments) => $<HTMLButtonElement>(el, 'button[part~=new]');
const count = (el: ParleyComments) => $(el, '.count')!.textContent;

describe('<parley-comments> live updates', () => {
  beforeEach(() => {
    localStorage.clear();
    FakeSource.all = [];
    posted = undefined;
    postSent = false;
    postAnswered = Promise.resolve();
    pages = { first: { comments: [make('c1', 'one', { replies: [make('r1', 'reply one', { parentId: 'c1' })] })] } };
    window.EventSource = FakeSource as unknown as typeof EventSource;
  });
  afterEach(() => {
    window.EventSource = realSource;
  });
  stubFetch(async (url, init) => {
    if (init.method === 'POST') {
      postSent = true;
      await postAnswered;
      return json({ comment: posted, editToken: 'tok' }, 201);
    }
    const page = pages[url.searchParams.get('cursor') ?? 'first']!;
    const all = (list: Comment[]): number => list.reduce((n, c) => n + 1 + all(c.replies ?? []), 0);
    const count = all(Object.values(pages).flatMap((p) => p.comments));
    return listing(page.comments, { count, nextCursor: page.next ?? null });
  });

  it('keeps a new top-level comment behind an accessible "show" button, announces it once and shows it on request', async () => {
    const el = await mount();
    const s = stream();
    expect(s.url.pathname).to.equal('/api/v1/events');
    expect(Object.fromEntries(s.url.searchParams)).to.deep.equal({ site: 'demo', page: '/a' });
    s.send('ready', { id: 7 }, '7');
    s.send('comment.created', { comment: make('c2', 'two') }, '8');
    s.send('comment.created', { comment: make('c3', 'three') }, '9');
    await el.updateComplete;
    expect(texts(el), 'nothing moves under the reader’s eyes').to.deep.equal(['one']);
    expect(newButton(el)!.textContent).to.equal('2 new comments — show');
    expect(count(el)).to.equal('4 comments');
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[role=status]')!.textContent === '2 new comments', 'one announcement for the burst', {
      timeout: 3000,
    });
    newButton(el)!.click();
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'two', 'three']);
    expect(newButton(el)).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'comment-c2', 'focus on the first new comment');
    s.send('comment.created', { comment: make('c2', 'two') }, '8');
    await el.updateComplete;
    expect(texts(el), 'a replayed event changes nothing').to.deep.equal(['one', 'two', 'three']);
    expect(count(el)).to.equal('4 comments');
    expect(newButton(el)).to.equal(null);
  });

  it('puts new comments on top when the newest come first', async () => {
    const el = await mount({ sort: 'newest' });
    stream().send('comment.created', { comment: make('c2', 'two') }, '8');
    stream().send('comment.created', { comment: make('c3', 'three') }, '9');
    await el.updateComplete;
    const button = newButton(el)!;
    expect(button.textContent).to.equal('2 new comments — show');
    expect(button.compareDocumentPosition($(el, 'ol.thread')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the list').to.not.equal(
      0,
    );
    button.click();
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['three', 'two', 'one']);
  });

  it('updates replies, edits, deletions and votes in place', async () => {
    const el = await mount();
    const s = stream();
    s.send('comment.created', { comment: make('r2', 'reply two', { parentId: 'c1' }) }, '2');
    s.send('comment.created', { comment: make('r9', 'reply to a comment not loaded', { parentId: 'x' }) }, '3');
    s.send('comment.updated', { comment: make('c1', 'one, edited', { editedAt: at }) }, '4');
    s.send('votes.changed', { id: 'r1', up: 3, down: 1, score: 2 }, '5');
    s.send('comment.deleted', { id: 'r2' }, '6');
    s.send('comment.deleted', { id: 'r2' }, '6');
    await el.updateComplete;
    expect(newButton(el), 'replies never wait').to.equal(null);
    expect($(el, '#comment-c1 .body')!.textContent).to.equal('one, edited');
    expect($(el, '#comment-c1 header')!.textContent).to.contain('edited');
    expect([...el.shadowRoot!.querySelectorAll('#replies-c1 article')].map((a) => a.id)).to.deep.equal(['comment-r1']);
    expect($(el, '#comment-r1 .vote .sr')!.textContent).to.equal('Upvote (3)');
    expect(count(el), 'a reply added, the same reply deleted (twice)').to.equal('2 comments');
    s.send('comment.deleted', { id: 'c1' }, '7');
    await el.updateComplete;
    expect($(el, '#comment-c1')!.textContent, 'a deleted comment with replies stays as a husk').to.contain(
      'This comment was deleted.',
    );
    expect($(el, '#comment-r1')).to.not.equal(null);
    expect(count(el)).to.equal('1 comment');
  });

  it('keeps the reader’s own edit that the site holds, which leaves the public thread', async () => {
    const el = await mount();
    localStorage.setItem('parley:tokens', JSON.stringify({ c1: { t: 'tok', at: Date.now() } }));
    el.tokens = { c1: { t: 'tok', at: Date.now() } };
    window.fetch = async () => json({ comment: make('c1', 'one, held', { status: 'pending' }) });
    await toggleForm(el, 'e', 'c1', true);
    $<HTMLTextAreaElement>(el, '#e-c1-body')!.value = 'one, held';
    $<HTMLFormElement>(el, '#comment-c1 form')!.requestSubmit();
    await waitUntil(() => $(el, '#comment-c1 [part=pending]'), 'held for moderation');
    stream().send('comment.deleted', { id: 'c1' }, '3');
    await el.updateComplete;
    expect($(el, '#comment-c1 .body')!.textContent).to.equal('one, held');
    expect(count(el)).to.equal('2 comments');
  });

  it('listens only while visible and resumes after the last event', async () => {
    const el = await mount();
    stream().send('ready', { id: 41 }, '41');
    stream().send('votes.changed', { id: 'c1', up: 1, down: 0, score: 1 }, '42');
    el.style.display = 'none';
    await waitUntil(() => open().length === 0, 'closed when out of view');
    el.style.display = '';
    await waitUntil(() => open().length === 1, 'opened again in view');
    expect(stream().url.searchParams.get('lastEventId')).to.equal('42');
    stream().send('ready', { id: 42 });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      expect(open().length, 'closed in a hidden tab').to.equal(0);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    expect(stream().url.searchParams.get('lastEventId')).to.equal('42');
    el.remove();
    expect(open().length, 'closed when removed').to.equal(0);
  });

  it('opens a new stream some seconds after the server refused one, resuming after the last event', async () => {
    await mount();
    const first = stream();
    first.send('ready', { id: 5 }, '5');
    const realTimeout = window.setTimeout;
    const later: [() => void, number][] = [];
    window.setTimeout = ((fn: () => void, ms = 0) =>
      ms >= 5000 ? later.push([fn, ms]) : realTimeout(fn, ms)) as typeof setTimeout;
    try {
      first.dispatchEvent(new Event('error'));
      expect(later.length, 'a dropped stream is the browser’s to reconnect').to.equal(0);
      first.readyState = 2;
      first.dispatchEvent(new Event('error'));
    } finally {
      window.setTimeout = realTimeout;
    }
    expect(later.length).to.equal(1);
    expect(later[0]![1]).to.be.within(10_000, 40_000);
    later[0]![0]();
    const second = stream();
    expect(second).to.not.equal(first);
    expect(second.url.searchParams.get('lastEventId')).to.equal('5');
  });

  it('reloads the listing when the server says the missed events are gone', async () => {
    const el = await mount();
    pages.first!.comments = [...pages.first!.comments, make('c5', 'five')];
    stream().send('reload', { reason: 'history-gone' }, '99');
    await waitUntil(() => texts(el).length === 2, 'listing read again');
    await waitUntil(() => open().length === 1, 'stream open again');
    expect(stream().url.searchParams.get('lastEventId')).to.equal('99');
  });

  it('opens no stream with no-live', async () => {
    await mount({ noLive: true });
    // A thread without no-live beside it: once its stream is open, both have been seen in view.
    await fixture(html`<parley-comments site="demo" page="/b" api="http://127.0.0.1:1" no-lazy></parley-comments>`);
    await waitUntil(() => FakeSource.all.length > 0, 'the other thread’s stream');
    await aTimeout(100);
    expect(FakeSource.all.map((s) => s.url.searchParams.get('page'))).to.deep.equal(['/b']);
  });

  it('keeps pagination free of duplicates after live comments', async () => {
    pages = {
      first: { comments: [make('c1', 'one')], next: 'p2' },
      p2: { comments: [make('c2', 'two'), make('c3', 'three')] },
    };
    const el = await mount();
    stream().send('comment.created', { comment: make('c3', 'three') }, '5');
    stream().send('comment.created', { comment: make('c4', 'four') }, '6');
    await el.updateComplete;
    expect(newButton(el)!.textContent).to.equal('2 new comments — show');
    await loadMore(el, false);
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'two', 'three']);
    expect(newButton(el)!.textContent, 'the one that came with the page no longer waits').to.equal('1 new comment — show');
    newButton(el)!.click();
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'two', 'three', 'four']);
    expect(el.shadowRoot!.querySelectorAll('#comment-c3').length).to.equal(1);
  });

  describe('puts shown comments where the sort order has them, also across pages', () => {
    /** Delivers `comments` on the stream as new (event ids 5, 6, …) and shows them with the button. */
    async function showNew(el: ParleyComments, ...comments: Comment[]): Promise<void> {
      for (const [i, comment] of comments.entries()) stream().send('comment.created', { comment }, String(5 + i));
      await el.updateComplete;
      newButton(el)!.click();
      await el.updateComplete;
    }

    it('oldest: after every page, also one loaded after they were shown', async () => {
      pages = {
        first: { comments: [make('c1', 'one', { createdAt: t(1) })], next: 'p2' },
        p2: { comments: [make('c2', 'two', { createdAt: t(2) }), make('c3', 'three', { createdAt: t(3) })] },
      };
      const el = await mount({ sort: 'oldest' });
      await showNew(el, make('c5', 'five', { createdAt: t(5) }), make('c4', 'four', { createdAt: t(4) }));
      expect(texts(el)).to.deep.equal(['one', 'four', 'five']);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'comment-c4', 'focus on the first shown');
      await loadMore(el, false);
      await el.updateComplete;
      expect(texts(el), 'the older page comes before them').to.deep.equal(['one', 'two', 'three', 'four', 'five']);
    });

    it('oldest: the reader’s own new comment stays last when the next page comes', async () => {
      pages = {
        first: { comments: [make('c1', 'one', { createdAt: t(1) })], next: 'p2' },
        p2: { comments: [make('c2', 'two', { createdAt: t(2) })] },
      };
      const el = await mount({ sort: 'oldest' });
      posted = make('c9', 'mine', { createdAt: new Date().toISOString() });
      const form = $<HTMLFormElement>(el, 'form')!;
      form.querySelector('textarea')!.value = 'mine';
      form.requestSubmit();
      await waitUntil(() => texts(el).includes('mine'), 'posted');
      await loadMore(el, false);
      await el.updateComplete;
      expect(texts(el)).to.deep.equal(['one', 'two', 'mine']);
    });

    it('oldest: one shown before the next page that belongs inside it goes in its place there, as the server has it', async () => {
      // Held, then approved: announced live with the time it was written, between the next page's.
      pages = {
        first: { comments: [1, 2, 3].map((m) => make(`c${m}`, `${m}`, { createdAt: t(m) })), next: 'p2' },
        p2: { comments: [4, 5, 6].map((m) => make(`c${m}`, m === 5 ? '5, as listed' : `${m}`, { createdAt: t(m) })) },
      };
      const el = await mount({ sort: 'oldest' });
      await showNew(el, make('c5', '5', { createdAt: t(5) }));
      expect(texts(el)).to.deep.equal(['1', '2', '3', '5']);
      await loadMore(el, false);
      await el.updateComplete;
      expect(texts(el), 'the page’s copy is the newer one').to.deep.equal(['1', '2', '3', '4', '5, as listed', '6']);
      expect(el.shadowRoot!.querySelectorAll('#comment-c5').length).to.equal(1);
    });

    it('newest: one shown before the next page that belongs inside it goes in its place there', async () => {
      pages = {
        first: { comments: [9, 8, 7].map((m) => make(`c${m}`, `${m}`, { createdAt: t(m) })), next: 'p2' },
        p2: { comments: [6, 5, 4].map((m) => make(`c${m}`, `${m}`, { createdAt: t(m) })) },
      };
      const el = await mount({ sort: 'newest' });
      await showNew(el, make('c5', '5', { createdAt: t(5) }));
      expect(texts(el)).to.deep.equal(['9', '8', '7', '5']);
      await loadMore(el, false);
      await el.updateComplete;
      expect(texts(el)).to.deep.equal(['9', '8', '7', '6', '5', '4']);
    });

    it('newest: first, but after the pinned ones', async () => {
      pages = {
        first: {
          comments: [make('c0', 'pinned', { createdAt: t(0), pinned: true }), make('c2', 'two', { createdAt: t(2) })],
        },
      };
      const el = await mount({ sort: 'newest' });
      await showNew(el, make('c3', 'three', { createdAt: t(3) }), make('c4', 'four', { createdAt: t(4) }));
      expect(texts(el)).to.deep.equal(['pinned', 'four', 'three', 'two']);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'comment-c4', 'focus on the first shown');
    });

    it('top: after the comments that score higher, before those that score lower', async () => {
      pages = { first: { comments: scoredComments() } };
      const el = await mount({ sort: 'top' });
      await showNew(el, make('c4', 'new', { createdAt: t(4) }));
      expect(texts(el)).to.deep.equal(['liked', 'even', 'new', 'disliked']);
    });
  });

  it('announces an edit the site holds as awaiting approval, and a published one as updated', async () => {
    const el = await mount({ noLive: true });
    el.tokens = { c1: { t: 'tok', at: Date.now() } };
    let status: Comment['status'] = 'approved';
    window.fetch = async () => json({ comment: make('c1', 'one, edited', { status, editedAt: at }) });
    const edit = async () => {
      await toggleForm(el, 'e', 'c1', true);
      $<HTMLTextAreaElement>(el, '#e-c1-body')!.value = 'one, edited';
      $<HTMLFormElement>(el, '#comment-c1 form')!.requestSubmit();
    };
    await edit();
    await waitUntil(() => $(el, '[role=status]')!.textContent === 'Comment updated.', 'announced as updated');
    status = 'pending';
    await edit();
    await waitUntil(
      () => $(el, '[role=status]')!.textContent === 'Edit saved; it will appear once approved.',
      'announced as awaiting approval',
    );
    expect($(el, '#comment-c1 [part=pending]')).to.not.equal(null);
  });

  it('puts the reader’s own comment in once when the stream brings it before the answer', async () => {
    const el = await mount();
    posted = make('c7', 'mine');
    const form = $<HTMLFormElement>(el, 'form')!;
    form.querySelector('textarea')!.value = 'mine';
    stream().send('comment.created', { comment: posted }, '3');
    form.requestSubmit();
    await waitUntil(() => texts(el).includes('mine'), 'posted');
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'mine']);
    expect(newButton(el)).to.equal(null);
    expect(count(el), 'counted once').to.equal('3 comments');
  });

  it('says "Comment posted" for the reader’s own comment that the stream brings first, never "1 new comment"', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const region = $(el, '[role=status]');
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent!)).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    posted = make('c7', 'mine');
    const answer = later<void>();
    postAnswered = answer.promise;
    const form = $<HTMLFormElement>(el, 'form')!;
    form.querySelector('textarea')!.value = 'mine';
    form.requestSubmit();
    // The server stores the comment, tells the page's streams, then answers the post.
    await waitUntil(() => postSent, 'post sent', { timeout: 4000 });
    stream().send('comment.created', { comment: posted }, '3');
    answer.resolve();
    await waitUntil(() => said.includes('Comment posted.'), 'posted');
    // Someone else's comment within the same second: said on its own.
    stream().send('comment.created', { comment: make('c8', 'theirs') }, '4');
    await waitUntil(() => /new comment/.test(region.textContent!), 'the other comment announced', { timeout: 3000 });
    expect(said.filter(Boolean)).to.deep.equal(['Comment posted.', '1 new comment']);
    expect(count(el)).to.equal('4 comments');
  });
});
