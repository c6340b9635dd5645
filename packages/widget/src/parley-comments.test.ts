import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { Comment } from './api.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import { waitUntilLoaded } from './test-support.js';

/** Five minutes before now, taken when called: shown as "5 minutes ago" for the next 30 s. */
const fiveMinutesAgo = (): string => new Date(Date.now() - 5 * 60_000).toISOString();
const make = (id: string, name: string, text: string, replies: Comment[] = [], extra: Partial<Comment> = {}): Comment => ({
  id,
  parentId: null,
  author: { name, website: null, avatar: `seed-${name}` },
  html: `<p>${text}</p>`,
  body: text,
  createdAt: fiveMinutesAgo(),
  editedAt: null,
  status: 'approved',
  up: 0,
  down: 0,
  score: 0,
  replies,
  ...extra,
});

/** A chain of `depth` nested replies under one comment. */
const chain = (depth: number): Comment => {
  let c = make(`d${depth}`, `Level ${depth}`, `depth ${depth}`);
  for (let i = depth - 1; i >= 0; i--) c = make(`d${i}`, `Level ${i}`, `depth ${i}`, [c]);
  return c;
};

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const listOf = (comments: Comment[], nextCursor: string | null = null, locked = false) =>
  json({ page: { key: '/a', url: '', title: '', count: comments.length, locked }, comments, nextCursor });

const requests: { method: string; url: URL; body: unknown; auth: string | null }[] = [];
let handler: Handler;
const realFetch = window.fetch;

