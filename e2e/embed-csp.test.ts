import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, Stack } from './support.js';

/**
 * The widget on a host page under a strict Content-Security-Policy (examples/csp/, header set
 * by examples/serve.ts): nonce + 'strict-dynamic' scripts, style-src 'self', Trusted Types.
 */

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('under a strict CSP the share bar, counts and comment thread work with zero violations', async () => {
  const context = await browser.newContext();
  // Listening from the very start, before any page script runs, on every page of the context.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A missing favicon is the only resource error a plain example page has; it says so by URL below.
    if (/Content.Security.Policy|Trusted.?Type|refused/i.test(m.text())) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });

  const res = await page.goto(`${stack.example.url}/csp/`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  assert.match(csp, /require-trusted-types-for 'script'; trusted-types parley lit-html/);
  assert.match(csp, /style-src 'self';/);

  await page.locator('parley-share').getByRole('button', { name: 'Copy link' }).waitFor();
  await page.locator('.byline parley-count').getByText('0 comments').waitFor();
  const comments = page.locator('parley-comments');
  await comments.getByText('Be the first to comment').waitFor();
  await comments.getByLabel('Name').fill('Ada');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Works with *strict* CSP.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.locator('em', { hasText: 'strict' }).waitFor();

  // Sharing under the policy: copy the link (granted clipboard), and open the fediverse share page,
  // which the comment server serves in a tab of its own under its own policy.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.example.url });
  const bar = page.locator('parley-share');
  await bar.getByRole('button', { name: 'Copy link' }).click();
  await bar.getByText('Link copied').first().waitFor();
  const popup = context.waitForEvent('page');
  await bar.getByRole('link', { name: 'Mastodon' }).click();
  const tab = await popup;
  await tab.getByRole('form', { name: 'Share on Mastodon or another fediverse server' }).waitFor();
  const tabViolations = await tab.evaluate(() => (window as unknown as { violations?: string[] }).violations);
  assert.deepEqual(tabViolations, [], 'none on the share page either');
  await tab.close();

  // Rendered again from the server's HTML, through the sanitiser and its Trusted Types policy.
  await page.reload();
  await comments.locator('em', { hasText: 'strict' }).waitFor();
  await page.locator('parley-share').getByRole('button', { name: 'Copy link' }).waitFor();

  const parley = new URL(stack.parley.url).origin;
  assert.ok(
    scripts.some((u) => u.startsWith(`${parley}/embed/parley-comments.`)),
    'the thread chunk came from the comment server',
  );
  // Lit styles arrive as constructed style sheets, which style-src 'self' does not block.
  const adopted = await page
    .locator('parley-share')
    .evaluate((el) => (el.shadowRoot?.adoptedStyleSheets.length ?? 0) + (el.shadowRoot?.querySelectorAll('style').length ?? 0));
  assert.ok(adopted > 0, 'the share bar has its styles');
  assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
