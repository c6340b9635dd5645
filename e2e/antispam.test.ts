import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { openStorage } from '../packages/server/src/index.js';
import { launchBrowser, Stack } from './support.js';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start();
  // The stack turns the spam rules off for the other tests; here the site is as a new one is.
  const storage = await openStorage(stack.databaseUrl);
  const site = await storage.getSite('demo');
  assert.ok(site);
  await storage.updateSite({ ...site, settings: { ...site.settings, requireFormToken: true, refuseDuplicates: true } });
  await storage.close();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('a reader posts through the real widget with its form token; a bot posting without one is refused', async () => {
  const bot = await fetch(`${stack.parley.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.example.url },
    body: JSON.stringify({ site: 'demo', page: '/', body: 'Cheap watches', author: { name: 'Bot' } }),
  });
  assert.equal(bot.status, 422);
  assert.equal(((await bot.json()) as { code: string }).code, 'spam-suspected');

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const posts: Record<string, unknown>[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/comments') posts.push(r.postDataJSON());
  });
  await page.goto(`${stack.example.url}/`);
  const comments = page.locator('parley-comments');
  await comments.scrollIntoViewIfNeeded();
  await comments.getByText('Be the first to comment').waitFor();
  // A quick reader: the widget itself waits until the token is 2 s old before it sends.
  await comments.getByLabel('Name').fill('Grace');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Night trains are back.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.locator('article', { hasText: 'Night trains are back.' }).waitFor({ timeout: 10_000 });
  assert.equal(posts.length, 1);
  assert.match(String(posts[0]?.formToken), /^[0-9a-z]+\.[\w-]{27}$/);
  assert.equal(posts[0]?.homepage, undefined, 'the honeypot stays empty for people');

  // The honeypot is not reachable by keyboard: Tab from the website field goes to the comment.
  await comments.getByLabel('Website (optional)').focus();
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.querySelector('parley-comments')?.shadowRoot?.activeElement?.tagName),
    'TEXTAREA',
  );

  await page.reload();
  await comments.scrollIntoViewIfNeeded();
  await comments.getByText('Night trains are back.').waitFor();
  assert.equal(await comments.getByText('Cheap watches').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
