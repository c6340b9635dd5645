import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';

/** The widget's side of the spam rules: form token, honeypot, reports, own held comments. */

const make = (id: string, text: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  parentId: null,
  author: { name: 'Ada', website: null, avatar: 'seed' },
  html: `<p>${text}</p>`,
  body: text,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  editedAt: null,
  status: 'approved',
  up: 0,
  down: 0,
  score: 0,
  replies: [],
  ...extra,
});
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const listOf = (comments: Comment[]) =>
  json({
    page: { key: '/a', url: '', title: '', count: comments.length, locked: false },
    comments,
    nextCursor: null,
    formToken: 'tok.en',
  });

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;
const requests: { method: string; url: URL; body: Record<string, unknown> | undefined; at: number }[] = [];
let handler: Handler;
const realFetch = window.fetch;

async function mount(lang = 'en'): Promise<ParleyComments> {
  const el = await fixture<ParleyComments>(
    html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy lang=${lang}></parley-comments>`,
  );
  await waitUntil(() => el.phase === 'ready', 'loaded');
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: ParleyComments, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const type = (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('<parley-comments> anti-spam', () => {
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
    handler = () => listOf([make('c1', 'Hello')]);
    window.fetch = async (input, init = {}) => {
      const url = new URL(String(input));
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ method: init.method ?? 'GET', url, body, at: Date.now() });
      return handler(url, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
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

  it('sends whatever a script typed into the honeypot (the server then refuses it)', async () => {
    const el = await mount();
    handler = (_u, init) =>
      init.method === 'POST' ? json({ code: 'spam-suspected', detail: 'Looks automated' }, 422) : listOf([]);
    $<HTMLInputElement>(el, 'form input[name=homepage]').value = 'https://spam.example';
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Buy now');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, 'form .error'), 'refused', { timeout: 5000 });
    expect(requests.find((r) => r.method === 'POST')!.body).to.include({ homepage: 'https://spam.example' });
    expect($(el, 'form .error').textContent).to.contain('Looks automated');
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
    await waitUntil(() => $(again, '#comment-c1 .flag').textContent!.trim() === 'Gemeldet', 'remembered, in German');
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
