import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { articleKey } from './fixtures/comments-helpers.js';
import { launchBrowser, Stack } from './support.js';

/**
 * "Ban author" end to end: a moderator opens the ban form from a held comment in the real
 * console, bans its author's e-mail address for a day without ever seeing it, and the real
 * server then refuses that address's next post with the neutral 403 while others still post.
 */

process.env.PARLEY_SCRYPT_N ??= '1024';
const EMAIL = 'owner@example.com';
const PASSWORD = 'a long and correct password';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start({ settings: { moderation: 'all' } });
  await stack.addAdmin({ email: EMAIL, password: PASSWORD, name: 'Olive' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

function post(body: string, email: string): Promise<Response> {
  return fetch(`${stack.parley.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.example.url },
    body: JSON.stringify({ site: 'demo', page: articleKey(stack), body, author: { name: 'Spammer', email } }),
  });
}

test('ban the author of a held comment from the queue; their next post is refused', { timeout: 60_000 }, async () => {
  const text = `Buy followers now ${Date.now()}`;
  assert.equal((await post(text, 'spammer@example.net')).status, 201);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.parley.url}/admin/`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const item = page.locator('parley-admin-comment', { hasText: text });
  await item.waitFor();
  // The console never had the address: only whether there is one, and keyed hashes.
  assert.doesNotMatch(await page.content(), /spammer@example\.net/);

  await page.locator('parley-admin-queue h1').waitFor();
  // Keys act while focus is in the list: a click on the comment puts it there.
  await item.locator('.body').click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: 'Ban Spammer' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Their e-mail address').isChecked(), true);
  await dialog.getByLabel('Expires').selectOption({ label: '1 day' });
  await dialog.getByLabel('Reason (only moderators see it)').fill('follower spam');
  await dialog.getByRole('button', { name: 'Ban', exact: true }).click();
  await page.locator('parley-admin [role=status]').getByText('Banned: s…@example.net.').waitFor();
  await dialog.waitFor({ state: 'hidden' });

  const refused = await post('one more try', 'Spammer@Example.net');
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as { code: string }).code, 'not-allowed');
  assert.equal((await post('an honest comment', 'reader@example.org')).status, 201);

  await page.getByRole('link', { name: 'Bans' }).click();
  const row = page.locator('parley-admin-bans tbody tr', { hasText: 's…@example.net' });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /follower spam/);
  assert.deepEqual(errors, []);
  await page.close();
});
