import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import type { ParleyComments } from './parley-comments.js';
import { $, FakeSource, listing, makeComment, mountComments, stubFetch, texts } from './test-support.js';

// What a host page or the reader's browser may throw at the thread: a page change while a
// request is on its way (single-page apps), two threads of one page, stored data of the wrong
// shape, malformed live events. The thread keeps working, and no error reaches the host page.

/** A listing request and, for one answered later, how to answer it. */
type Call = { url: URL; init: RequestInit; answer?: (comments: Comment[], next?: string) => void };
let calls: Call[];
/** Which requests the test answers itself (by default every one is answered at once). */
let later: (url: URL) => boolean;
stubFetch((url, init) => {
  const call: Call = { url, init };
  calls.push(call);
  const page = url.searchParams.get('page');
  if (!later(url)) return listing([makeComment('c1', `${page} ${url.searchParams.get('sort')}`)], { nextCursor: 'p2' });
  // Ignores the abort signal, as an answer already on its way does: the thread must drop it itself.
  return new Promise((ok) => {
    call.answer = (comments, next) => ok(listing(comments, { nextCursor: next ?? null }));
  });
});

/**
 * Lets an answer given with `answer` take effect: from the stand-in's `Response` to the render,
 * the thread's work is promise callbacks and Lit's microtask updates, all run before a timer's.
 */
const settle = () => aTimeout(0);

const escaped: string[] = [];
const onError = (e: ErrorEvent) => escaped.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => escaped.push(`unhandled: ${e.reason}`);

describe('<parley-comments> robustness', () => {
  beforeEach(() => {
    localStorage.clear();
    calls = [];
    later = () => false;
    escaped.length = 0;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    expect(escaped, 'errors that reached the host page').to.deep.equal([]);
  });

  it('drops the answer for a page it left, and aborts its request', async () => {
    later = (url) => url.searchParams.get('page') === '/a';
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>`,
    );
    await waitUntil(() => calls.length === 1, 'asked for /a');
    el.setAttribute('page', '/b');
    await waitUntil(() => texts(el)[0] === '/b oldest', 'thread of /b');
    expect(calls[0]!.init.signal?.aborted, 'request for /a aborted').to.equal(true);
    calls[0]!.answer!([makeComment('a1', 'of /a')]);
    await settle();
    expect(texts(el)).to.deep.equal(['/b oldest']);
  });

  it('aborts its listing request when taken off the page, and loads again when put back', async () => {
    later = () => calls.length === 1;
    // Lazy: put back, it must load again when it comes near, not take the first load as done.
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-live></parley-comments>`,
    );
    await waitUntil(() => calls.length === 1, 'asked for /a');
    const parent = el.parentNode!;
    el.remove();
    expect(calls[0]!.init.signal?.aborted, 'request aborted').to.equal(true);
    parent.append(el);
    await waitUntil(() => el.phase === 'ready', 'loaded again');
    calls[0]!.answer!([makeComment('old', 'first answer')]);
    await settle();
    expect(texts(el)).to.deep.equal(['/a oldest']);
    expect(calls.length).to.equal(2);
  });

  it('keeps the last sort chosen when an earlier one answers late', async () => {
    const el = await mountComments();
    later = (url) => url.searchParams.get('sort') === 'newest';
    const select = $<HTMLSelectElement>(el, 'select');
    for (const sort of ['newest', 'top']) {
      select.value = sort;
      select.dispatchEvent(new Event('change'));
    }
    await waitUntil(() => texts(el)[0] === '/a top', 'sorted by top');
    const slow = calls.find((c) => c.url.searchParams.get('sort') === 'newest')!;
    expect(slow.init.signal?.aborted).to.equal(true);
    slow.answer!([makeComment('n1', 'newest first')]);
    await settle();
    expect(texts(el)).to.deep.equal(['/a top']);
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('top');
  });

  it('drops the next page of a page it left', async () => {
    const el = await mountComments();
    later = (url) => url.searchParams.get('cursor') === 'p2';
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Load more comments')!.click();
    await waitUntil(() => calls.length === 2, 'asked for the next page');
    el.setAttribute('page', '/b');
    await waitUntil(() => texts(el)[0] === '/b oldest', 'thread of /b');
    expect(calls[1]!.init.signal?.aborted).to.equal(true);
    calls[1]!.answer!([makeComment('a2', 'second page of /a')]);
    await settle();
    expect(texts(el)).to.deep.equal(['/b oldest']);
    expect(el.loadingMore).to.equal(false);
  });

  it('shows every body in two threads of one page, also after one of them changes', async () => {
    const host = await fixture(html`<div>
      <parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>
      <parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>
    </div>`);
    const [one, two] = [...host.querySelectorAll('parley-comments')];
    await waitUntil(() => one!.phase === 'ready' && two!.phase === 'ready', 'both loaded');
    await Promise.all([one!.updateComplete, two!.updateComplete]);
    $(one!, '#comment-c1 button.share').click();
    await one!.updateComplete;
    expect([texts(one!), texts(two!)]).to.deep.equal([['/a oldest'], ['/a oldest']]);
  });

  it('ignores stored data of the wrong shape', async () => {
    const cases: Record<string, string>[] = [
      { 'parley:tokens': 'null' },
      { 'parley:tokens': '{"c1":null,"c2":7}' },
      { 'parley:held': '{"x":null,"y":"z"}' },
      { 'parley:me': 'null' },
      { 'parley:votes': 'null' },
      { 'parley:flags': 'null' },
      { 'parley:draft:demo:/a:root': '{"a":1}' },
    ];
    for (const stored of cases) {
      localStorage.clear();
      for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
      const el = await mountComments();
      const what = JSON.stringify(stored);
      expect(texts(el), what).to.deep.equal(['/a oldest']);
      expect($<HTMLTextAreaElement>(el, 'form textarea').value, what).to.equal('');
    }
  });
});

