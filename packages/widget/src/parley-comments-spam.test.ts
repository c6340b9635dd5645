import { expect, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import './parley-comments.js';
import {
  $,
  json,
  listing,
  makeComment as make,
  mountComments,
  type Respond,
  stubFetch,
  type,
  waitUntilLoaded,
} from './test-support.js';

/** The widget's side of the spam rules: form token, honeypot, reports, own held comments. */

const listOf = (comments: Comment[]) => listing(comments, { formToken: 'tok.en' });

const requests: { method: string; url: URL; body: Record<string, unknown> | undefined; at: number }[] = [];
let handler: Respond;

// With the live stream on, as a page has it by default.
const mount = (lang = 'en') => mountComments({ lang, live: true });

describe('<parley-comments> anti-spam', () => {
  stubFetch((url, init) => {
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method: init.method ?? 'GET', url, body, at: Date.now() });
    return handler(url, init);
  });
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
    handler = () => listOf([make('c1', 'Hello')]);
  });

  it('has a honeypot hidden from people and assistive technology, and posts with the listing’s token no sooner than 2 s after it', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const trap = $<HTMLInputElement>(el, 'form input[name=homepage]');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden=true]')).to.not.equal(null);
    // Clipped to nothing inside a 1 px box, as visually hidden text is (not display:none, which
    // some form-filling scripts skip).
    const style = getComputedStyle(trap.parentElement!);
    expect([style.width, style.overflow, style.clipPath]).to.deep.equal(['1px', 'hidden', 'inset(50%)']);
    const listed = requests[0]!.at;
    handler = (_u, init) => (init.method === 'POST' ? json({ comment: make('n1', 'Mine'), editToken: 'e' }, 201) : listOf([]));
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Mine');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, '#comment-n1'), 'posted', { timeout: 5000 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.body).to.include({ formToken: 'tok.en', body: 'Mine' });
    expect(post.body).to.not.have.property('homepage');
    expect(post.at - listed).to.be.at.least(2000);
  });

  it('sends whatever a script typed into the honeypot; refused, it sends once more with a new form token, then says so without promising a retry', async () => {
    const el = await mount();
    handler = (_u, init) =>
      init.method === 'POST' ? json({ code: 'spam-suspected', detail: 'Looks automated' }, 422) : listOf([]);
    $<HTMLInputElement>(el, 'form input[name=homepage]').value = 'https://spam.example';
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Buy now');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    // Two posts, each at least 2 s after the listing that gave its token.
    await waitUntil(() => $(el, 'form .error'), 'refused', { timeout: 8000 });
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body!.homepage)).to.deep.equal(['https://spam.example', 'https://spam.example']);
    const renewal = requests.filter((r) => r.method === 'GET')[1]!;
    expect(renewal.url.searchParams.get('limit')).to.equal('1');
    expect(posts[1]!.at - renewal.at).to.be.at.least(2000);
    expect($(el, 'form .error').textContent).to.equal(
      'The comment server took this comment for an automated one and did not accept it. Your text is kept.',
    );
    expect($(el, 'form button[type=submit]').textContent).to.equal('Post comment');
    expect($<HTMLTextAreaElement>(el, '#root-body').value).to.equal('Buy now');
  });

  it('reports a comment once, by keyboard, confirms it in the live region and remembers it', async () => {
    handler = (_u, init) => (init.method === 'POST' ? new Response(null, { status: 204 }) : listOf([make('c1', 'Hello')]));
    const el = await mount();
    const report = $<HTMLButtonElement>(el, '#comment-c1 .flag');
    expect(report.textContent!.trim()).to.equal('Report');
    report.focus();
    // A native button: Enter and Space activate it; click() is what both do.
    report.click();
    await waitUntil(() => $(el, '#comment-c1 .flag').textContent!.trim() === 'Reported', 'reported');
    const flags = requests.filter((r) => r.method === 'POST');
    expect(flags.map((r) => r.url.pathname)).to.deep.equal(['/api/v1/comments/c1/flag']);
    expect($(el, '[role=status]').textContent).to.contain('Reported to the moderators');
    expect($(el, '#comment-c1 .flag').getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#comment-c1 .flag'));
    $<HTMLButtonElement>(el, '#comment-c1 .flag').click();
    await el.updateComplete;
    expect(requests.filter((r) => r.method === 'POST').length, 'no second report').to.equal(1);
    await expect(el).to.be.accessible();
    const again = await mount('de');
    await waitUntilLoaded(() => $(again, '#comment-c1 .flag').textContent!.trim() === 'Gemeldet', 'remembered, in German');
  });

  it('shows the reader their own held comment after a reload, until the server lists it', async () => {
    handler = (_u, init) =>
      init.method === 'POST' ? json({ comment: make('h1', 'Held one', { status: 'pending' }), editToken: 'e' }, 201) : listOf([]);
    const el = await mount();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Held one');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, '#comment-h1'), 'posted', { timeout: 5000 });
    expect($(el, '#comment-h1 .flag').hidden, 'no report button on one’s own comment').to.equal(true);

    const reloaded = await mount();
    expect($(reloaded, '#comment-h1 .note').textContent).to.contain('Awaiting moderation');
    await expect(reloaded).to.be.accessible();

    handler = () => listOf([make('h1', 'Held one')]);
    const approved = await mount();
    expect($(approved, '#comment-h1 .note')).to.equal(null);
    expect(approved.shadowRoot!.querySelectorAll('#comment-h1').length).to.equal(1);
    expect(localStorage.getItem('parley:held')).to.equal('{}');
  });
});
