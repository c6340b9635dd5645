import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { postComment } from './fixtures/comments-helpers.js';
import { launchBrowser, recordProblems, Stack } from './support.js';

/**
 * The admin console end to end: the real comment server serving the built console at /admin/,
 * the real admin API, the example article with the real widget, all in Chromium. A moderator
 * signs in, finds a held comment in the queue, approves it with its keystroke (which acts only
 * inside the list: the same keys elsewhere on the page do nothing), and the article
 * shows it; a wrong password is refused with a message; signing out ends the session.
 */

// Sign-ins hash with scrypt: the lowest cost the server accepts keeps the test quick.
process.env.PARLEY_SCRYPT_N ??= '1024';
const EMAIL = 'moderator@example.com';
const PASSWORD = 'a long and correct password';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start({ settings: { moderation: 'all' } });
  await stack.addAdmin({ email: EMAIL, password: PASSWORD, name: 'Mo' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A page that records every error, CSP report and dialog, for the test to assert there were none. */
async function consolePage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  page.on('console', (m) => {
    // A 401 from GET /api/admin/session before signing in is expected; policy violations are not.
    if (/Content Security Policy|Trusted Type|TrustedHTML/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const liveRegion = (page: Page) => page.locator('parley-admin [role=status]');

test('sign in, approve a held comment with "a", and the article shows it', { timeout: 60_000 }, async () => {
  const text = `Held until a moderator says so ${Date.now()}`;
  const { comment } = await postComment(stack, text, { name: 'Patient Reader' });
  const { page, problems } = await consolePage();
  await page.goto(`${stack.parley.url}/admin`);
  assert.equal(new URL(page.url()).pathname, '/admin/');

  await signIn(page, PASSWORD);
  const item = page.locator('parley-admin-comment', { hasText: text });
  await item.waitFor();
  const shown = (await item.locator('article').textContent()) ?? '';
  assert.match(shown, /Patient Reader/);
  assert.match(shown, /Held: every comment on this site is held/);
  // The widget does not show it yet: it is held.
  const article = await browser.newPage();
  await article.goto(`${stack.example.url}/`);
  const thread = article.locator('parley-comments');
  // The thread loads when it comes near the viewport, as a reader scrolling down would bring it.
  await thread.scrollIntoViewIfNeeded();
  await thread.getByText('Be the first to comment').waitFor();

  // Single keys act only while focus is in the list (WCAG 2.1.4): "r" on a section link
  // rejects nothing, or the list would be busy with it and ignore the "a" below.
  await page.locator('parley-admin-queue h1').waitFor();
  await page.getByRole('link', { name: 'Settings' }).focus();
  await page.keyboard.press('r');
  // A click on the comment puts focus in the list, on the current comment; "a" approves it.
  await item.locator('.body').click();
  await page.keyboard.press('a');
  await liveRegion(page).getByText('Approved 1 comment.').waitFor();
  await item.waitFor({ state: 'detached' });
  await page.getByText('The queue is empty.').waitFor();

  const approved = (await (await fetch(`${stack.parley.url}/api/v1/comments/${comment.id}`)).json()) as {
    comment: { status?: string };
  };
  assert.equal(approved.comment.status, 'approved');
  await article.reload();
  await thread.scrollIntoViewIfNeeded();
  await thread.getByText(text).waitFor();
  await article.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a wrong password is refused with a message; signing out ends the session', { timeout: 60_000 }, async () => {
  const { page, problems } = await consolePage();
  await page.goto(`${stack.parley.url}/admin/`);
  await signIn(page, 'not the password');
  await page.locator('parley-admin-login #error').getByText('Wrong e-mail or password.').waitFor();
  await liveRegion(page).getByText('Wrong e-mail or password.').waitFor();
  assert.equal(await page.getByLabel('Password').inputValue(), '');

  await signIn(page, PASSWORD);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await liveRegion(page).getByText('Signed out.').waitFor();
  // The session is gone on the server too: a reload lands on the sign-in form again.
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  const session = await page.evaluate(async () => (await fetch('/api/admin/session')).status);
  assert.equal(session, 401);
  assert.deepEqual(problems, []);
  await page.close();
});
