import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openStorage } from '../packages/server/src/index.js';
import type { KyselyStorage } from '../packages/server/src/storage/kysely-storage.js';
import { focused, postComment } from './fixtures/comments-helpers.js';
import { launchBrowser, Stack } from './support.js';

// A thread with more replies than a listing carries (50; docs/api.md, "Replies"), read in a
// real Chromium from the real server: "Show N more replies" fetches the rest, a reply heard
// live meanwhile is not shown twice, and a permalink opens a reply the listing left out.

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

/**
 * Dates the events of the replies seeded a minute back, as if written before the reader came: a
 * new stream replays the page's last 10 s of events, which would add some of them live, sooner
 * or later, and make what the buttons say depend on timing.
 */
async function writtenBefore(): Promise<void> {
  const storage = (await openStorage(stack.databaseUrl)) as KyselyStorage;
  try {
    await storage.db
      .updateTable('live_events')
      .set((eb) => ({ created_at: eb('created_at', '-', 60_000) }))
      .execute();
  } finally {
    await storage.close();
  }
}

/** A reader in a context of its own; `errors` collects what reached the page uncaught. */
async function reader(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

test('53 replies: the listing brings 50, the button the rest, once each, in order; a permalink opens the 53rd', async () => {
  const top = (await postComment(stack, 'The top comment')).comment.id;
  const ids: string[] = [];
  for (let i = 0; i < 53; i++) ids.push((await postComment(stack, `Reply ${i}`, { parentId: top })).comment.id);
  await writtenBefore();

  const { page, errors, close } = await reader();
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/comments?') && r.request().method() === 'GET');
  const stream = page.waitForResponse((r) => r.url().includes('/api/v1/events?') && r.status() === 200, { timeout: 15_000 });
  await page.goto(`${stack.example.url}/`);
  await page.evaluate(() => document.querySelector('parley-comments')?.scrollIntoView());
  const listing = (await (await listed).json()) as { comments: { replies: unknown[]; moreReplies?: number }[] };
  assert.deepEqual([listing.comments[0]?.replies.length, listing.comments[0]?.moreReplies], [50, 3], 'the listing brings 50');
  await stream;
  const thread = page.locator('parley-comments');
  const replies = thread.locator(`#replies-${top} > li > article .body`);
  await thread.getByText('Reply 4', { exact: true }).waitFor();
  // 5 shown, 45 hidden here, 3 left on the server.
  await thread.getByRole('button', { name: 'Show 48 more replies' }).click();
  await thread.getByText('Reply 49', { exact: true }).waitFor();

  // Another reader answers the thread; the reply arrives live before the rest are fetched.
  await postComment(stack, 'A live reply', { parentId: top });
  await thread.getByText('A live reply', { exact: true }).waitFor();
  await thread.getByRole('button', { name: 'Show 3 more replies' }).click();
  await thread.getByText('Reply 52', { exact: true }).waitFor();
  const texts = (await replies.allTextContents()).map((t) => t.trim());
  assert.deepEqual(texts, [...Array.from({ length: 53 }, (_, i) => `Reply ${i}`), 'A live reply'], 'each once, in order');
  assert.equal((await focused(page)).id, `comment-${ids[50]}`, 'focus on the first reply fetched');
  assert.equal(await thread.locator('button.more').count(), 0);
  assert.deepEqual(errors, []);
  await close();

  // A fresh reader follows a link to the 53rd reply, which no listing carries.
  const link = await reader();
  // Found by asking the server where it is (the page may also hear it live, later).
  const asked = link.page.waitForRequest((r) => r.url().includes(`around=${ids[52]}`));
  await link.page.goto(`${stack.example.url}/#comment-${ids[52]}`);
  await asked;
  await link.page.waitForFunction(
    (id) => document.querySelector('parley-comments')?.shadowRoot?.getElementById(`comment-${id}`)?.classList.contains('hl'),
    ids[52],
  );
  assert.equal((await focused(link.page)).id, `comment-${ids[52]}`);
  assert.deepEqual(link.errors, []);
  await link.close();
});
