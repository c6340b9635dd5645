import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { focused, postComment, tabTo } from './fixtures/comments-helpers.js';
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

async function open(hash = ''): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.example.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.example.url}/${hash}`);
  // The embed loader fetches the thread's code when the element nears the viewport, or at once
  // for a permalink, which must work without the reader scrolling.
  if (!hash) await page.evaluate(() => document.querySelector('parley-comments')?.scrollIntoView());
  return { page, errors, close: () => context.close() };
}

test('post, reply, edit, delete and vote in the example article', async () => {
  const { page, errors, close } = await open();
  const thread = page.locator('parley-comments');
  await thread.getByText('Be the first to comment').waitFor();
  const root = thread.locator('form').last();
  await root.getByLabel('Name').fill('Ada');
  await root.getByRole('textbox', { name: 'Comment' }).fill('First **bold** words <img src=x>');
  // The preview is the server's rendering (POST /api/v1/preview, across origins), as posted.
  await root.getByRole('button', { name: 'Preview' }).click();
  await root.locator('.preview strong', { hasText: 'bold' }).waitFor();
  assert.equal(await root.locator('.preview').textContent(), 'First bold words <img src=x>');
  await root.getByRole('button', { name: 'Preview', pressed: true }).click();
  await root.getByRole('textbox', { name: 'Comment' }).fill('First **bold** words');
  await root.getByRole('button', { name: 'Post comment' }).click();
  const first = thread.locator('article', { hasText: 'First bold words' });
  await first.locator('strong', { hasText: 'bold' }).waitFor();
  assert.equal(await thread.getByText('1 comment', { exact: true }).count(), 1);

  await first.getByRole('button', { name: 'Reply' }).click();
  const reply = thread.locator('.reply-form form');
  await reply.getByLabel('Name').fill('Bob');
  await reply.getByRole('textbox', { name: 'Comment' }).fill('A reply');
  await reply.getByRole('button', { name: 'Post reply' }).click();
  await thread.locator('ol.replies article', { hasText: 'A reply' }).waitFor();
  const answer = thread.locator(`#${await thread.locator('ol.replies article', { hasText: 'A reply' }).getAttribute('id')}`);

  await answer.getByRole('button', { name: 'Edit' }).click();
  await answer.getByRole('textbox', { name: 'Comment' }).fill('A better reply');
  await answer.getByRole('button', { name: 'Save' }).click();
  await answer.getByText('A better reply').waitFor();
  const edited = answer;
  await edited.getByText('edited', { exact: true }).waitFor();

  await edited.getByRole('button', { name: 'Upvote (0)' }).click();
  await edited.getByRole('button', { name: 'Upvote (1)', pressed: true }).waitFor();

  await page.reload();
  await thread.getByText('A better reply').waitFor();
  await thread.getByRole('button', { name: 'Upvote (1)', pressed: true }).waitFor();

  const again = thread.locator('article', { hasText: 'A better reply' });
  await again.getByRole('button', { name: 'Delete' }).click();
  const posted: unknown[] = [];
  await page.exposeFunction('noteDeleted', (id: string) => posted.push(id));
  await page.evaluate(() =>
    document.querySelector('parley-comments')!.addEventListener('parley-comment-deleted', (e) => {
      (window as unknown as { noteDeleted(id: string): void }).noteDeleted((e as CustomEvent<{ id: string }>).detail.id);
    }),
  );
  await again.getByRole('group').getByRole('button', { name: 'Delete' }).click();
  await thread.locator('article', { hasText: 'A better reply' }).waitFor({ state: 'detached' });
  assert.equal(posted.length, 1);
  assert.equal((await focused(page)).tag, 'article', 'focus moves to the parent comment');
  await page.reload();
  await thread.getByText('First bold words').waitFor();
  assert.equal(await thread.getByText('A better reply').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('keyboard only: post a comment and a reply with Tab and Enter; focus follows', async () => {
  const { page, errors, close } = await open();
  const thread = page.locator('parley-comments');
  await thread.locator('form').last().getByLabel('Name').waitFor();
  await page.locator('h1').click();
  await tabTo(page, (f) => f.id === 'root-name');
  await page.keyboard.type('Kim Keys');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'root-body');
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Post comment');
  await page.keyboard.press('Enter');
  await thread.locator('article', { hasText: 'Typed without a mouse' }).waitFor();
  await page.waitForFunction(() => document.querySelector('parley-comments')?.shadowRoot?.activeElement?.localName === 'article');
  const mine = (await focused(page)).id;
  assert.match(mine, /^comment-/);
  await tabTo(page, (f) => f.text === 'Reply', 8);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    /^r-.*-body$/.test(document.querySelector('parley-comments')?.shadowRoot?.activeElement?.id ?? ''),
  );
  await page.keyboard.type('Reply by keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await thread.locator('ol.replies article', { hasText: 'Reply by keyboard' }).waitFor();
  await page.waitForFunction(() =>
    document.querySelector('parley-comments')?.shadowRoot?.activeElement?.textContent?.includes('Reply by keyboard'),
  );
  assert.deepEqual(errors, []);
  await close();
});

