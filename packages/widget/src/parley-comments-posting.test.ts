import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { type Comment, WRITE_TIMEOUT_MS } from './api.js';
import type { ParleyComments } from './parley-comments.js';
import { $, json, listing, makeComment as make, mountComments, type Respond, stubFetch, type } from './test-support.js';

// A post whose answer is lost, late, malformed or refused: the reader's comment is stored once,
// their text stays until a verified answer says it was stored, and what the form says is true.

type Sent = { method: string; url: URL; body: Record<string, unknown> | undefined; key: string | null; at: number };
const requests: Sent[] = [];
let handler: Respond;
const posts = () => requests.filter((r) => r.method === 'POST');
const gets = () => requests.filter((r) => r.method === 'GET');

const body = (el: ParleyComments) => $<HTMLTextAreaElement>(el, '#root-body');
const submit = (el: ParleyComments) => body(el).form!.querySelector<HTMLButtonElement>('button[type=submit]')!;
const error = (el: ParleyComments) => body(el).form!.querySelector('.error')?.textContent;
/** The stored drafts (and their posts' keys) of every form. */
const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('parley:draft:'));
/** A 201 answer to a post of `c`, as the server sends it. */
const created = (c: Comment, extra: Record<string, unknown> = {}) =>
  json({ comment: c, editToken: `tok-${c.id}`, ...extra }, 201);
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
/** Waits until the form is no longer busy after the `n`th post. */
const answered = (el: ParleyComments, n: number) =>
  waitUntil(() => posts().length === n && !el.ui.get('root')?.busy, `post ${n} answered`, { timeout: 5000 });

const KEPT = 'Could not reach the comment server. Your text is kept; try again when you are ready.';

