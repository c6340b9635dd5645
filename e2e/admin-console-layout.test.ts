import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openStorage } from '../packages/server/src/index.js';
import { notifyStorageOf } from '../packages/server/src/storage/notify-storage.js';
import { articleKey, postComment } from './fixtures/comments-helpers.js';
import { launchBrowser, recordProblems, Stack } from './support.js';

/**
 * The console's layout in the real shell: every view reflows at 320 CSS pixels without
 * scrolling sideways (WCAG 1.4.10; wide tables scroll in their own box), and in forced colours
 * (Windows high contrast) the current section and the current comment keep a visible mark.
 */

process.env.PARLEY_SCRYPT_N ??= '1024';
const EMAIL = 'owner@example.com';
const PASSWORD = 'a long and correct password';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start({ settings: { moderation: 'all' } });
  await stack.addAdmin({ email: EMAIL, password: PASSWORD, name: 'Olive' });
  await postComment(stack, 'A held comment whose text is long enough to wrap on a narrow phone screen', { name: 'Reader' });
  await postComment(stack, 'Another held comment', { name: 'Second Reader' });
  const storage = await openStorage(stack.databaseUrl);
  try {
    const notify = notifyStorageOf(storage);
    const address = await notify.address('demo', 'grace.hopper@example.org', 'en', Date.now());
    await notify.subscribe(address, 'thread', articleKey(stack), true, Date.now());
  } finally {
    await storage.close();
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${stack.parley.url}/admin/`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('parley-admin-comment').first().waitFor();
  return { context, page };
}

test('every view fits a 320 px wide screen without scrolling sideways', { timeout: 90_000 }, async () => {
  const { context, page } = await signedIn({ viewport: { width: 320, height: 640 } });
  const problems = recordProblems(page);
  // A ban, so that the bans table (and an audit entry for it) has a row.
  await page.evaluate(async () => {
    const { csrfToken } = (await (await fetch('/api/admin/session')).json()) as { csrfToken: string };
    await fetch('/api/admin/bans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-csrf': csrfToken },
      body: JSON.stringify({ site: null, kind: 'email', value: 'spammer@example.net', reason: 'a reason of some length' }),
    });
  });
  const views: [hash: string, shown: string][] = [
    ['queue', 'parley-admin-queue parley-admin-comment'],
    ['search', 'parley-admin-search form'],
    [`thread?site=demo&page=${encodeURIComponent(articleKey(stack))}`, 'parley-admin-thread parley-admin-comment'],
    ['bans', 'parley-admin-bans tbody tr'],
    ['subscriptions', 'parley-admin-subscriptions tbody tr'],
    ['webhooks', 'parley-admin-webhooks form'],
    ['settings', 'parley-admin-settings form'],
    ['audit', 'parley-admin-audit tbody tr'],
    ['import', 'parley-admin-import form'],
  ];
  const wide: string[] = [];
  for (const [hash, shown] of views) {
    await page.goto(`${stack.parley.url}/admin/#/${hash}`);
    await page.locator(shown).first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${hash.split('?')[0]}: ${width}px`);
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The marks forced colours keep (they drop backgrounds and shadows): outline and borders. */
function marks(page: Page, selector: string[]): Promise<string> {
  return page.evaluate((path) => {
    let el: Element | null | undefined = document.querySelector(path[0]!);
    for (const s of path.slice(1)) el = (el?.shadowRoot ?? el)?.querySelector(s);
    if (!el) throw new Error(`no ${path.join(' > ')}`);
    const c = getComputedStyle(el);
    // No named inner functions: tsx would wrap them in a helper the page lacks.
    const sides = ['top', 'right', 'bottom', 'left'].map(
      (s) =>
        `${c.getPropertyValue(`border-${s}-style`)} ${c.getPropertyValue(`border-${s}-width`)} ${c.getPropertyValue(`border-${s}-color`)}`,
    );
    return [
      `outline: ${c.outlineStyle === 'none' ? 'none' : `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}`}`,
      `border: ${sides.join(', ')}`,
      `box-shadow: ${c.boxShadow}`,
      `text-decoration: ${c.textDecorationLine}`,
    ].join('; ');
  }, selector);
}

test('in forced colours the current section and the current comment keep a mark', { timeout: 60_000 }, async () => {
  const { context, page } = await signedIn({ forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  const highlight = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'Highlight';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  const nav = (n: number) => ['parley-admin', `nav li:nth-child(${n}) a`];
  const item = (n: number) => [
    'parley-admin',
    'parley-admin-queue',
    'parley-admin-list',
    `li:nth-child(${n}) parley-admin-comment`,
    'article',
  ];
  const current = await marks(page, nav(1));
  assert.notEqual(current, await marks(page, nav(2)), 'the current section looks like the others');
  assert.ok(current.includes(`outline: solid 2px ${highlight}`), current);
  const currentItem = await marks(page, item(1));
  assert.notEqual(currentItem, await marks(page, item(2)), 'the current comment looks like the others');
  assert.ok(currentItem.includes(`solid 5px ${highlight}`), currentItem);
  await context.close();
});
