import { expect, fixture, html } from '@open-wc/testing';
import { setEmbedConfig } from './config.js';
import { CountBatcher, MAX_KEYS } from './parley-count.batch.js';
import './parley-count.js';
import type { ParleyCount } from './parley-count.js';
import { addPrototypeJsToJson } from './test-prototype-js.js';
import { waitUntilLoaded } from './test-support.js';

setEmbedConfig({ apiBase: 'https://comments.test', site: 'demo' });

interface Call {
  method: string;
  url: URL;
  pages: string[];
}

/** Replaces fetch with a fake comment server that answers `count(key)` and records each request. */
function fakeServer(count: (key: string) => number): { calls: Call[]; restore(): void } {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // Resolved as the browser does, so that a request to the wrong origin is recorded, not lost.
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const pages =
      method === 'POST' ? (JSON.parse(String(init?.body)) as { pages: string[] }).pages : url.searchParams.getAll('page');
    calls.push({ method, url, pages });
    // A body whose `pages` is not a list gets no counts (the real server refuses it).
    const counts = Array.isArray(pages) ? Object.fromEntries(pages.map((p) => [p, count(p)])) : {};
    return new Response(JSON.stringify({ counts }), { headers: { 'content-type': 'application/json' } });
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** Waits until every element shows its count (their locale chunks may still be loading). */
const settled = (els: Iterable<ParleyCount>) =>
  waitUntilLoaded(() => [...els].every((el) => el.shadowRoot?.querySelector('[part=count]')), 'every count shown');

describe('parley-count', () => {
  it('is accessible and shows the count with the plural form', async () => {
    const server = fakeServer((key) => (key.endsWith('/one') ? 1 : 12));
    try {
      const el = await fixture<HTMLElement>(html`<p>
        <parley-count href="/posts/one">…</parley-count>
        <parley-count page="https://news.test/posts/many"></parley-count>
      </p>`);
      const [one, many] = el.querySelectorAll('parley-count');
      await settled([one!, many!]);
      await expect(el).to.be.accessible();
      expect(one!.shadowRoot!.textContent!.trim()).to.equal('1 comment');
      expect(many!.shadowRoot!.textContent!.trim()).to.equal('12 comments');
      expect(server.calls).to.have.length(1);
      expect(server.calls[0]!.method).to.equal('GET');
      expect(server.calls[0]!.url.origin + server.calls[0]!.url.pathname).to.equal('https://comments.test/api/v1/counts');
      expect(server.calls[0]!.url.searchParams.get('site')).to.equal('demo');
      expect(server.calls[0]!.pages).to.deep.equal([new URL('/posts/one', location.href).href, 'https://news.test/posts/many']);
    } finally {
      server.restore();
    }
  });

  it('uses the plural rules and table of its language', async () => {
    const server = fakeServer((key) => Number(key.split('/').pop()));
    try {
      const el = await fixture<HTMLElement>(html`<div>
        <parley-count lang="ru" href="/ru/1"></parley-count><parley-count lang="ru" href="/ru/3"></parley-count>
        <parley-count lang="ru" href="/ru/5"></parley-count><p lang="de"><parley-count href="/de/1"></parley-count></p>
      </div>`);
      const all = [...el.querySelectorAll('parley-count')];
      await settled(all);
      expect(all.map((c) => c.shadowRoot!.textContent!.trim())).to.deep.equal([
        '1 комментарий',
        '3 комментария',
        '5 комментариев',
        '1 Kommentar',
      ]);
      expect(server.calls).to.have.length(1);
    } finally {
      server.restore();
    }
  });

  it('resolves 150 counts on a page with two requests of at most 100 keys, each key once', async () => {
    const server = fakeServer((key) => Number(key.split('/').pop()));
    try {
      const items = Array.from({ length: 150 }, (_, i) => i);
      const el = await fixture<HTMLElement>(html`<ul>
        ${items.map((i) => html`<li><parley-count href="/p/${i}"></parley-count> <parley-count href="/p/${i}#comments"></parley-count></li>`)}
      </ul>`);
      const all = [...el.querySelectorAll('parley-count')];
      await settled(all);
      expect(server.calls.map((c) => c.pages.length)).to.deep.equal([MAX_KEYS, 50]);
      expect(new Set(server.calls.flatMap((c) => c.pages)).size).to.equal(150);
      expect(all[2 * 7]!.shadowRoot!.textContent!.trim()).to.equal('7 comments');
      expect(all[2 * 7 + 1]!.shadowRoot!.textContent!.trim()).to.equal('7 comments');
    } finally {
      server.restore();
    }
  });

  it('posts the keys when a GET URL would be too long', async () => {
    const server = fakeServer(() => 3);
    try {
      const long = 'x'.repeat(300);
      const el = await fixture<HTMLElement>(html`<div>
        ${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => html`<parley-count page="https://news.test/${long}/${i}"></parley-count>`)}
      </div>`);
      await settled(el.querySelectorAll('parley-count'));
      expect(server.calls).to.have.length(1);
      expect(server.calls[0]!.method).to.equal('POST');
      expect(server.calls[0]!.pages).to.have.length(8);
    } finally {
      server.restore();
    }
  });

  it('asks the comment server for its site on a page whose Array.prototype.toJSON returns a string (Prototype.js)', async () => {
    const server = fakeServer((key) => (key.endsWith('/one') ? 1 : 12));
    const removeToJson = addPrototypeJsToJson();
    try {
      const long = 'x'.repeat(300);
      const el = await fixture<HTMLElement>(html`<div>
        <parley-count href="/posts/one"></parley-count><parley-count site="other" href="/posts/two"></parley-count>
        ${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => html`<parley-count site="long" page="https://news.test/${long}/${i}"></parley-count>`)}
      </div>`);
      await settled(el.querySelectorAll('parley-count'));
      const sent = server.calls.map((c) => [c.method, c.url.origin + c.url.pathname, c.url.searchParams.get('site')]);
      expect(sent).to.deep.equal([
        ['GET', 'https://comments.test/api/v1/counts', 'demo'],
        ['GET', 'https://comments.test/api/v1/counts', 'other'],
        ['POST', 'https://comments.test/api/v1/counts', null],
      ]);
      // The POST body's `pages` is a list, not the string Prototype.js's toJSON makes of it.
      expect(server.calls[2]!.pages).to.be.an('array').with.length(8);
      expect(el.querySelector('parley-count')!.shadowRoot!.textContent!.trim()).to.equal('1 comment');
    } finally {
      removeToJson();
      server.restore();
    }
  });

  it('keeps its fallback content when the counts cannot be loaded', async () => {
    const original = window.fetch;
    window.fetch = async () => new Response('{}', { status: 503 });
    try {
      const el = await fixture<ParleyCount>(html`<parley-count href="/down">Comments</parley-count>`);
      await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot!.querySelector('[part=count]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
    } finally {
      window.fetch = original;
    }
  });
});

describe('CountBatcher', () => {
  it('sends the keys of one task together, per site, and separately for later tasks', async () => {
    const calls: [string, string, string[]][] = [];
    const batcher = new CountBatcher(
      async (api, site, pages) => {
        calls.push([api, site, pages]);
        return Object.fromEntries(pages.map((p) => [p, p.length]));
      },
      (flush) => queueMicrotask(flush),
    );
    const first = await Promise.all([
      batcher.count('https://a.test', 's1', 'ab'),
      batcher.count('https://a.test', 's1', 'abc'),
      batcher.count('https://a.test', 's2', 'abcd'),
      batcher.count('https://a.test', 's1', 'ab'),
    ]);
    expect(first).to.deep.equal([2, 3, 4, 2]);
    await batcher.count('https://a.test', 's1', 'later');
    expect(calls).to.deep.equal([
      ['https://a.test', 's1', ['ab', 'abc']],
      ['https://a.test', 's2', ['abcd']],
      ['https://a.test', 's1', ['later']],
    ]);
  });
});
