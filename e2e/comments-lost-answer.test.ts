import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AnswerDroppingProxy } from './fixtures/answer-dropping-proxy.js';
import { launchBrowser, recordProblems, Stack } from './support.js';

// A post whose answer is lost after the server stored it (a proxy, a load balancer, a mobile
// connection dropping at the wrong moment): the reader tries again and gets their comment, with
// its edit token, stored once, through the real widget, server and connection.

let stack: Stack;
let browser: Browser;
const proxy = new AnswerDroppingProxy();

before(async () => {
  stack = await new Stack().start({ front: (url) => proxy.start(url) });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await proxy.stop();
  await stack?.stop();
});

/** The bodies of the comments the server lists for the page `key`. */
async function stored(key: string): Promise<string[]> {
  const q = new URLSearchParams({ site: 'demo', page: key });
  const res = await fetch(`${stack.parley.url}/api/v1/comments?${q}`);
  return ((await res.json()) as { comments: { body: string }[] }).comments.map((c) => c.body);
}

for (const refuseDuplicates of [false, true]) {
  test(`"Try again" after an answer lost past the server gets the stored comment and its edit token (refuseDuplicates: ${refuseDuplicates})`, async () => {
    await stack.updateSettings({ refuseDuplicates, requireFormToken: true });
    const text = `My carefully written comment (${refuseDuplicates ? 'duplicates refused' : 'duplicates allowed'})`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(`${stack.example.url}/`);
    const thread = page.locator('parley-comments');
    await thread.scrollIntoViewIfNeeded();
    const form = thread.locator('form').last();
    const field = form.getByRole('textbox', { name: 'Comment' });
    await field.fill(text);
    const key = await page.evaluate(() => (document.querySelector('parley-comments') as unknown as { pageKey: string }).pageKey);
    const before = proxy.posts.length;

    proxy.dropNext = true;
    await form.getByRole('button', { name: 'Post comment' }).click();
    // The widget waits until its form token is 2 s old before it sends.
    await form
      .getByText('Could not reach the comment server. Your text is kept; try again when you are ready.')
      .waitFor({ timeout: 10_000 });
    assert.equal((await stored(key)).filter((b) => b === text).length, 1, 'the server stored it');
    assert.equal(await field.inputValue(), text);

    await form.getByRole('button', { name: 'Try again' }).click();
    const mine = thread.locator('article', { hasText: text });
    await mine.getByRole('button', { name: 'Edit' }).waitFor({ timeout: 10_000 });
    const posts = proxy.posts.slice(before);
    assert.deepEqual(
      posts.map(({ status, replayed, dropped }) => ({ status, replayed, dropped })),
      [
        { status: 201, replayed: false, dropped: true },
        { status: 201, replayed: true, dropped: false },
      ],
    );
    assert.ok(posts[0]?.key, 'sent with an Idempotency-Key');
    assert.equal(posts[1]?.key, posts[0]?.key, 'the same key on the retry');
    assert.equal((await stored(key)).filter((b) => b === text).length, 1, 'stored once');
    assert.equal(await mine.count(), 1);
    assert.equal(await field.inputValue(), '');

    // Reloaded, the reader still has their comment's edit token and no draft.
    await page.reload();
    await thread.scrollIntoViewIfNeeded();
    await thread.locator('article', { hasText: text }).getByRole('button', { name: 'Edit' }).waitFor();
    assert.equal(await thread.locator('form').last().getByRole('textbox', { name: 'Comment' }).inputValue(), '');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parley:draft:'))), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
