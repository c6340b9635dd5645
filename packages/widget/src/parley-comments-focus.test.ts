import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Comment } from './api.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import {
  $,
  deepActive,
  expectFocused,
  json,
  later,
  listing,
  makeComment,
  mountComments,
  stubFetch,
  texts,
  type,
} from './test-support.js';

// Where the focus goes when the control the reader pressed leaves the page or changes: each
// assertion reads the element that has the focus through the shadow roots (`deepActive`), so a
// focus lost to <body> fails it.

let respond: (url: URL, init: RequestInit) => Response | Promise<Response>;
const requests: string[] = [];

/** Mounts a thread whose first listing failed, and waits for its error state. */
async function mountFailed(): Promise<ParleyComments> {
  const el = await fixture<ParleyComments>(
    html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>`,
  );
  await waitUntil(() => el.phase === 'error', 'load failed');
  await el.updateComplete;
  return el;
}

describe('<parley-comments> keeps the focus', () => {
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
  });
  stubFetch((url, init) => {
    requests.push(`${init.method ?? 'GET'} ${url.pathname}`);
    return respond(url, init);
  });

  it('on the sort menu while the thread loads in the new order, the list marked busy meanwhile', async () => {
    const newest = later<Response>();
    const [a, b] = [makeComment('c1', 'first'), makeComment('c2', 'second')];
    respond = (url) => (url.searchParams.get('sort') === 'newest' ? newest.promise : listing([a, b]));
    const el = await mountComments();
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, 'select');
    select.focus();
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.phase).to.equal('loading');
    expectFocused(select, 'the menu stays while loading');
    expect($(el, 'ol.thread').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    newest.resolve(listing([b, a]));
    await waitUntil(() => el.phase === 'ready', 'loaded in the new order');
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['second', 'first']);
    expectFocused(select);
    expect(select.value).to.equal('newest');
    expect($(el, 'ol.thread').getAttribute('aria-busy')).to.equal('false');
  });

  it('on the count after "Try again" loaded the thread (which it says), on the new button if it failed again', async () => {
    respond = () => json({ code: 'internal', detail: 'x' }, 500);
    const el = await mountFailed();
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.state button').focus();
    $<HTMLButtonElement>(el, '.state button').click();
    await waitUntil(() => el.phase === 'error' && deepActive() === $(el, '.state button'), 'focus on the new retry button');
    respond = () => listing([makeComment('c1', 'back')]);
    $<HTMLButtonElement>(el, '.state button').click();
    await waitUntil(() => el.phase === 'ready', 'loaded');
    await waitUntil(() => deepActive() === $(el, '.count'), 'focus on the count');
    expect(deepActive()!.textContent).to.equal('1 comment');
  });

  it('on the first reply that "Show N more replies" reveals', async () => {
    const replies = Array.from({ length: 7 }, (_, i) => makeComment(`r${i}`, `reply ${i}`, { parentId: 'c1' }));
    respond = () => listing([makeComment('c1', 'top', { replies })]);
    const el = await mountComments();
    await expect(el).to.be.accessible();
    const more = $<HTMLButtonElement>(el, 'button.more');
    more.focus();
    more.click();
    await waitUntil(() => deepActive()?.id === 'comment-r5', 'focus on the sixth reply, the first shown now');
    expect($(el, 'button.more')).to.equal(null);
  });

  it('on "Load more comments" while it loads (and if it fails), then on the first comment loaded, saying how many came', async () => {
    const next = later<Response>();
    respond = (url) =>
      url.searchParams.get('cursor') === 'p2'
        ? next.promise
        : listing([makeComment('c1', 'one')], { count: 3, nextCursor: 'p2' });
    const el = await mountComments();
    await expect(el).to.be.accessible();
    const more = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent === 'Load more comments',
    )!;
    more.focus();
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expectFocused(more, 'focus stays on the busy button');
    next.resolve(json({ code: 'internal', detail: 'x' }, 500));
    await waitUntil(() => more.getAttribute('aria-disabled') === 'false', 'failed');
    expectFocused(more);
    respond = () => listing([makeComment('c2', 'two'), makeComment('c3', 'three')], { count: 3 });
    more.click();
    await waitUntil(() => deepActive()?.id === 'comment-c2', 'focus on the first comment loaded');
    expect($(el, '[role=status]').textContent).to.equal('2 more comments loaded');
  });

  it('in the delete confirmation when it opens, and back on Delete when it is cancelled or the deletion fails', async () => {
    localStorage.setItem('parley:tokens', JSON.stringify({ m1: { t: 'secret', at: Date.now() } }));
    const mine: Comment = makeComment('m1', 'mine');
    respond = (_url, init) => (init.method === 'DELETE' ? json({ code: 'internal', detail: 'x' }, 500) : listing([mine]));
    const el = await mountComments();
    await expect(el).to.be.accessible();
    const del = $<HTMLButtonElement>(el, '#comment-m1 .del');
    const open = async () => {
      del.focus();
      del.click();
      await waitUntil(() => deepActive() === $(el, '#comment-m1 [role=group] button.danger'), 'focus on the confirmation');
    };
    await open();
    expect($(el, '#comment-m1 [role=group]').getAttribute('aria-label')).to.equal('Delete this comment?');
    await expect(el).to.be.accessible();
    const cancel = $<HTMLButtonElement>(el, '#comment-m1 [role=group] button:not(.danger)');
    expect(cancel.textContent).to.equal('Cancel');
    cancel.click();
    await waitUntil(() => deepActive() === del, 'focus back on Delete after Cancel');
    expect($(el, '#comment-m1 [role=group]')).to.equal(null);
    await open();
    $<HTMLButtonElement>(el, '#comment-m1 button.danger').click();
    await waitUntil(() => requests.includes('DELETE /api/v1/comments/m1'), 'delete sent');
    await waitUntil(() => deepActive() === del, 'focus back on Delete after a failed deletion');
    expect($(el, '#comment-m1 [role=group]')).to.equal(null);
  });

  it('on Reply or Edit when Escape closes their form as Cancel does; the form under the thread stays', async () => {
    // The page hears only the Escape the thread did not handle (a host dialog must not close with a reply form).
    const heard: string[] = [];
    const listen = (e: KeyboardEvent) => e.key === 'Escape' && heard.push('Escape');
    document.addEventListener('keydown', listen);
    localStorage.setItem('parley:tokens', JSON.stringify({ m1: { t: 'secret', at: Date.now() } }));
    respond = () => listing([makeComment('c1', 'theirs'), makeComment('m1', 'mine')]);
    const el = await mountComments();
    await expect(el).to.be.accessible();
    const reply = $<HTMLButtonElement>(el, '#comment-c1 .reply');
    reply.focus();
    reply.click();
    await waitUntil(() => deepActive() === $(el, '#r-c1-body'), 'focus in the reply form');
    type($<HTMLTextAreaElement>(el, '#r-c1-body'), 'half a reply');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === reply, 'focus back on Reply');
    expect($(el, '#r-c1-body'), 'reply form closed').to.equal(null);
    expect(localStorage.getItem('parley:draft:demo:/a:r:c1'), 'the reply’s draft, kept as Cancel keeps it').to.equal(
      JSON.stringify('half a reply'),
    );
    const edit = $<HTMLButtonElement>(el, '#comment-m1 .edit');
    edit.focus();
    edit.click();
    await waitUntil(() => deepActive() === $(el, '#e-m1-body'), 'focus in the edit form');
    $<HTMLButtonElement>(el, '#comment-m1 form button[part~=submit]').focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === edit, 'focus back on Edit, also from a button of the form');
    expect($(el, '#e-m1-body'), 'edit form closed').to.equal(null);
    expect($(el, '#comment-m1 .body').hidden, 'the comment shown again').to.equal(false);
    const root = $<HTMLTextAreaElement>(el, '#root-body');
    root.focus();
    type(root, 'a new comment');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expectFocused(root, 'the form under the thread stays');
    expect(root.value).to.equal('a new comment');
    document.removeEventListener('keydown', listen);
    expect(heard, 'only the Escape no form handled reached the page').to.deep.equal(['Escape']);
  });
});
