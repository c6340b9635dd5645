import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startExampleServer } from '../examples/serve.js';
import { openStorage } from '../packages/server/src/index.js';
import { launchBrowser, Stack } from './support.js';

/**
 * The one-script-tag embed against the real comment server: counts on a listing page in one
 * request, the thread chunk fetched only near the viewport, SPA navigation, the script included
 * twice, and the files copied to another static host.
 */

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start();
  browser = await launchBrowser();
  const article = (path: string) => `${stack.example.url}${path}`;
  await seed(article('/'), ['First!', 'Second.']);
  await seed(article('/articles/harbour-wall/'), ['A metre is not enough.']);
  await seed(article('/articles/ferry-timetable/'), ['Finally a late ferry.']);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Posts comments on `page` through the API, as a browser on the example origin would. */
async function seed(page: string, bodies: string[]): Promise<void> {
  for (const body of bodies) {
    const res = await fetch(`${stack.parley.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.example.url },
      body: JSON.stringify({ site: 'demo', page, body, author: { name: 'Seed' } }),
    });
    assert.equal(res.status, 201, await res.text());
  }
}

/** A fresh page that records its requests and errors. */
async function open(): Promise<{ page: Page; requests: URL[]; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: URL[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) errors.push(m.text());
  });
  return { page, requests, errors, close: () => context.close() };
}

const countsRequests = (requests: URL[]) => requests.filter((u) => u.pathname === '/api/v1/counts');
// A language's table is `<lang>.share.<hash>.js` (share bar, counts) and `<lang>.<hash>.js` (thread).
const localeChunks = (requests: URL[]) =>
  requests.filter((u) => /^\/embed\/[a-z]{2}(-[a-z]+)?(\.share)?\.[\w-]{8}\.js$/i.test(u.pathname));
const threadChunk = (requests: URL[]) => requests.filter((u) => u.pathname.startsWith('/embed/parley-comments.'));

test('the blog index shows every count from one cacheable GET and loads no comment thread code', async () => {
  const { page, requests, errors, close } = await open();
  await page.goto(`${stack.example.url}/blog-index/`);
  const counts = page.locator('parley-count');
  await counts.nth(0).getByText('2 comments').waitFor();
  await counts.nth(1).getByText('1 comment', { exact: true }).waitFor();
  await counts.nth(2).getByText('1 comment', { exact: true }).waitFor();
  await counts.nth(5).getByText('0 comments').waitFor();
  const calls = countsRequests(requests);
  assert.equal(calls.length, 1, 'one request for all six counts');
  assert.equal(calls[0]?.searchParams.getAll('page').length, 6);
  assert.equal(calls[0]?.origin, new URL(stack.parley.url).origin, 'API base from the script URL');
  const answer = await fetch(calls[0]!.href, { headers: { origin: stack.example.url } });
  assert.match(answer.headers.get('cache-control') ?? '', /public, max-age=\d+/);
  assert.deepEqual(threadChunk(requests), [], 'no <parley-comments> on the page, no thread code');
  assert.deepEqual(localeChunks(requests), [], 'an English page loads no locale table');

  // A German count: its plural form, from the German table and no other.
  await page.evaluate(() =>
    document
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', '<p lang="de" id="de"><parley-count href="/"></parley-count></p>'),
  );
  await page.locator('#de parley-count').getByText('2 Kommentare').waitFor();
  assert.deepEqual(
    localeChunks(requests).map((u) => u.pathname.split('/').pop()?.split('.')[0]),
    ['de'],
  );
  assert.deepEqual(errors, []);
  await close();
});

test('SPA navigation: the thread chunk loads near the viewport; new elements load their own thread and count', async () => {
  const { page, requests, errors, close } = await open();
  await page.goto(`${stack.example.url}/blog-index/`);
  await page.locator('parley-count').first().getByText('2 comments').waitFor();

  // A router shows the harbour-wall story, its comments far below the fold.
  await page.evaluate(() => {
    history.pushState({}, '', '/articles/harbour-wall/');
    const main = document.querySelector('main')!;
    main.replaceChildren();
    main.insertAdjacentHTML(
      'beforeend',
      `<h1>The harbour wall</h1><p class="meta"><parley-count></parley-count></p>
       <div style="height: 4000px"></div><section id="c"><parley-comments></parley-comments></section>`,
    );
  });
  await page.locator('.meta parley-count').getByText('1 comment', { exact: true }).waitFor();
  // Nothing asked for the thread yet: give a wrongly eager loader time to show itself.
  await page.waitForTimeout(500);
  assert.deepEqual(threadChunk(requests), [], 'thread code waits until the element is near the viewport');
  await page.locator('#c').scrollIntoViewIfNeeded();
  await page.locator('parley-comments').getByText('A metre is not enough.').waitFor();
  assert.equal(threadChunk(requests).length, 1);

  // Next route: the old elements go, new ones (another page key) come and upgrade at once.
  await page.evaluate(() => {
    history.pushState({}, '', '/articles/ferry-timetable/');
    const main = document.querySelector('main')!;
    main.replaceChildren();
    main.insertAdjacentHTML(
      'beforeend',
      '<h1>Ferry</h1><p class="meta"><parley-count></parley-count></p><parley-comments></parley-comments>',
    );
  });
  const thread = page.locator('parley-comments');
  await thread.getByText('Finally a late ferry.').waitFor();
  assert.equal(await thread.getByText('A metre is not enough.').count(), 0);
  await page.locator('.meta parley-count').getByText('1 comment', { exact: true }).waitFor();
  assert.equal(threadChunk(requests).length, 1, 'the chunk is fetched once');
  assert.deepEqual(errors, []);
  await close();
});

test('the script included twice: no errors, each element defined once, everything works', async () => {
  const { page, errors, close } = await open();
  await page.addInitScript(() => {
    const defined: string[] = [];
    (window as unknown as { defined: string[] }).defined = defined;
    const original = customElements.define.bind(customElements);
    customElements.define = (name, ctor, options) => {
      defined.push(name);
      original(name, ctor, options);
    };
  });
  await page.goto(`${stack.example.url}/`);
  await page.locator('parley-comments').scrollIntoViewIfNeeded();
  await page.locator('parley-comments').getByText('Second.').waitFor();
  // A second include, as a CMS plugin and a theme might both add it.
  await page.evaluate((src) => {
    const again = document.createElement('script');
    again.src = src;
    again.dataset.site = 'other-site';
    again.async = true;
    document.head.append(again);
    return new Promise((resolve) => again.addEventListener('load', resolve));
  }, `${stack.parley.url}/embed.js`);
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="late"><parley-count></parley-count></p>'));
  await page.locator('#late parley-count').getByText('2 comments').waitFor();

  const comments = page.locator('parley-comments');
  await comments.getByLabel('Name').fill('Lin');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Included twice, posted once.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.getByText('Included twice, posted once.').waitFor();
  const defined = await page.evaluate(() => (window as unknown as { defined: string[] }).defined.sort());
  assert.deepEqual(defined, ['parley-comments', 'parley-count', 'parley-share']);
  assert.deepEqual(errors, []);
  await close();
});

test('the files copied to a static host work against the comment server named by data-api', async () => {
  const { page, requests, errors, close } = await open();
  await page.goto(`${stack.example.url}/static-host/`);
  const comments = page.locator('parley-comments');
  await comments.getByText('Be the first to comment').waitFor();
  await comments.getByLabel('Name').fill('Noor');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Served from the static host.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.getByText('Served from the static host.').waitFor();
  await page.locator('parley-share').getByRole('button', { name: 'Copy link' }).waitFor();

  const example = new URL(stack.example.url).origin;
  const parley = new URL(stack.parley.url).origin;
  const scripts = requests.filter((u) => u.pathname.endsWith('.js'));
  assert.ok(scripts.length >= 3, 'loader, entry and thread chunk');
  for (const u of scripts) assert.equal(u.origin, example, `${u} from the static host`);
  const api = requests.filter((u) => u.pathname.startsWith('/api/'));
  assert.ok(api.length >= 2);
  for (const u of api) assert.equal(u.origin, parley, `${u} to the comment server`);
  assert.deepEqual(errors, []);
  await close();
});

test('two identical script tags in the page: one module, one definition each, no errors', async () => {
  const { page, requests, errors, close } = await open();
  await page.addInitScript(() => {
    const defined: string[] = [];
    (window as unknown as { defined: string[] }).defined = defined;
    const original = customElements.define.bind(customElements);
    customElements.define = (name, ctor, options) => {
      defined.push(name);
      original(name, ctor, options);
    };
  });
  await page.goto(`${stack.example.url}/double-include/`);
  const comments = page.locator('parley-comments');
  await comments.getByText('Be the first to comment').waitFor();
  await comments.getByLabel('Name').fill('Ines');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Once is enough.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.getByText('Once is enough.').waitFor();
  await page.locator('parley-share').getByRole('button', { name: 'Copy link' }).waitFor();
  await page.locator('h2 parley-count').getByText('0 comments').waitFor();
  const defined = await page.evaluate(() => (window as unknown as { defined: string[] }).defined.sort());
  assert.deepEqual(defined, ['parley-comments', 'parley-count', 'parley-share']);
  const entries = requests.filter((u) => /^\/embed\/embed\./.test(u.pathname));
  assert.equal(new Set(entries.map((u) => u.href)).size, 1, 'both loaders import the same entry module');
  assert.equal(countsRequests(requests).length, 1);
  assert.deepEqual(errors, []);
  await close();
});

test('the files on a CDN of another origin (CORS) work for a page on a third origin', async () => {
  // Three origins: the comment server, a plain static server as the CDN, the publisher's page.
  const cdn = await startExampleServer({ port: 0, parleyUrl: stack.parley.url });
  const site = await startExampleServer({ port: 0, parleyUrl: stack.parley.url, widgetUrl: cdn.url });
  const storage = await openStorage(stack.databaseUrl);
  const demo = (await storage.getSite('demo'))!;
  await storage.updateSite({ ...demo, origins: [...demo.origins, site.url] });
  await storage.close();
  const { page, requests, errors, close } = await open();
  try {
    await page.goto(`${site.url}/static-host/`);
    await page.locator('parley-share').getByRole('button', { name: 'Copy link' }).waitFor();
    await page.locator('h2 parley-count').getByText('0 comments').waitFor();
    const comments = page.locator('parley-comments');
    await comments.scrollIntoViewIfNeeded();
    await comments.getByText('Be the first to comment').waitFor();
    const scripts = requests.filter((u) => u.pathname.endsWith('.js'));
    assert.ok(scripts.length >= 3, 'loader, entry and thread chunk');
    for (const u of scripts) assert.equal(u.origin, new URL(cdn.url).origin, `${u} from the CDN`);
    for (const u of requests.filter((r) => r.pathname.startsWith('/api/'))) {
      assert.equal(u.origin, new URL(stack.parley.url).origin, `${u} to the comment server`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
    await Promise.all([cdn.close(), site.close()]);
  }
});
