import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type FakeFediverse, startFakeFediverse } from './fake-fediverse.js';
import { launchBrowser, Stack } from './support.js';

const TITLE = 'Night trains return to the Alps as rail operators bet on slow travel';

let stack: Stack;
let browser: Browser;
let mastodon: FakeFediverse;
let misskey: FakeFediverse;

before(async () => {
  [stack, browser, mastodon, misskey] = await Promise.all([
    new Stack().start(),
    launchBrowser(),
    startFakeFediverse('mastodon'),
    startFakeFediverse('misskey'),
  ]);
});
after(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), mastodon?.close(), misskey?.close()]);
});

/** Opens the fediverse dialog of the top share bar, types `handle`, submits, returns the share page. */
async function shareTo(page: Page, handle: string | undefined): Promise<URL> {
  const bar = page.locator('parley-share').first();
  await bar.getByRole('button', { name: 'Mastodon' }).click();
  const dialog = bar.getByRole('dialog', { name: 'Share on Mastodon or another fediverse server' });
  await dialog.waitFor();
  const field = dialog.getByRole('textbox', { name: 'Your handle or server' });
  if (handle !== undefined) await field.fill(handle);
  const popup = page.context().waitForEvent('page');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const opened = await popup;
  await opened.waitForURL(/\/share\?/);
  const url = new URL(opened.url());
  await opened.close();
  await dialog.waitFor({ state: 'hidden' });
  return url;
}

test('a reader shares to their Mastodon server by handle; the browser looks it up and remembers it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const events: unknown[] = [];
  await page.exposeFunction('recordShare', (detail: unknown) => events.push(detail));
  await page.addInitScript(() => {
    document.addEventListener('parley-share', (e) =>
      (window as unknown as { recordShare(d: unknown): void }).recordShare((e as CustomEvent).detail),
    );
  });
  await page.goto(`${stack.example.url}/`);
  const article = `${stack.example.url}/`;

  const first = await shareTo(page, `@me@${mastodon.host}`);
  assert.equal(first.origin, mastodon.url);
  assert.equal(first.pathname, '/share');
  assert.deepEqual([...first.searchParams.keys()], ['text']);
  assert.equal(first.searchParams.get('text'), `${TITLE} ${article}`);
  // The lookup, in order (the share tab may add its own favicon request after /share).
  assert.deepEqual(mastodon.requests.slice(0, 3), [
    `/.well-known/webfinger?resource=${encodeURIComponent(`acct:me@${mastodon.host}`)}`,
    '/.well-known/nodeinfo',
    '/nodeinfo/2.0',
  ]);
  assert.deepEqual(events, [{ service: 'mastodon', url: first.href }]);

  // Remembered on this device: after a reload the field is filled in and no lookup is repeated.
  const asked = mastodon.requests.length;
  await page.reload();
  const again = await shareTo(page, undefined);
  assert.equal(again.href, first.href);
  const lookups = (r: string) => r.startsWith('/.well-known/') || r.startsWith('/nodeinfo/');
  assert.deepEqual(mastodon.requests.slice(asked).filter(lookups), [], 'no second lookup');
  const stored = await page.evaluate(() => localStorage.getItem('parley-fediverse'));
  assert.ok(stored?.includes(`@me@${mastodon.host}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Misskey server (typed as a bare host) gets the link in its own url parameter', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const url = await shareTo(page, misskey.host);
  assert.equal(url.origin, misskey.url);
  assert.equal(url.pathname, '/share');
  assert.equal(url.searchParams.get('text'), TITLE);
  assert.equal(url.searchParams.get('url'), `${stack.example.url}/`);
  assert.ok(!misskey.requests.some((r) => r.startsWith('/.well-known/webfinger')), 'no WebFinger without a handle');
  assert.ok(misskey.requests.includes('/nodeinfo/2.0'));
  await context.close();
});

test('a bad server name is refused in the dialog and nothing is opened or fetched', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const bar = page.locator('parley-share').first();
  await bar.getByRole('button', { name: 'Mastodon' }).click();
  const dialog = bar.getByRole('dialog');
  const before = mastodon.requests.length + misskey.requests.length;
  let popups = 0;
  context.on('page', () => popups++);
  for (const bad of ['https://evil.example/path', 'javascript:alert(1)', `http://${mastodon.host}.example`]) {
    await dialog.getByRole('textbox').fill(bad);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.getByText('Enter a handle like').waitFor();
    assert.equal(await dialog.getByRole('textbox').getAttribute('aria-invalid'), 'true');
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(popups, 0);
  assert.equal(mastodon.requests.length + misskey.requests.length, before);
  await context.close();
});