describe('<parley-comments> malformed live events', () => {
  const realSource = window.EventSource;
  beforeEach(() => {
    localStorage.clear();
    calls = [];
    later = () => false;
    escaped.length = 0;
    FakeSource.all = [];
    window.EventSource = FakeSource as unknown as typeof EventSource;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.EventSource = realSource;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  it('ignores malformed events, renders bad dates as nothing, and keeps listening', async () => {
    const el = await mountComments({ live: true });
    await waitUntil(() => FakeSource.all.at(-1), 'stream open');
    const source = FakeSource.all.at(-1)!;
    const c1 = makeComment('c1', 'edited');
    source.sendRaw('comment.created', 'not json');
    source.sendRaw('comment.created', '{}');
    source.sendRaw('comment.deleted', 'null');
    source.sendRaw('comment.updated', JSON.stringify({ comment: { ...c1, createdAt: 'garbage', editedAt: 'x' } }));
    await el.updateComplete;
    expect($(el, '#comment-c1 .body').textContent).to.equal('edited');
    expect($(el, '#comment-c1 time').textContent).to.equal('');
    expect($(el, '#comment-c1 time').title).to.equal('');
    expect($(el, '#comment-c1 header').textContent).to.contain('edited');
    source.sendRaw('votes.changed', JSON.stringify({ id: 'c1', up: 4, down: 0, score: 4 }));
    await el.updateComplete;
    expect($(el, '#comment-c1 .vote .sr').textContent).to.equal('Upvote (4)');
    expect(escaped).to.deep.equal([]);
  });
  it('ignores a new or changed comment without the id, text or parent the thread needs', async () => {
    const el = await mountComments({ live: true });
    await waitUntil(() => FakeSource.all.at(-1), 'stream open');
    const source = FakeSource.all.at(-1)!;
    const good = makeComment('n1', 'new');
    const bad = [{}, { ...good, id: 7 }, { ...good, html: null }, { ...good, body: {} }, { ...good, parentId: 5 }, null];
    for (const comment of bad) source.sendRaw('comment.created', JSON.stringify({ comment }));
    for (const comment of [{ id: 'c1' }, { ...makeComment('c1', 'x'), html: 1 }])
      source.sendRaw('comment.updated', JSON.stringify({ comment }));
    await el.updateComplete;
    expect(el.waiting, 'nothing waits to be shown').to.deep.equal([]);
    expect($(el, '.count').textContent).to.equal('1 comment');
    expect(texts(el)).to.deep.equal(['/a oldest']);
    source.sendRaw('comment.created', JSON.stringify({ comment: good }));
    await el.updateComplete;
    expect(
      el.waiting.map((c) => c.id),
      'a well-formed one still comes',
    ).to.deep.equal(['n1']);
    expect(escaped).to.deep.equal([]);
  });
});