async function mount(attrs = '', theme = ''): Promise<ParleyComments> {
  const el = await fixture<ParleyComments>(
    html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy theme=${theme} .strings=${{}}></parley-comments>`,
  );
  if (attrs) el.setAttribute('lang', attrs);
  await waitUntil(() => el.phase === 'ready' || el.phase === 'error', 'loaded');
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: ParleyComments, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = (el: ParleyComments, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const button = (el: ParleyComments, text: string) => $$(el, 'button').find((b) => b.textContent!.trim() === text)!;
const type = (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('<parley-comments>', () => {
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
    handler = () => listOf([make('c1', 'Ada', 'Hi <em>there</em>')]);
    window.fetch = async (input, init = {}) => {
      const url = new URL(String(input));
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ method: init.method ?? 'GET', url, body, auth: new Headers(init.headers).get('authorization') });
      return handler(url, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('is accessible in the light theme and renders comments, names as text', async () => {
    // Taken in the test, not when the file loaded: the relative time below is read moments later.
    const at = fiveMinutesAgo();
    handler = () =>
      listOf([
        make('c1', 'Ada <img src=x onerror=alert(1)>', 'Hi <em>there</em><img src=x onerror=alert(1)>', [], {
          createdAt: at,
          author: { name: '<b>Ada</b>', website: 'javascript:alert(1)', avatar: 'x' },
        }),
        make('c2', 'Bob', 'Site', [], { author: { name: 'Bob', website: 'https://bob.example/', avatar: 'y' } }),
      ]);
    const el = await mount();
    await expect(el).to.be.accessible();
    expect($(el, '#comment-c1 .author').textContent).to.equal('<b>Ada</b>');
    expect($(el, '#comment-c1 .author').hasAttribute('href'), 'no link for a javascript: website').to.equal(false);
    expect($(el, '#comment-c1 .body em').textContent).to.equal('there');
    expect($(el, '#comment-c1 .body img')).to.equal(null);
    const link = $<HTMLAnchorElement>(el, '#comment-c2 a.author');
    expect(link.href).to.equal('https://bob.example/');
    expect(link.rel).to.equal('nofollow ugc noopener noreferrer');
    expect($(el, '#comment-c1 time').getAttribute('datetime')).to.equal(at);
    expect($(el, '#comment-c1 time').textContent).to.equal('5 minutes ago');
    expect($(el, '#comment-c1 time').title).to.match(/\d{4}/);
    expect($(el, '#comment-c1 svg.avatar path').getAttribute('d')).to.match(/^M/);
  });

  it('is accessible in the dark theme', async () => {
    handler = () => listOf([make('c1', 'Ada', 'Hi', [make('c2', 'Bob', 'Hello')])]);
    const el = await mount('', 'dark');
    await expect(el).to.be.accessible();
    expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(22, 22, 22)');
  });

  it('follows prefers-color-scheme with theme="auto" and stays accessible in the dark', async () => {
    handler = () => listOf([make('c1', 'Ada', 'Hi', [make('c2', 'Bob', 'Hello', [], { status: 'pending' })])]);
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount('', 'auto');
      await expect(el).to.be.accessible();
      expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(22, 22, 22)');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('shows the empty, locked and error states, and retries', async () => {
    handler = () => listOf([]);
    let el = await mount();
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.contain('Be the first to comment.');
    handler = () => listOf([], null, true);
    el = await mount();
    expect(el.shadowRoot!.textContent).to.contain('Comments are closed.');
    expect($(el, 'form')).to.equal(null);
    handler = () => json({ code: 'boom', detail: 'x' }, 500);
    const heard: string[] = [];
    const note = (e: Event) => heard.push(e.type);
    document.addEventListener('parley-error', note);
    document.addEventListener('parley-ready', note);
    el = await mount();
    document.removeEventListener('parley-error', note);
    expect(heard, 'bubbling, composed events reach the document').to.deep.equal(['parley-error']);
    expect(el.shadowRoot!.textContent).to.contain('Could not load the comments.');
    handler = () => listOf([make('c1', 'Ada', 'back')]);
    button(el, 'Try again').click();
    document.addEventListener('parley-ready', note);
    await waitUntil(() => $(el, '#comment-c1'), 'loaded after retry');
    document.removeEventListener('parley-ready', note);
    expect(heard).to.deep.equal(['parley-error', 'parley-ready']);
  });

  it('nests replies, collapses a sub-thread, shows more replies and names the parent beyond five levels', async () => {
    const many = Array.from({ length: 7 }, (_, i) => make(`r${i}`, `R${i}`, `reply ${i}`));
    handler = () => listOf([make('top', 'Ada', 'top', many), chain(7)]);
    const el = await mount();
    await expect(el).to.be.accessible();
    expect($$(el, '#replies-top > li').length).to.equal(5);
    button(el, 'Show 2 more replies').click();
    await el.updateComplete;
    expect($$(el, '#replies-top > li').length).to.equal(7);
    const toggle = $$(el, 'button.toggle')[0]!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect($(el, '#replies-top').hidden).to.equal(true);
    expect($$(el, 'button.toggle')[0]!.textContent!.trim()).to.equal('Show 7 replies');
    expect($(el, '#comment-d5').textContent).to.contain('replying to Level 4');
    expect($(el, '#comment-d4').textContent).not.to.contain('replying to');
    expect($(el, '#replies-d4').className).to.contain('flat');
  });

  it('keeps a draft after a failed post, shows the error and posts on retry', async () => {
    handler = () => listOf([]);
    const el = await mount();
    type($<HTMLInputElement>(el, '#root-name'), 'Grace');
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Hello *world*');
    handler = () => Promise.reject(new TypeError('Failed to fetch'));
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, 'form .error'), 'error shown');
    expect($(el, 'form .error').textContent).to.contain('Could not reach the comment server.');
    expect($(el, '[role=status]').textContent).to.contain('Could not reach the comment server.');
    expect(localStorage.getItem('parley:draft:demo:/a:root')).to.equal('"Hello *world*"');
    const rate = () => json({ code: 'rate-limited', detail: 'x' }, 429, { 'retry-after': '7' });
    handler = rate;
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, 'form .error')?.textContent?.includes('7 seconds'), 'rate limit message');
    expect($<HTMLTextAreaElement>(el, '#root-body').value).to.equal('Hello *world*');
    handler = (_url, init) => {
      if (init.method !== 'POST') return listOf([]);
      return json({ comment: make('n1', 'Grace', 'Hello <em>world</em>', [], { status: 'pending' }), editToken: 'tok' }, 201);
    };
    const posted = oneEvent(el, 'parley-comment-posted');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    expect((await posted).detail.comment.id).to.equal('n1');
    await el.updateComplete;
    expect(requests.at(-1)!.body).to.deep.include({ body: 'Hello *world*', author: { name: 'Grace' } });
    expect($(el, '#comment-n1 .note').textContent).to.contain('Awaiting moderation');
    expect(localStorage.getItem('parley:draft:demo:/a:root')).to.equal(null);
    expect(JSON.parse(localStorage.getItem('parley:me')!)).to.deep.equal({ name: 'Grace' });
    expect($(el, '[role=status]').textContent).to.contain('Comment posted');
    expect(el.shadowRoot!.activeElement?.id).to.equal('comment-n1');
    expect($<HTMLTextAreaElement>(el, '#root-body').value).to.equal('');
  });

  it('shows server field errors next to their field', async () => {
    handler = (_u, init) =>
      init.method === 'POST'
        ? json({ code: 'invalid', detail: 'x', errors: [{ path: 'author.website', message: 'must be an http(s) URL' }] }, 422)
        : listOf([]);
    const el = await mount();
    type($<HTMLInputElement>(el, '#root-website'), 'ftp://x');
    type($<HTMLTextAreaElement>(el, '#root-body'), 'x');
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, '#root-website-err'), 'field error');
    const input = $(el, '#root-website');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('root-website-err');
    expect($(el, '#root-website-err').textContent).to.equal('must be an http(s) URL');
    await expect(el).to.be.accessible();
  });

  it('replies, edits, deletes with the kept token and moves focus sensibly', async () => {
    const parent = make('p1', 'Ada', 'parent');
    handler = (_url, init) => {
      if (init.method === 'POST')
        return json({ comment: make('m1', 'Me', 'mine', [], { parentId: 'p1' }), editToken: 'secret' }, 201);
      if (init.method === 'PATCH') return json({ comment: make('m1', 'Me', 'changed', [], { editedAt: fiveMinutesAgo() }) });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return listOf([parent]);
    };
    const el = await mount();
    button(el, 'Reply').click();
    await el.updateComplete;
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement?.id).to.equal('r-p1-body');
    await expect(el).to.be.accessible();
    type($<HTMLTextAreaElement>(el, '#r-p1-body'), 'mine');
    $<HTMLButtonElement>(el, '.reply-form button[type=submit]').click();
    await waitUntil(() => $(el, '#replies-p1 #comment-m1'), 'reply shown');
    expect(requests.at(-1)!.body).to.deep.include({ parentId: 'p1' });
    expect(JSON.parse(localStorage.getItem('parley:tokens')!).m1.t).to.equal('secret');
    button(el, 'Edit').click();
    await el.updateComplete;
    type($<HTMLTextAreaElement>(el, '#e-m1-body'), 'changed');
    $<HTMLButtonElement>(el, '#comment-m1 button[type=submit]').click();
    await waitUntil(() => $(el, '#comment-m1 .body')?.textContent === 'changed', 'edited');
    expect(requests.at(-1)!.auth).to.equal('Bearer secret');
    expect($(el, '#comment-m1').textContent).to.contain('edited');
    button(el, 'Delete').click();
    await el.updateComplete;
    const deleted = oneEvent(el, 'parley-comment-deleted');
    $<HTMLButtonElement>(el, '#comment-m1 button.danger').click();
    expect((await deleted).detail.id).to.equal('m1');
    await el.updateComplete;
    expect($(el, '#comment-m1')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'comment-p1', 'focus on the parent');
    expect(localStorage.getItem('parley:tokens')).to.equal('{}');
  });

  it('an edit the server holds for moderation shows as awaiting approval, also after a reload', async () => {
    localStorage.setItem('parley:tokens', JSON.stringify({ m1: { t: 'secret', at: Date.now() } }));
    let held = false;
    handler = (_url, init) => {
      if (init.method === 'PATCH') {
        held = true;
        return json({ comment: make('m1', 'Me', 'see https://x.test', [], { editedAt: fiveMinutesAgo(), status: 'pending' }) });
      }
      return listOf(held ? [] : [make('m1', 'Me', 'mine')]);
    };
    const el = await mount();
    button(el, 'Edit').click();
    await el.updateComplete;
    type($<HTMLTextAreaElement>(el, '#e-m1-body'), 'see https://x.test');
    $<HTMLButtonElement>(el, '#comment-m1 button[type=submit]').click();
    await waitUntil(() => $(el, '#comment-m1 [part=pending]'), 'the pending note');
    await expect(el).to.be.accessible();
    el.remove();
    // The server no longer lists it; the author still sees it, marked as waiting.
    const again = await mount();
    await waitUntil(() => $(again, '#comment-m1 [part=pending]'), 'the held comment after a reload');
    expect($(again, '#comment-m1 .body').textContent).to.equal('see https://x.test');
  });

  it('votes, shows the reader’s own vote and takes it back', async () => {
    handler = (_u, init) => {
      if (init.method !== 'POST') return listOf([make('c1', 'Ada', 'x')]);
      const v = JSON.parse(String(init.body)).value as number;
      return json({ up: v === 1 ? 1 : 0, down: v === -1 ? 1 : 0, score: v });
    };
    const el = await mount();
    const up = () => $(el, '#comment-c1 button.vote');
    up().click();
    await waitUntil(() => up().getAttribute('aria-pressed') === 'true', 'pressed');
    expect(up().textContent).to.contain('1');
    expect(JSON.parse(localStorage.getItem('parley:votes')!)).to.deep.equal({ c1: 1 });
    up().click();
    await waitUntil(() => up().getAttribute('aria-pressed') === 'false', 'released');
    expect(requests.at(-1)!.body).to.deep.equal({ value: 0 });
  });

  it('shares a comment’s permalink with the share bar’s own code, opened from a keyboard-usable toggle', async () => {
    handler = () => listOf([make('c1', 'Ada', 'Trains & "boats" #1'), make('c2', 'Bob', 'Other')]);
    const el = await mount();
    const toggle = $<HTMLButtonElement>(el, '#comment-c1 button.share');
    expect(toggle.textContent).to.equal('Share');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, 'parley-share'), 'no share bar until asked').to.equal(null);
    toggle.focus();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const bar = $(el, '#comment-c1 parley-share') as HTMLElement & { updateComplete: Promise<unknown> };
    await bar.updateComplete;
    await expect(el).to.be.accessible();
    const permalink = `${location.origin}${location.pathname}#comment-c1`;
    expect(bar.getAttribute('url')).to.equal(permalink);
    expect(bar.getAttribute('text')).to.equal('Trains & "boats" #1');
    const links = [...bar.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')];
    const x = links.find((a) => a.getAttribute('part')?.includes('control-x'))!;
    expect(new URL(x.href).searchParams.get('url')).to.equal(permalink);
    const bluesky = links.find((a) => a.getAttribute('part')?.includes('control-bluesky'))!;
    expect(new URL(bluesky.href).searchParams.get('text')).to.contain(permalink);
    // Mastodon goes through the thread's own comment server (its `api`), which has the share page.
    const mastodon = new URL(links.find((a) => a.getAttribute('part')?.includes('control-mastodon'))!.href);
    expect(mastodon.origin + mastodon.pathname).to.equal('http://127.0.0.1:1/share/fediverse');
    expect(new URLSearchParams(mastodon.hash.slice(1)).get('url')).to.equal(permalink);
    expect($(el, '#comment-c2 parley-share'), 'only the opened comment').to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect($(el, 'parley-share')).to.equal(null);
  });

  it('remembers the sort per site and pages with the cursor', async () => {
    handler = (url) =>
      url.searchParams.get('cursor') === 'next1'
        ? listOf([make('c2', 'Bob', 'page 2')])
        : listOf([make('c1', 'Ada', 'x')], 'next1');
    const el = await mount();
    const select = $<HTMLSelectElement>(el, 'select');
    select.value = 'top';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => requests.at(-1)!.url.searchParams.get('sort') === 'top', 'sorted request');
    expect(localStorage.getItem('parley:sort:demo')).to.equal('"top"');
    await waitUntil(() => el.phase === 'ready');
    await el.updateComplete;
    button(el, 'Load more comments').click();
    await waitUntil(() => $(el, '#comment-c2'), 'second page');
    expect(requests.at(-1)!.url.searchParams.get('sort')).to.equal('top');
    expect($(el, '[role=status]').textContent).to.equal('1 more comment loaded');
    const again = await mount();
    expect(again.order).to.equal('top');
  });

  it('previews through the server: busy until it answers, then its HTML through the sanitiser', async () => {
    let answer: (r: Response) => void = () => {};
    handler = (url, init) =>
      url.pathname === '/api/v1/preview' && init.method === 'POST'
        ? new Promise<Response>((ok) => {
            answer = ok;
          })
        : listOf([]);
    const el = await mount();
    const text = '**bold** <img src=x onerror=alert(1)>';
    type($<HTMLTextAreaElement>(el, '#root-body'), text);
    button(el, 'Preview').click();
    await waitUntil(() => requests.some((r) => r.url.pathname === '/api/v1/preview'), 'preview asked');
    expect(requests.at(-1)!.body).to.deep.equal({ site: 'demo', page: '/a', body: text });
    await el.updateComplete;
    expect($(el, '.preview').getAttribute('aria-busy')).to.equal('true');
    expect($(el, '#root-body').hidden).to.equal(true);
    expect(button(el, 'Preview').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    // Whatever the server sends goes through the widget's sanitiser, as comment bodies do.
    answer(
      json({
        html: '<p><strong>bold</strong> <img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><script>alert(1)</script></p>',
      }),
    );
    await waitUntil(() => $(el, '.preview strong'), 'preview shown');
    expect($(el, '.preview').getAttribute('aria-busy')).to.equal('false');
    expect($(el, '.preview .body').getAttribute('part')).to.equal('body');
    expect($(el, '.preview img')).to.equal(null);
    expect($(el, '.preview script')).to.equal(null);
    expect($(el, '.preview a').hasAttribute('href')).to.equal(false);
    expect($(el, '.preview a').getAttribute('rel')).to.equal('nofollow ugc noopener noreferrer');
    await expect(el).to.be.accessible();
    button(el, 'Preview').click();
    await el.updateComplete;
    expect($(el, '.preview')).to.equal(null);
    expect($(el, '#root-body').hidden).to.equal(false);
    expect($<HTMLTextAreaElement>(el, '#root-body').value).to.equal(text);
  });

  it('announces a failed preview and shows the text field again', async () => {
    handler = (url) =>
      url.pathname === '/api/v1/preview'
        ? new Response(JSON.stringify({ code: 'rate-limited', detail: 'Too many previews' }), {
            status: 429,
            headers: { 'content-type': 'application/problem+json', 'retry-after': '12' },
          })
        : listOf([]);
    const el = await mount();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'hello');
    const failed = oneEvent(el, 'parley-error');
    button(el, 'Preview').click();
    expect((await failed).detail.error).to.have.property('status', 429);
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('12 seconds');
    expect($(el, '.preview')).to.equal(null);
    expect($(el, '#root-body').hidden).to.equal(false);
    expect(button(el, 'Preview').getAttribute('aria-pressed')).to.equal('false');
  });

  it('drops a preview answer that comes after the preview was closed', async () => {
    let answer: (r: Response) => void = () => {};
    handler = (url) =>
      url.pathname === '/api/v1/preview'
        ? new Promise<Response>((ok) => {
            answer = ok;
          })
        : listOf([]);
    const el = await mount();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'first');
    button(el, 'Preview').click();
    await waitUntil(() => requests.some((r) => r.url.pathname === '/api/v1/preview'), 'preview asked');
    button(el, 'Preview').click();
    await el.updateComplete;
    answer(json({ html: '<p>late</p>' }));
    await aTimeout(50);
    await el.updateComplete;
    expect($(el, '.preview')).to.equal(null);
    expect($(el, '#root-body').hidden).to.equal(false);
  });

  it('renders nothing before its language table is in: no English flash on a German page', async () => {
    document.documentElement.lang = 'de';
    handler = () => listOf([]);
    const labels: (string | null)[] = [];
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://x" no-lazy></parley-comments>`,
    );
    // Every render until the thread is ready: the section's label, if there is a section yet.
    const seen = () => labels.push($(el, 'section')?.getAttribute('aria-label') ?? null);
    seen();
    await waitUntilLoaded(() => {
      seen();
      return el.phase === 'ready';
    }, 'loaded');
    await el.updateComplete;
    seen();
    document.documentElement.lang = 'en';
    expect(
      labels.filter((l) => l !== null && l !== 'Kommentare'),
      'labels other than German',
    ).to.deep.equal([]);
    expect(labels.at(-1)).to.equal('Kommentare');
  });

  it('speaks the page language and takes overrides; fires nothing on property sets', async () => {
    document.documentElement.lang = 'de';
    handler = () => listOf([]);
    let fired = 0;
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://x" no-lazy></parley-comments>`,
    );
    el.addEventListener('parley-comment-posted', () => fired++);
    await waitUntilLoaded(() => el.t.lang === 'de' && el.phase === 'ready', 'German loaded');
    await el.updateComplete;
    document.documentElement.lang = 'en';
    expect($<HTMLButtonElement>(el, 'form button[type=submit]').textContent).to.equal('Kommentar senden');
    el.strings = { 'form.submit': 'Abschicken' };
    await waitUntil(() => $(el, 'form button[type=submit]').textContent === 'Abschicken', 'override applied');
    el.site = 'demo';
    el.noLazy = true;
    expect(fired).to.equal(0);
  });

  it('waits for the viewport unless no-lazy is set', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div><div style="height:5000px"></div><parley-comments site="demo" page="/a" api="http://x"></parley-comments></div>`,
    );
    await aTimeout(100);
    expect(requests.length).to.equal(0);
    box.querySelector('parley-comments')!.scrollIntoView();
    await waitUntil(() => requests.length === 1, 'loaded when near');
  });

  it('lays out right to left with dir="rtl" (an English thread on a right-to-left page needs it)', async () => {
    handler = () => listOf([make('c1', 'Ada', 'parent', [make('c2', 'Bob', 'reply')])]);
    const box = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="en"><parley-comments dir="rtl" site="demo" page="/a" api="http://x" no-lazy></parley-comments></div>`,
    );
    const el = box.querySelector('parley-comments')!;
    await waitUntil(() => el.phase === 'ready', 'loaded');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const replies = getComputedStyle($(el, '.replies'));
    expect(parseFloat(replies.paddingRight)).to.be.greaterThan(0);
    expect(parseFloat(replies.paddingLeft)).to.equal(0);
    expect(replies.borderRightStyle).to.equal('solid');
  });

  it('takes term overrides from the strings attribute and ignores bad JSON', async () => {
    handler = () => listOf([]);
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://x" no-lazy strings='{"form.submit":"Send it"}'></parley-comments>`,
    );
    await waitUntil(() => $(el, 'form button[type=submit]')?.textContent === 'Send it', 'override from the attribute');
    el.setAttribute('strings', '{not json');
    await el.updateComplete;
    await waitUntil(() => $(el, 'form button[type=submit]')?.textContent === 'Post comment', 'back to English');
  });
});