test('a draft survives a failed post (server down), is kept across a reload and is cleared once accepted', async () => {
  const { page, errors, close } = await open();
  const thread = page.locator('parley-comments');
  const root = thread.locator('form').last();
  await root.getByLabel('Name').waitFor();
  await root.getByLabel('Name').fill('Offline Olga');
  await root.getByRole('textbox', { name: 'Comment' }).fill('Written while the server was down');
  await stack.parley.close();
  await root.getByRole('button', { name: 'Post comment' }).click();
  await root.getByText('Could not reach the comment server.').waitFor();
  assert.equal(await root.getByRole('textbox', { name: 'Comment' }).inputValue(), 'Written while the server was down');
  await stack.startParley();
  await page.reload();
  const form = thread.locator('form').last();
  await form.getByRole('textbox', { name: 'Comment' }).waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Comment' }).inputValue(), 'Written while the server was down');
  assert.equal(await form.getByLabel('Name').inputValue(), 'Offline Olga', 'the name is remembered');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await thread.locator('article', { hasText: 'Written while the server was down' }).waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Comment' }).inputValue(), '');
  await page.reload();
  await thread.locator('article', { hasText: 'Written while the server was down' }).waitFor();
  assert.equal(await thread.locator('form').last().getByRole('textbox', { name: 'Comment' }).inputValue(), '');
  assert.deepEqual(
    errors.filter((e) => !/fetch/i.test(e)),
    [],
  );
  await close();
});

test('sort is remembered, "load more" pages with the cursor, a permalink opens a comment on a later page', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 56; i++)
    ids.push((await postComment(stack, `Numbered comment ${i}`, { page: `${stack.example.url}/` })).comment.id);
  const { page, errors, close } = await open();
  const thread = page.locator('parley-comments');
  await thread.getByText('Numbered comment 0', { exact: true }).waitFor();
  assert.equal(await thread.getByText('Numbered comment 55', { exact: true }).count(), 0, 'second page not loaded yet');
  await thread.getByRole('button', { name: 'Load more comments' }).click();
  await thread.getByText('Numbered comment 55', { exact: true }).waitFor();
  assert.equal(await thread.getByRole('button', { name: 'Load more comments' }).count(), 0);

  await thread.getByLabel('Sort by').selectOption('newest');
  await thread.getByText('Numbered comment 55', { exact: true }).waitFor();
  const firstText = async () => (await thread.locator('ol.thread > li > article .body').first().textContent())?.trim();
  assert.equal(await firstText(), 'Numbered comment 55');
  await page.reload();
  await thread.getByText('Numbered comment 55', { exact: true }).waitFor();
  assert.equal(await firstText(), 'Numbered comment 55');
  assert.equal(await thread.getByLabel('Sort by').inputValue(), 'newest');
  await thread.getByLabel('Sort by').selectOption('oldest');
  await thread.getByText('Numbered comment 0', { exact: true }).waitFor();
  await close();

  // A fresh reader (oldest first) opens a link to a comment that sits on the second page.
  const target = ids[53]!;
  const link = await open(`#comment-${target}`);
  const article = link.page.locator(`parley-comments article#comment-${target}`);
  await article.waitFor();
  await link.page.waitForFunction(
    (id) => document.querySelector('parley-comments')?.shadowRoot?.getElementById(`comment-${id}`)?.classList.contains('hl'),
    target,
  );
  // Scrolled into view (smoothly, unless the reader prefers reduced motion).
  await link.page.waitForFunction((id) => {
    const r = document.querySelector('parley-comments')!.shadowRoot!.getElementById(`comment-${id}`)!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, target);

  // The comment's share action: the share bar's own code, sharing the comment's permalink.
  const permalink = `${stack.example.url}/#comment-${target}`;
  await article.getByRole('button', { name: 'Share', exact: true }).click();
  const bar = article.locator('parley-share');
  const x = new URL((await bar.getByRole('link', { name: 'X' }).getAttribute('href'))!);
  assert.equal(x.searchParams.get('url'), permalink);
  const mail = (await bar.getByRole('link', { name: 'E-mail' }).getAttribute('href'))!;
  assert.ok(decodeURIComponent(mail).includes(permalink), mail);
  await bar.getByRole('button', { name: 'Copy link' }).click();
  await bar.getByRole('button', { name: 'Link copied' }).waitFor();
  const copied = await link.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, permalink);
  assert.deepEqual([...errors, ...link.errors], []);
  await link.close();
});
