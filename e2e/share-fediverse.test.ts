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

/**
 * Follows the top share bar's Mastodon link: the comment server's share page opens in a new tab
 * (with no CSP violation), `handle` is typed there (if given) and submitted, and the tab goes on
 * to the reader's server. Gives the link and where the tab went.
 */
async function shareTo(page: Page, handle: string | undefined): Promise<{ link: string; shared: URL; tab: Page }> {
  const bar = page.locator('parley-share').first();
  const mastodon = bar.getByRole('link', { name: 'Mastodon' });
  const link = (await mastodon.getAttribute('href')) ?? '';
  const popup = page.context().waitForEvent('page');
  await mastodon.click();
  const tab = await popup;
  const form = tab.getByRole('form', { name: 'Share on Mastodon or another fediverse server' });
  await form.waitFor();
  assert.equal(await tab.title(), 'Share on Mastodon or another fediverse server');
  const field = form.getByRole('textbox', { name: 'Your handle or server' });
  if (handle !== undefined) await field.fill(handle);
  await form.getByRole('button', { name: 'Share', exact: true }).click();
  await tab.waitForURL(/\/share\?/);
  return { link, shared: new URL(tab.url()), tab };
}

/** Records the page's CSP violations in `window.violations` (an init script, so from the start). */
function watchViolations(): void {
  const seen: string[] = [];
  (window as unknown as { violations: string[] }).violations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
}

test('a reader shares to their Mastodon server by handle; the share page looks it up and remembers it', async () => {
  const context = await browser.newContext();
  // Every page of the context, the share tab too, records its CSP violations from the start.
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  const errors: string[] = [];
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));
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

  const { link, shared: first, tab } = await shareTo(page, `@me@${mastodon.host}`);
  // The share page is the comment server's; what is shared travels in the fragment only.
  const pageUrl = new URL(link);
  assert.equal(pageUrl.origin + pageUrl.pathname + pageUrl.search, `${stack.parley.url}/share/fediverse`);
  assert.equal(new URLSearchParams(pageUrl.hash.slice(1)).get('url'), article);
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
  assert.deepEqual(events, [{ service: 'mastodon', url: link }]);
  await tab.close();

  // Remembered for the comment server's origin, not the article's: next time the field is filled
  // in and no lookup is repeated.
  const asked = mastodon.requests.length;
  await page.reload();
  assert.equal(await page.evaluate(() => localStorage.getItem('parley-fediverse')), null);
  const again = await shareTo(page, undefined);
  assert.equal(again.shared.href, first.href);
  const lookups = (r: string) => r.startsWith('/.well-known/') || r.startsWith('/nodeinfo/');
  assert.deepEqual(mastodon.requests.slice(asked).filter(lookups), [], 'no second lookup');
  await again.tab.close();
  const server = await context.newPage();
  await server.goto(`${stack.parley.url}/share/fediverse`);
  assert.ok((await server.evaluate(() => localStorage.getItem('parley-fediverse')))?.includes(`@me@${mastodon.host}`));
  assert.deepEqual(await server.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Misskey server (typed as a bare host) gets the link in its own url parameter', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const { shared: url } = await shareTo(page, misskey.host);
  assert.equal(url.origin, misskey.url);
  assert.equal(url.pathname, '/share');
  assert.equal(url.searchParams.get('text'), TITLE);
  assert.equal(url.searchParams.get('url'), `${stack.example.url}/`);
  assert.ok(!misskey.requests.some((r) => r.startsWith('/.well-known/webfinger')), 'no WebFinger without a handle');
  assert.ok(misskey.requests.includes('/nodeinfo/2.0'));
  await context.close();
});

test('a bad server name is refused on the share page and nothing is fetched; Cancel closes the tab', async () => {
  const context = await browser.newContext();
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const popup = context.waitForEvent('page');
  await page.locator('parley-share').first().getByRole('link', { name: 'Mastodon' }).click();
  const tab = await popup;
  const form = tab.getByRole('form');
  await form.waitFor();
  const before = mastodon.requests.length + misskey.requests.length;
  for (const bad of ['https://evil.example/path', 'javascript:alert(1)', `http://${mastodon.host}.example`]) {
    await form.getByRole('textbox').fill(bad);
    await form.getByRole('button', { name: 'Share', exact: true }).click();
    await form.getByText('Enter a handle like').waitFor();
    assert.equal(await form.getByRole('textbox').getAttribute('aria-invalid'), 'true');
  }
  assert.equal(new URL(tab.url()).pathname, '/share/fediverse', 'the tab stayed');
  assert.equal(mastodon.requests.length + misskey.requests.length, before);
  assert.deepEqual(await tab.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
  const closed = tab.waitForEvent('close');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await closed;
  await context.close();
});

test('the share page speaks the language its link names; with nothing to share it says so; Cancel goes back', async () => {
  const context = await browser.newContext();
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  const shared = new URLSearchParams({ url: `${stack.example.url}/`, title: TITLE, lang: 'de-AT' });
  await page.goto(`${stack.parley.url}/share/fediverse#${shared}`);
  const german = 'Auf Mastodon oder einem anderen Fediverse-Server teilen';
  await page.getByRole('form', { name: german }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.title(), german);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), german);

  // Opened by hand, without a share button's link: nothing to share, and Share stays disabled.
  await page.goto(`${stack.parley.url}/share/fediverse`);
  await page.getByText("Nothing to share: open this page from an article's share button.").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('button', { name: 'Share', exact: true }).isDisabled(), true);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);

  // A tab with history cannot be closed by the page's script: Cancel goes back instead.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL((u) => u.hash.includes('lang=de-AT'));
  await page.getByRole('form', { name: german }).waitFor();
  await context.close();
});

test('the share page runs right to left in Arabic and Hebrew, its buttons mirrored', async () => {
  const context = await browser.newContext();
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  for (const [lang, table, title] of [
    ['ar-EG', 'ar', 'المشاركة على Mastodon أو خادم آخر في الفديفيرس'],
    ['he', 'he', 'שיתוף ב־Mastodon או בשרת אחר בפדיברס'],
  ] as const) {
    const shared = new URLSearchParams({ url: `${stack.example.url}/`, title: TITLE, lang });
    // A new fragment alone would not load the page again.
    await page.goto('about:blank');
    await page.goto(`${stack.parley.url}/share/fediverse#${shared}`);
    const form = page.getByRole('form', { name: title });
    await form.waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [table, 'rtl']);
    assert.equal(await page.title(), title);
    assert.equal(await form.evaluate((f) => getComputedStyle(f).direction), 'rtl');
    // Cancel comes first, so in a right-to-left row it is the rightmost button.
    const [cancel, share] = await Promise.all([0, 1].map((i) => form.getByRole('button').nth(i).boundingBox()));
    assert.ok(cancel && share && cancel.x > share.x, 'Cancel right of Share');
  }
  // A left-to-right language says so too (the shell itself names no direction).
  await page.goto('about:blank');
  await page.goto(`${stack.parley.url}/share/fediverse#${new URLSearchParams({ title: TITLE, lang: 'de' })}`);
  await page.getByRole('form', { name: 'Auf Mastodon oder einem anderen Fediverse-Server teilen' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
  await context.close();
});
