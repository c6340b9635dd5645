import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, Stack } from './support.js';

// Live updates (issue 9) between two readers of one article, each in its own browser context,
// through the real comment server's event stream.

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

/** Resolves once the page holds an open event stream (its request answered with 200). */
const streaming = (page: Page) =>
  page.waitForResponse((r) => r.url().includes('/api/v1/events?') && r.status() === 200, { timeout: 15_000 });

/**
 * A reader with the example article open and the thread in view; `stream` resolves once its
 * event stream is open. It waits from before navigation: the stream may open (and its response
 * arrive) before `goto` returns, and a wait begun after that would never see it.
 */
async function reader(): Promise<{ page: Page; errors: string[]; stream: Promise<Response> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stream = streaming(page);
  // Not every caller waits for the stream; one that does still sees a failure.
  stream.catch(() => undefined);
  await page.goto(`${stack.example.url}/`);
  await page.evaluate(() => document.querySelector('parley-comments')?.scrollIntoView());
  return { page, errors, stream };
}

test('a comment posted by one reader waits behind "1 new comment — show" for another; edits, votes and replies arrive in place', async () => {
  const a = await reader();
  const b = await reader();
  const threadA = a.page.locator('parley-comments');
  const threadB = b.page.locator('parley-comments');
  await threadA.getByText('Be the first to comment').waitFor();
  await threadB.getByText('Be the first to comment').waitFor();
  assert.ok((await b.stream).ok());

  const form = threadA.locator('form').last();
  await form.getByLabel('Name').fill('Ada');
  await form.getByRole('textbox', { name: 'Comment' }).fill('Hello from A');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await threadA.locator('article', { hasText: 'Hello from A' }).waitFor();

  const show = threadB.getByRole('button', { name: '1 new comment — show' });
  await show.waitFor();
  assert.equal(await threadB.getByText('Hello from A').count(), 0, 'not inserted under the reader’s eyes');
  assert.equal(await threadB.getByText('1 comment', { exact: true }).count(), 1, 'the count has it');
  await threadB.locator('[role=status]', { hasText: '1 new comment' }).waitFor();
  await show.click();
  const seen = threadB.locator('article', { hasText: 'Hello from A' });
  await seen.waitFor();
  assert.equal(await show.count(), 0);

  const mine = threadA.locator('article', { hasText: 'Hello from A' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByRole('textbox', { name: 'Comment' }).fill('Hello from A, edited');
  await mine.getByRole('button', { name: 'Save' }).click();
  await seen.getByText('Hello from A, edited').waitFor();
  await seen.getByText('edited', { exact: true }).waitFor();

  await mine.getByRole('button', { name: 'Upvote (0)' }).click();
  await seen.getByRole('button', { name: 'Upvote (1)' }).waitFor();

  await mine.getByRole('button', { name: 'Reply' }).click();
  const reply = threadA.locator('.reply-form form');
  await reply.getByRole('textbox', { name: 'Comment' }).fill('A reply from A');
  await reply.getByRole('button', { name: 'Post reply' }).click();
  await threadB.locator('ol.replies article', { hasText: 'A reply from A' }).waitFor();
  assert.equal(await threadB.getByRole('button', { name: /new comment/ }).count(), 0, 'replies never wait');
  assert.equal(await threadB.getByText('2 comments', { exact: true }).count(), 1);

  const answer = threadA.locator('ol.replies article', { hasText: 'A reply from A' });
  await answer.getByRole('button', { name: 'Delete' }).click();
  await answer.getByRole('group').getByRole('button', { name: 'Delete' }).click();
  await threadB.locator('ol.replies article', { hasText: 'A reply from A' }).waitFor({ state: 'detached' });
  assert.equal(await threadB.getByText('1 comment', { exact: true }).count(), 1);
  assert.deepEqual([...a.errors, ...b.errors], []);
});

test('a reader whose thread was out of view catches up when it comes back, from where it left off', async () => {
  const b = await reader();
  await b.stream;
  const thread = b.page.locator('parley-comments');
  await thread.locator('article').first().waitFor();
  // A closed EventSource ends its request: finished or failed (aborted), depending on timing.
  const events = (r: { url(): string }) => r.url().includes('/api/v1/events?');
  const closed = Promise.race([
    b.page.waitForEvent('requestfinished', { predicate: events }),
    b.page.waitForEvent('requestfailed', { predicate: events }),
  ]);
  // Far out of view: the stream closes.
  await b.page.evaluate(() => {
    const el = document.querySelector('parley-comments') as HTMLElement;
    el.style.marginTop = '1000vh';
    scrollTo(0, 0);
  });
  await closed;
  const res = await fetch(`${stack.parley.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.example.url },
    body: JSON.stringify({ site: 'demo', page: `${stack.example.url}/`, body: 'Posted while B looked away' }),
  });
  assert.equal(res.status, 201);
  const resumed = b.page.waitForRequest((r) => r.url().includes('/api/v1/events?'));
  await b.page.evaluate(() => document.querySelector('parley-comments')?.scrollIntoView());
  assert.match((await resumed).url(), /[?&]lastEventId=\d+/, 'resumes after the last event it had');
  await thread.getByRole('button', { name: '1 new comment — show' }).click();
  await thread.locator('article', { hasText: 'Posted while B looked away' }).waitFor();
});
