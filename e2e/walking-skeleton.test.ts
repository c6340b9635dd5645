import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, Stack } from './support.js';

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

test('a reader posts a comment on the article; it survives a reload, a server restart and shows in another browser', async () => {
  assert.notEqual(new URL(stack.example.url).port, new URL(stack.parley.url).port, 'page and comment server on two origins');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.example.url}/`);

  await page.getByRole('button', { name: 'Copy link' }).first().waitFor();
  assert.ok((await page.locator('parley-share').first().getByRole('link').count()) >= 3, 'share bar shows three networks');

  const comments = page.locator('parley-comments');
  // The thread loads when it comes near the viewport, as a reader scrolling down would bring it.
  await comments.scrollIntoViewIfNeeded();
  await comments.getByText('Be the first to comment').waitFor();
  await comments.getByLabel('Name').fill('Grace');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Sleeper trains *are* back.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.locator('article em', { hasText: 'are' }).waitFor();

  await page.reload();
  await comments.scrollIntoViewIfNeeded();
  await comments.getByText('Sleeper trains are back.').waitFor();

  await stack.parley.close();
  await stack.startParley();
  await page.reload();
  await comments.scrollIntoViewIfNeeded();
  await comments.getByText('Sleeper trains are back.').waitFor();

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(`${stack.example.url}/`);
  await second.locator('parley-comments').scrollIntoViewIfNeeded();
  await second.locator('parley-comments').getByText('Grace').waitFor();
  assert.deepEqual(errors, []);
  await other.close();
  await context.close();
});
