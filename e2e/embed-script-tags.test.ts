import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openStorage } from '../packages/server/src/index.js';
import { launchBrowser, Stack } from './support.js';

/**
 * Which `<script>` tag configures the page (embed-loader.ts, docs/embedding.md): with two tags the
 * first in document order, whichever runs first; when other code evaluates `embed.js` (no
 * `document.currentScript`), only a tag marked `data-parley`, never another vendor's `embed.js`.
 * Against the real comment server; the publisher's page comes from a plain server of this test.
 */

let stack: Stack;
let browser: Browser;
let publisher: Server;
/** The publisher's origin, allowed for the site `demo`; its one page is `${origin}/tags/`. */
let origin: string;
/** The `<head>` content of that page, set by each test. */
let head = '';
/** Another vendor's widget script that is also called embed.js (Disqus's is `https://NAME.disqus.com/embed.js`). */
const VENDOR = 'https://vendor.example/embed.js';

before(async () => {
  stack = await new Stack().start();
  browser = await launchBrowser();
  publisher = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Tags</title>${head}</head>
      <body><parley-comments no-lazy></parley-comments></body></html>`);
  });
  await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
  const storage = await openStorage(stack.databaseUrl);
  const demo = (await storage.getSite('demo'))!;
  await storage.updateSite({ ...demo, origins: [...demo.origins, origin] });
  await storage.close();
  const res = await fetch(`${stack.parley.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ site: 'demo', page: `${origin}/tags/`, body: 'Seen from the demo site.', author: { name: 'Seed' } }),
  });
  assert.equal(res.status, 201, await res.text());
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => publisher?.close(resolve));
  await stack?.stop();
});

/** A fresh page whose `<head>` is `html`, with `VENDOR` a harmless script; it records requests and console errors. */
async function open(html: string): Promise<{ page: Page; requests: URL[]; errors: string[]; close(): Promise<void> }> {
  head = html;
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: URL[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route(VENDOR, (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.vendorRan = true;' }));
  return { page, requests, errors, close: () => context.close() };
}

const isChunk = (u: URL) => /^\/embed\/.+\.js$/.test(u.pathname);
const sitesAsked = (requests: URL[]) => [
  ...new Set(requests.filter((u) => u.pathname.startsWith('/api/v1/comments')).map((u) => u.searchParams.get('site'))),
];

test('two tags with different data-site: the first tag in the document wins even when the second runs first', async () => {
  const parley = stack.parley.url;
  const { page, requests, errors, close } = await open(
    `<script src="${parley}/embed.js?ver=1" data-site="demo" async></script>
     <script src="${parley}/embed.js?ver=2" data-site="elsewhere" async></script>`,
  );
  // The first tag's file arrives only after a loader has imported the entry: the second ran first.
  let entryRequested!: () => void;
  const entry = new Promise<void>((resolve) => (entryRequested = resolve));
  page.on('request', (r) => {
    if (/\/embed\/embed\.[\w-]+\.js$/.test(r.url())) entryRequested();
  });
  await page.route(`${parley}/embed.js?ver=1`, async (route) => {
    await entry;
    await route.continue();
  });
  const firstFile = page.waitForResponse(`${parley}/embed.js?ver=1`);
  const listing = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/comments');
  await page.goto(`${origin}/tags/`);
  assert.equal(new URL((await listing).url()).searchParams.get('site'), 'demo', "the first tag's data-site");
  await page.locator('parley-comments').getByText('Seen from the demo site.').waitFor();
  await firstFile;
  assert.deepEqual(sitesAsked(requests), ['demo']);
  for (const u of requests.filter(isChunk)) assert.equal(u.origin, new URL(parley).origin, `${u} from the comment server`);
  assert.deepEqual(errors, []);
  await close();
});

/** Evaluates embed.js as a tag manager would (fetched, then `eval`), so `document.currentScript` is null. */
const tagManager = (parley: string) =>
  `<script>fetch('${parley}/embed.js').then((r) => r.text()).then((code) => { (0, eval)(code); window.evaluated = true; });</script>`;

test("embed.js run without its tag ignores another vendor's embed.js and says once what to do", async () => {
  const parley = stack.parley.url;
  const { page, requests, errors, close } = await open(
    `<script src="${VENDOR}" async></script><script data-site="demo"></script>${tagManager(parley)}`,
  );
  await page.goto(`${origin}/tags/`);
  await page.waitForFunction(() => (window as unknown as { evaluated?: boolean }).evaluated);
  assert.deepEqual(errors, ['Parley: add data-parley to the embed.js script tag']);
  assert.deepEqual(requests.filter(isChunk), [], 'no chunk loaded, from the vendor or anywhere');
  assert.deepEqual(sitesAsked(requests), []);
  await close();
});

test('embed.js run without its tag takes the tag marked data-parley: its configuration and its files', async () => {
  const parley = stack.parley.url;
  // A consent manager's inert copy of the tag: it keeps src and data-*, but does not run itself.
  const { page, requests, errors, close } = await open(
    `<script src="${VENDOR}" async></script>
     <script type="text/plain" data-parley src="${parley}/embed.js" data-site="demo"></script>${tagManager(parley)}`,
  );
  await page.goto(`${origin}/tags/`);
  await page.locator('parley-comments').getByText('Seen from the demo site.').waitFor();
  assert.deepEqual(sitesAsked(requests), ['demo']);
  const chunks = requests.filter(isChunk);
  assert.ok(chunks.length >= 2, 'entry and thread chunk');
  for (const u of chunks) assert.equal(u.origin, new URL(parley).origin, `${u} from the comment server`);
  assert.deepEqual(errors, []);
  await close();
});
