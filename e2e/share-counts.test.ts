import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, Stack } from './support.js';

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([new Stack().start(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The article with `counts` switched on for its top share bar, as a publisher would write it. */
async function article(context: BrowserContext): Promise<Page> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.example.url });
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const totals = page.waitForResponse((r) => r.url().startsWith(`${stack.parley.url}/api/v1/shares?`));
  await page
    .locator('parley-share')
    .first()
    .evaluate((el) => el.setAttribute('counts', ''));
  assert.equal((await totals).status(), 200);
  return page;
}

/**
 * Clicks Copy link and returns the beacon's body once the server has answered it. (A keepalive
 * request's response body is not visible to the test, so totals are read from the API instead.)
 */
async function copy(page: Page): Promise<unknown> {
  const beacon = page.waitForResponse((r) => r.url() === `${stack.parley.url}/api/v1/shares` && r.request().method() === 'POST');
  await page.locator('parley-share').first().locator('[part~="control-copy"]').click();
  const res = await beacon;
  assert.equal(res.status(), 200);
  return res.request().postDataJSON();
}

async function totals(page: string): Promise<unknown> {
  const res = await fetch(`${stack.parley.url}/api/v1/shares?site=demo&page=${encodeURIComponent(page)}`);
  return res.json();
}

test('shares are counted on the comment server once per reader and shown on the bar, zeros hidden', async () => {
  const context = await browser.newContext();
  const page = await article(context);
  const page1 = `${stack.example.url}/`;

  assert.deepEqual(await copy(page), { site: 'demo', page: page1, service: 'copy' });
  assert.deepEqual(await totals(page1), { counts: { copy: 1 }, total: 1 });

  await copy(page);
  assert.deepEqual(await totals(page1), { counts: { copy: 1 }, total: 1 }, 'the same reader twice on one day counts once');

  const other = await browser.newContext();
  await copy(await article(other));
  assert.deepEqual(
    await totals(page1),
    { counts: { copy: 1 }, total: 1 },
    'another browser on the same network is the same visitor',
  );
  await other.close();

  // A new reader (the first context may hold the totals in its HTTP cache for up to a minute).
  const later = await browser.newContext();
  const fresh = await article(later);
  const bar = fresh.locator('parley-share').first();
  const badge = bar.locator('[part~="control-copy"] [part="count"]');
  await badge.waitFor();
  assert.equal(await badge.locator('[aria-hidden="true"]').textContent(), '1');
  assert.equal(await badge.locator('.sr').textContent(), '1 share');
  assert.equal(await bar.locator('[part="count"]').count(), 1, 'services nobody shared show no count');
  await later.close();
  await context.close();
});

test('a share from a page the site does not allow is refused and not counted', async () => {
  const res = await fetch(`${stack.parley.url}/api/v1/shares`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: JSON.stringify({ site: 'demo', page: `${stack.example.url}/other`, service: 'x' }),
  });
  assert.equal(res.status, 403);
  assert.equal(((await res.json()) as { code: string }).code, 'origin-not-allowed');
  assert.deepEqual(await totals(`${stack.example.url}/other`), { counts: {}, total: 0 });
});
