import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
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

test('the share bar asks nothing of anyone but the page and the comment server, before and while the reader uses it', async () => {
  const context = await browser.newContext();
  const origins = new Set([stack.example.url, stack.parley.url]);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.example.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.example.url}/`);
  const bar = page.locator('parley-share').first();

  // Copy: the Clipboard API holds the article's link; the button says so and so does the live region.
  await bar.getByRole('button', { name: 'Copy link' }).click();
  await bar.getByRole('button', { name: 'Link copied' }).waitFor();
  assert.equal(await bar.getByRole('status').textContent(), 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${stack.example.url}/`);

  // The fediverse share page opens from the comment server and closes without asking any server.
  const popup = context.waitForEvent('page');
  await bar.getByRole('link', { name: 'Mastodon' }).click();
  const tab = await popup;
  await tab.getByRole('form').waitFor();
  const closed = tab.waitForEvent('close');
  await tab.getByRole('button', { name: 'Cancel' }).click();
  await closed;

  // Hovering and focusing the network links fetches nothing either (no prefetch, no pixels).
  for (const link of await bar.getByRole('link').all()) {
    await link.hover();
    await link.focus();
  }
  await page.waitForLoadState('networkidle');

  assert.ok(requests.length > 3, 'requests were recorded');
  const foreign = requests.filter((u) => !origins.has(new URL(u).origin));
  assert.deepEqual(foreign, [], `only ${[...origins].join(' and ')}`);
  assert.ok(
    requests.some((u) => u.startsWith(`${stack.parley.url}/share/fediverse`)),
    'the share page came from the comment server',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: Tab reaches every control with a visible focus ring, Enter copies', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.example.url });
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const bar = page.locator('parley-share').first();
  await bar.getByRole('button', { name: 'Copy link' }).waitFor();
  const names: string[] = [];
  // Bounded: the page has fewer than 60 focusable things before the second share bar.
  for (let i = 0; i < 60 && names.length < 9; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      if (host?.localName !== 'parley-share' || host !== document.querySelector('parley-share')) return null;
      const el = host.shadowRoot?.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { name: el.textContent?.trim() ?? '', outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (!focused) continue;
    assert.equal(focused.outline, 'solid', `${focused.name} shows focus`);
    assert.equal(focused.width, '3px');
    names.push(focused.name);
  }
  assert.deepEqual(names, ['Copy link', 'Mastodon', 'Bluesky', 'X', 'Facebook', 'LinkedIn', 'WhatsApp', 'Reddit', 'E-mail']);
  // Back from E-mail to Copy link, then Enter.
  for (let i = 0; i < names.length - 1; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await bar.getByRole('button', { name: 'Link copied' }).waitFor();
  await context.close();
});

test('forced colours: controls keep their border and a solid focus ring', async () => {
  const context = await browser.newContext({ forcedColors: 'active' });
  const page = await context.newPage();
  await page.goto(`${stack.example.url}/`);
  const copy = page.locator('parley-share').first().getByRole('button', { name: 'Copy link' });
  await copy.waitFor();
  const border = (l: typeof copy) =>
    l.evaluate((el) => `${getComputedStyle(el).borderTopStyle} ${getComputedStyle(el).borderTopWidth}`);
  assert.equal(await border(copy), 'solid 1px');
  assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
  await copy.focus();
  const ring = await copy.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(ring, 'solid');
  await context.close();
});
