import { expect, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import type { ParleyComments } from './parley-comments.js';
import { $, FakeSource, json, listing, makeComment, minute, mountComments, stubFetch } from './test-support.js';

// Replies the server left out of a listing (it carries each thread's first 50; docs/api.md,
// "Replies"): "Show N more replies" fetches them (`root=<id>&cursor=`), and a permalink to one
// asks where it is (`around=<id>`). Against a stand-in for the API and for the live stream.

/** A reply to `parent` written at `min` minutes into the last hour. */
const reply = (id: string, parent: string, min: number, replies: Comment[] = []) =>
  makeComment(id, `text ${id}`, { parentId: parent, createdAt: minute(min), replies });

/** The thread's first page: `top` with five replies shown and three the server left out. */
const top = () =>
  makeComment('top', 'top', {
    createdAt: minute(0),
    replies: [1, 2, 3, 4, 5].map((m) => reply(`r${m}`, 'top', m)),
    moreReplies: 4,
    repliesCursor: 'rc1',
  });

/** What the stand-in answers `root=top` by cursor; an answer may wait for the test (`hold`). */
let pages: Record<string, () => Response | Promise<Response>>;
let requests: URL[];
let first: () => Response;

stubFetch((url) => {
  requests.push(url);
  const q = url.searchParams;
  if (q.has('root')) return pages[`${q.get('root')} ${q.get('cursor')}`]!();
  if (q.has('around')) return pages[`around ${q.get('around')}`]?.() ?? json({ code: 'comment-not-found', detail: 'x' }, 404);
  if (q.get('cursor') === 'p2') return listing([top()]);
  return first();
});

const replyPage = (replies: Comment[], moreReplies: number, nextCursor: string | null, root = 'top') =>
  json({ root, replies, moreReplies, nextCursor });
/** The ids of the comments shown, in the order shown. */
const shown = (el: ParleyComments) => [...el.shadowRoot!.querySelectorAll('article')].map((a) => a.id.slice(8));
const more = (el: ParleyComments) => $<HTMLButtonElement>(el, '#replies-top ~ button.more');

const realSource = window.EventSource;

describe('<parley-comments> replies the listing left out', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
    requests = [];
    pages = {};
    first = () => listing([top()], { count: 9 });
    FakeSource.all = [];
    window.EventSource = FakeSource as unknown as typeof EventSource;
  });
  afterEach(() => {
    window.EventSource = realSource;
  });

  it('fetches them with "Show N more replies", in thread order, focus on the first, none twice when one came live meanwhile', async () => {
    const el = await mountComments({ live: true });
    await expect(el).to.be.accessible();
    expect(more(el).textContent?.trim()).to.equal('Show 4 more replies');
    // The thread's own comment heard again (edited, or replayed by a new stream) keeps what is left to fetch.
    await waitUntil(() => FakeSource.all.at(-1), 'stream open');
    FakeSource.all.at(-1)?.send('comment.updated', {
      comment: makeComment('top', 'top, edited', { createdAt: minute(0), replies: [] }),
    });
    await waitUntil(() => $(el, '#comment-top .body')?.textContent === 'top, edited', 'edited in place');
    expect(more(el).textContent?.trim()).to.equal('Show 4 more replies');
    pages['top rc1'] = () => replyPage([reply('r2x', 'r2', 6), reply('r6', 'top', 7, [reply('r6x', 'r6', 8)])], 2, 'rc2');
    more(el).click();
    await waitUntil(() => $(el, '#comment-r6x'), 'the next replies shown');
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).to.deep.equal({
      site: 'demo',
      page: '/a',
      root: 'top',
      cursor: 'rc1',
      limit: '50',
    });
    expect(shown(el)).to.deep.equal(['top', 'r1', 'r2', 'r2x', 'r3', 'r4', 'r5', 'r6', 'r6x']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('comment-r2x');
    expect(more(el).textContent?.trim()).to.equal('Show 2 more replies');
    await expect(el).to.be.accessible();

    // A new one is posted and heard live while the page before it is on the way.
    let answer!: (r: Response) => void;
    pages['top rc2'] = () => new Promise((resolve) => (answer = resolve));
    more(el).click();
    await waitUntil(() => answer, 'asked for the rest');
    expect(more(el).getAttribute('aria-disabled')).to.equal('true');
    FakeSource.all.at(-1)?.send('comment.created', { comment: reply('live', 'top', 9) });
    await waitUntil(() => $(el, '#comment-live'), 'heard live');
    answer(replyPage([reply('r7', 'top', 8.5), reply('live', 'top', 9)], 0, null));
    await waitUntil(() => !more(el), 'nothing more to fetch');
    expect(shown(el), 'the older one before it, the live one once').to.deep.equal([
      'top',
      'r1',
      'r2',
      'r2x',
      'r3',
      'r4',
      'r5',
      'r6',
      'r6x',
      'r7',
      'live',
    ]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('comment-r7');
    expect(requests.filter((u) => u.searchParams.has('root')).length).to.equal(2);
  });

  it('puts the reader’s held reply to a reply the listing left out under it once that reply is fetched', async () => {
    const mine = { ...reply('mine', 'r6', 9), status: 'pending' as const };
    localStorage.setItem('parley:held', JSON.stringify({ mine: { c: mine, s: 'demo', p: '/a', at: Date.now() } }));
    const el = await mountComments();
    expect($(el, '#comment-mine'), 'its parent is not here yet').to.equal(null);
    pages['top rc1'] = () => replyPage([reply('r6', 'top', 7)], 0, null);
    more(el).click();
    await waitUntil(() => $(el, '#comment-r6'), 'fetched');
    await el.updateComplete;
    expect($(el, '#replies-r6 #comment-mine [part=pending]'), 'under its parent, awaiting moderation').to.not.equal(null);
    expect(shown(el)).to.deep.equal(['top', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'mine']);
  });

  it('counts hidden replies and those left out; shows the hidden ones first, then fetches', async () => {
    const many = [...top().replies!, reply('r6', 'top', 6), reply('r7', 'top', 7)];
    first = () => listing([{ ...top(), replies: many }]);
    const el = await mountComments();
    expect(more(el).textContent?.trim()).to.equal('Show 6 more replies');
    more(el).click();
    await waitUntil(() => $(el, '#comment-r7'), 'the hidden ones shown');
    expect(requests.length, 'no request for them').to.equal(1);
    expect(el.shadowRoot!.activeElement?.id, 'focus on the first one revealed').to.equal('comment-r6');
    expect(more(el).textContent?.trim()).to.equal('Show 4 more replies');
    pages['top rc1'] = () => replyPage([reply('r8', 'top', 8)], 0, null);
    more(el).click();
    await waitUntil(() => $(el, '#comment-r8'), 'fetched');
    expect(more(el)).to.equal(null);
    // Collapsed, the thread counts every reply, those not fetched included.
    $<HTMLButtonElement>(el, 'button.toggle').click();
    await el.updateComplete;
    expect($(el, 'button.toggle').textContent?.trim()).to.equal('Show 8 replies');
  });

  it('opens a permalink to a reply the listing left out, in its place, and does not add it again later', async () => {
    history.replaceState(null, '', '#comment-deepReply001');
    // Its thread is on the second page of top-level comments.
    first = () => listing([makeComment('other', 'other', { createdAt: minute(-5) })], { nextCursor: 'p2' });
    pages['around deepReply001'] = () =>
      replyPage([reply('r2', 'top', 2, [reply('r2x', 'r2', 6, [reply('deepReply001', 'r2x', 7)])])], 0, null);
    const el = await mountComments();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'comment-deepReply001', 'focused');
    expect($(el, '#comment-deepReply001').classList.contains('hl')).to.equal(true);
    expect(requests.map((u) => [u.searchParams.get('around'), u.searchParams.get('cursor')])).to.deep.equal([
      [null, null],
      ['deepReply001', null],
      [null, 'p2'],
    ]);
    expect(shown(el)).to.deep.equal(['other', 'top', 'r1', 'r2', 'r2x', 'deepReply001', 'r3', 'r4', 'r5']);
    pages['top rc1'] = () =>
      replyPage([reply('r2x', 'r2', 6, [reply('deepReply001', 'r2x', 7)]), reply('r6', 'top', 8)], 0, null);
    more(el).click();
    await waitUntil(() => $(el, '#comment-r6'), 'the rest fetched');
    expect(shown(el)).to.deep.equal(['other', 'top', 'r1', 'r2', 'r2x', 'deepReply001', 'r3', 'r4', 'r5', 'r6']);
  });

  it('says a permalink to a comment the server does not list is not there, after one request', async () => {
    history.replaceState(null, '', '#comment-notThere0001');
    const el = await mountComments();
    await waitUntil(() => el.announcement === 'The linked comment could not be found.', 'announced');
    expect(requests.length).to.equal(2);
    expect(requests[1]?.searchParams.get('around')).to.equal('notThere0001');
  });
});
