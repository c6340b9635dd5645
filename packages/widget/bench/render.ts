/**
 * `pnpm bench:widget`: renders a thread of 1,000 comments (nested, with markdown HTML) with
 * `<parley-comments>` from the script-tag build in headless Chromium, and in the same page and
 * run inserts the equivalent final HTML with innerHTML into a shadow root with the same styles
 * (the floor). Both timings include the layout that makes the thread visible. Prints the medians,
 * their ratio and the JS heap the rendered thread holds. Run after `pnpm --filter @parley/widget build`.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

const CDN = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TOTAL = 1000;

/** 200 top-level comments, each with 4 replies nested up to three deep: 1,000 in all. */
function thread(): unknown[] {
  let n = 0;
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const html = (i: number) =>
    [
      `<p>Comment ${i} says <em>something</em> about <strong>night trains</strong> and <code>x = ${i}</code>, see <a href="https://example.com/${i}" rel="nofollow ugc noopener noreferrer">this link</a>.</p>`,
      i % 3 === 0 ? '<blockquote><p>Quoted words from an earlier reader.</p></blockquote>' : '',
      i % 4 === 0 ? '<ul><li>first point</li><li>second point</li></ul>' : '',
      i % 5 === 0 ? `<pre><code>const answer = ${i};\n</code></pre>` : '',
      '<p>A second paragraph to make the body realistic.</p>',
    ].join('');
  const make = (parentId: string | null, replies: unknown[] = []) => {
    const i = n++;
    return {
      id: `c${i}`,
      parentId,
      author: { name: `Reader ${i % 97}`, website: i % 7 === 0 ? `https://reader${i}.example/` : null, avatar: `seed${i % 97}` },
      html: html(i),
      body: 'markdown source',
      createdAt: at,
      editedAt: i % 11 === 0 ? at : null,
      status: 'approved',
      up: i % 5,
      down: i % 2,
      score: (i % 5) - (i % 2),
      replies,
    };
  };
  const out = [];
  while (n < TOTAL) {
    const top = make(null) as { id: string; replies: unknown[] };
    const a = make(top.id) as { id: string; replies: unknown[] };
    const b = make(a.id) as { id: string; replies: unknown[] };
    b.replies.push(make(b.id));
    top.replies.push(a, make(top.id));
    a.replies.push(b);
    out.push(top);
  }
  return out;
}

const comments = thread();
const payload = JSON.stringify({
  page: { key: '/b', url: '', title: '', count: TOTAL, locked: false },
  comments,
  nextCursor: null,
});
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: auto; }</style>
<script src="/embed.js" data-site="bench" async></script></head><body><main id="out"></main></body></html>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  const file = normalize(join(CDN, path));
  const body = file.startsWith(CDN) ? await readFile(file).catch(() => undefined) : undefined;
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin);
  await page.evaluate((json) => {
    // The API answers from memory: the benchmark measures rendering, not the network.
    window.fetch = async () => new Response(json, { headers: { 'content-type': 'application/json' } });
  }, payload);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };

  const widget = () =>
    page.evaluate(async () => {
      const out = document.getElementById('out')!;
      out.replaceChildren();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const el = document.createElement('parley-comments');
      el.setAttribute('no-lazy', '');
      el.setAttribute('page', `/b${Math.random()}`);
      const t0 = performance.now();
      const ready = new Promise((r) => el.addEventListener('parley-ready', r, { once: true }));
      out.append(el);
      await customElements.whenDefined('parley-comments');
      await ready;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      void el.shadowRoot!.querySelector('ol')!.getBoundingClientRect().height;
      const ms = performance.now() - t0;
      const count = el.shadowRoot!.querySelectorAll('article').length;
      return { ms, count };
    });

  const floor = () =>
    page.evaluate(async () => {
      const out = document.getElementById('out')!;
      const el = out.querySelector('parley-comments')!;
      // The final HTML the widget produced, without Lit's marker comments.
      const html = el.shadowRoot!.innerHTML.replace(/<!--[\s\S]*?-->/g, '');
      const sheets = el.shadowRoot!.adoptedStyleSheets;
      out.replaceChildren();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = sheets;
      const t0 = performance.now();
      out.append(host);
      root.innerHTML = html;
      void root.querySelector('ol')!.getBoundingClientRect().height;
      const ms = performance.now() - t0;
      return { ms, count: root.querySelectorAll('article').length };
    });

  const w: number[] = [];
  const f: number[] = [];
  let heapUsed = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const a = await widget();
    if (a.count !== TOTAL) throw new Error(`widget rendered ${a.count} comments, expected ${TOTAL}`);
    if (i === RUNS + 1) heapUsed = await heap();
    const b = await floor();
    if (b.count !== TOTAL) throw new Error(`floor rendered ${b.count} comments`);
    if (i >= 2) {
      w.push(a.ms);
      f.push(b.ms);
    }
  }
  // Updates in a rendered thread: one comment's state (what a vote or an opened form costs)
  // against a change every comment depends on (the language), which re-renders all of them.
  await widget();
  const updates = await page.evaluate(async () => {
    type El = HTMLElement & { updateComplete: Promise<unknown>; t: object; shadowRoot: ShadowRoot };
    const el = document.querySelector('parley-comments') as El;
    // The UI-state helpers are module functions the build minifies away, not methods: one
    // comment's state changes as a reader changes it, by its collapse/expand button.
    const toggle = el.shadowRoot.querySelector<HTMLButtonElement>('button[aria-controls="replies-c500"]')!;
    const one: number[] = [];
    const all: number[] = [];
    const T = el.t.constructor as new (lang: string) => object;
    for (let i = 0; i < 14; i++) {
      // Even rounds collapse or expand one comment's replies, odd rounds change the language (no
      // named helpers: tsx's keepNames would reference a helper the page does not have).
      const t0 = performance.now();
      if (i % 2) el.t = new T('en');
      else toggle.click();
      await el.updateComplete;
      void el.shadowRoot.querySelector('ol')!.getBoundingClientRect().height;
      (i % 2 ? all : one).push(performance.now() - t0);
      // The button stays the same element; a round that changed nothing would time nothing.
      if (!(i % 2) && toggle.getAttribute('aria-expanded') !== (i % 4 === 0 ? 'false' : 'true'))
        throw new Error(`round ${i}: the replies of c500 did not collapse or expand`);
    }
    one.sort((x, y) => x - y);
    all.sort((x, y) => x - y);
    return { one: one[3]!, all: all[3]! };
  });
  await page.evaluate(() => document.getElementById('out')!.replaceChildren());
  const baseHeap = await heap();
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const mw = median(w);
  const mf = median(f);
  console.log(`widget render, ${TOTAL} comments (median of ${RUNS}): ${mw.toFixed(1)} ms`);
  console.log(`innerHTML floor, same HTML and styles:      ${mf.toFixed(1)} ms`);
  const pairs = median(w.map((x, i) => x / f[i]!));
  console.log(
    `ratio widget/floor: ${(mw / mf).toFixed(2)}× of the medians, ${pairs.toFixed(2)}× median of paired runs (target ≤ 1.5×)`,
  );
  console.log(
    `update one comment in the rendered thread: ${updates.one.toFixed(1)} ms; re-render all 1,000: ${updates.all.toFixed(1)} ms`,
  );
  console.log(
    `JS heap used with the thread rendered: ${(heapUsed / 1048576).toFixed(1)} MB (page without it: ${(baseHeap / 1048576).toFixed(1)} MB)`,
  );
} finally {
  await browser.close();
  server.close();
}