describe('<parley-comments> posting when answers go wrong', () => {
  stubFetch((url, init) => {
    const sent = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const key = new Headers(init.headers).get('idempotency-key');
    requests.push({ method: init.method ?? 'GET', url, body: sent, key, at: Date.now() });
    return handler(url, init);
  });
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
  });

  it('sends one Idempotency-Key with a post and every try of it, also after a reload; the replayed answer gives the edit token', async () => {
    handler = (_u, init) => (init.method === 'POST' ? offline() : listing([]));
    const el = await mountComments();
    type(body(el), 'Written once');
    submit(el).click();
    await answered(el, 1);
    expect(error(el)).to.equal(KEPT);
    const key = posts()[0]!.key;
    expect(key).to.match(/^[\x21-\x7e]{8,255}$/);
    submit(el).click();
    await answered(el, 2);
    expect(posts()[1]!.key).to.equal(key);
    el.remove();

    // The server had stored the first try; a reload, and the reader tries once more.
    handler = (_u, init) => (init.method === 'POST' ? created(make('n1', 'Written once')) : listing([]));
    const again = await mountComments();
    expect(body(again).value).to.equal('Written once');
    submit(again).click();
    await waitUntil(() => $(again, '#comment-n1'), 'posted');
    expect(posts()[2]!.key).to.equal(key);
    expect(JSON.parse(localStorage.getItem('parley:tokens')!).n1.t).to.equal('tok-n1');
    expect($(again, '#comment-n1 button.edit'), 'Edit offered').to.not.equal(null);
    expect(drafts(), 'no draft, no key left').to.deep.equal([]);
  });

  it('gives a post that changed after a failed try a new key, and replaces a key the server says another post used', async () => {
    handler = (_u, init) => (init.method === 'POST' ? offline() : listing([]));
    const el = await mountComments();
    type(body(el), 'First words');
    submit(el).click();
    await answered(el, 1);
    type(body(el), 'Better words');
    let tries = 0;
    handler = (_u, init) => {
      if (init.method !== 'POST') return listing([]);
      return ++tries === 1
        ? json({ code: 'idempotency-key-reused', detail: 'This Idempotency-Key was already used with a different request' }, 422)
        : created(make('n2', 'Better words'));
    };
    submit(el).click();
    await waitUntil(() => $(el, '#comment-n2'), 'posted');
    const [first, second, third] = posts().map((p) => p.key);
    expect(second).to.not.equal(first);
    expect(third).to.not.equal(second);
    expect(third).to.not.equal(first);
    expect(posts().map((p) => p.body!.body)).to.deep.equal(['First words', 'Better words', 'Better words']);
  });

  it('keeps the text and the draft when a 2xx answer is not the API’s (a captive portal, an empty object)', async () => {
    const bad: Record<string, () => Response> = {
      'portal page': () =>
        new Response('<html>Log in to the Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'empty object': () => json({}, 201),
      'no edit token': () => json({ comment: make('n3', 'x') }, 201),
    };
    for (const [what, answer] of Object.entries(bad)) {
      localStorage.clear();
      requests.length = 0;
      handler = (_u, init) => (init.method === 'POST' ? answer() : listing([]));
      const el = await mountComments();
      let announced = 0;
      el.addEventListener('parley-comment-posted', () => announced++);
      type(body(el), 'Text I typed for a long time');
      submit(el).click();
      await answered(el, 1);
      expect(error(el), what).to.equal(KEPT);
      expect(submit(el).textContent, what).to.equal('Try again');
      expect(body(el).value, what).to.equal('Text I typed for a long time');
      expect(localStorage.getItem('parley:draft:demo:/a:root'), what).to.equal('"Text I typed for a long time"');
      expect(announced, what).to.equal(0);
      el.remove();
    }
  });

  it('gives up on a write after 30 s without an answer, as a failure that may be tried again', async () => {
    const real = AbortSignal.timeout;
    const asked: number[] = [];
    const timers: AbortController[] = [];
    AbortSignal.timeout = (ms) => {
      asked.push(ms);
      timers.push(new AbortController());
      return timers.at(-1)!.signal;
    };
    try {
      // Never answers; fails only when its signal aborts, as the browser's fetch does.
      handler = (_u, init) =>
        init.method === 'POST'
          ? new Promise((_ok, no) => init.signal!.addEventListener('abort', () => no(init.signal!.reason)))
          : listing([]);
      const el = await mountComments();
      type(body(el), 'Into the void');
      submit(el).click();
      await waitUntil(() => posts().length === 1, 'sent');
      await el.updateComplete;
      expect(submit(el).textContent).to.equal('Posting…');
      expect(asked).to.deep.equal([WRITE_TIMEOUT_MS]);
      expect(WRITE_TIMEOUT_MS).to.equal(30_000);
      timers[0]!.abort(new DOMException('signal timed out', 'TimeoutError'));
      await waitUntil(() => error(el), 'given up');
      expect(error(el)).to.equal(KEPT);
      expect(submit(el).textContent).to.equal('Try again');
      expect(localStorage.getItem('parley:draft:demo:/a:root')).to.equal('"Into the void"');
    } finally {
      AbortSignal.timeout = real;
    }
  });

  it('asks for a new form token before posting with one older than 23 hours', async () => {
    handler = (_u, init) => (init.method === 'POST' ? created(make('n4', 'Late')) : listing([], { formToken: 'fresh' }));
    const el = await mountComments();
    // The listing's token came yesterday (a tab left open).
    el.formToken = ['stale', Date.now() - 24 * 3600_000];
    type(body(el), 'Late');
    submit(el).click();
    await waitUntil(() => $(el, '#comment-n4'), 'posted', { timeout: 5000 });
    expect(posts().map((p) => p.body!.formToken)).to.deep.equal(['fresh']);
    expect(gets()).to.have.length(2);
    expect(posts()[0]!.at - gets()[1]!.at).to.be.at.least(2000);
  });

  it('posts once more with a new form token when the server refuses the one it had, with the same key', async () => {
    let listed = 0;
    handler = (_u, init) => {
      if (init.method !== 'POST') return listing([], { formToken: `token-${++listed}` });
      const { formToken } = JSON.parse(init.body as string);
      return formToken === 'token-1'
        ? json({ code: 'spam-suspected', detail: 'This comment looks automated and was not accepted' }, 422)
        : created(make('n5', 'Two hours of careful writing'));
    };
    const el = await mountComments();
    type(body(el), 'Two hours of careful writing');
    submit(el).click();
    await waitUntil(() => $(el, '#comment-n5'), 'posted', { timeout: 8000 });
    expect(posts().map((p) => p.body!.formToken)).to.deep.equal(['token-1', 'token-2']);
    expect(posts()[1]!.key).to.equal(posts()[0]!.key);
    expect(error(el)).to.equal(undefined);
  });

  it('offers Edit for as long as the post’s editableUntil says, not a fixed 15 minutes', async () => {
    const hour = 3600_000;
    localStorage.setItem(
      'parley:tokens',
      JSON.stringify({
        long: { t: 'a', at: Date.now() - hour, u: Date.now() + hour },
        over: { t: 'b', at: Date.now(), u: Date.now() - 1 },
      }),
    );
    const now = new Date().toISOString();
    handler = (_u, init) =>
      init.method === 'POST'
        ? created(make('n6', 'No edits here', { createdAt: now }), { editableUntil: now })
        : listing([make('long', 'A site with a day to edit'), make('over', 'A site with a short window')]);
    const el = await mountComments();
    expect($(el, '#comment-long button.edit'), 'inside its window').to.not.equal(null);
    expect($(el, '#comment-over button.edit'), 'past its window').to.equal(null);
    type(body(el), 'No edits here');
    submit(el).click();
    const posted = await oneEvent(el, 'parley-comment-posted');
    expect(posted.detail.comment.id).to.equal('n6');
    await el.updateComplete;
    expect($(el, '#comment-n6 button.edit'), 'a site without an edit window').to.equal(null);
    expect(JSON.parse(localStorage.getItem('parley:tokens')!).n6.u).to.equal(Date.parse(now));
  });

  it('says an edit the server will no longer take was not saved, keeps its text to copy and drops its draft', async () => {
    localStorage.setItem('parley:tokens', JSON.stringify({ m1: { t: 'secret', at: Date.now(), u: Date.now() + 60_000 } }));
    handler = (_u, init) =>
      init.method === 'PATCH'
        ? json({ code: 'edit-window-over', detail: 'The edit window for this comment has closed' }, 403)
        : listing([make('m1', 'Original text')]);
    const el = await mountComments();
    $<HTMLButtonElement>(el, '#comment-m1 button.edit').click();
    await el.updateComplete;
    const field = $<HTMLTextAreaElement>(el, '#e-m1-body');
    type(field, 'Original text, plus a long correction');
    field.form!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => $(el, '#comment-m1 .error'), 'refused');
    expect($(el, '#comment-m1 .error').textContent).to.equal(
      'The time to edit or delete this comment is over. Your change was not saved; copy the text if you want to keep it.',
    );
    expect(field.value).to.equal('Original text, plus a long correction');
    expect(field.readOnly).to.equal(true);
    expect(field.form!.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden, 'nothing to send').to.equal(true);
    expect(drafts()).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const cancel = [...field.form!.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
    cancel.click();
    await el.updateComplete;
    expect($(el, '#e-m1-body')).to.equal(null);
    expect($(el, '#comment-m1 .body').textContent).to.equal('Original text');
    expect($(el, '#comment-m1 button.edit'), 'no Edit offered any more').to.equal(null);
  });
});
