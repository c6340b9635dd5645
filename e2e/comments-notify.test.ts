import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type ReceivedMail, SmtpSink } from '../packages/server/src/testing/smtp-sink.js';
import { postComment } from './fixtures/comments-helpers.js';
import { launchBrowser, Stack } from './support.js';

// "Notify me of replies" and "follow this discussion" (issue 8) from the widget to a real SMTP
// server on loopback: the confirmation mail, its link opened and confirmed in the browser, and
// the notification that follows.

/** The address mails link to; links are opened on the test server under the same path. */
const PUBLIC = 'https://comments.example.org';
let sink: SmtpSink;
let stack: Stack;
let browser: Browser;

before(async () => {
  sink = new SmtpSink();
  await sink.start();
  stack = await new Stack().start({
    env: {
      PARLEY_SMTP_URL: sink.url,
      PARLEY_PUBLIC_URL: PUBLIC,
      PARLEY_MAIL_FROM: 'Parley <parley@comments.example.org>',
      PARLEY_OUTBOX_INTERVAL_MS: '100',
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  await sink?.stop();
});

async function reader(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.example.url}/`);
  await page.evaluate(() => document.querySelector('parley-comments')?.scrollIntoView());
  await page.locator('parley-comments .count').waitFor();
  return page;
}

/** The `n`th mail to `address` (1-based), waiting for it (bounded). */
async function mail(address: string, n: number): Promise<ReceivedMail> {
  for (let i = 0; i < 150; i++) {
    const got = sink.to(address);
    if (got.length >= n) return got[n - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail #${n} to ${address}; got ${sink.to(address).length}`);
}

/** Opens the confirmation link of `m` in a browser and presses its button. */
async function confirm(m: ReceivedMail): Promise<void> {
  const link = /https:\/\/comments\.example\.org\/notify\/confirm\?t=[\w.-]+/.exec(m.parsed.text ?? '')?.[0];
  assert.ok(link, `a confirmation link in:\n${m.parsed.text}`);
  const page = await (await browser.newContext()).newPage();
  await page.goto(stack.parley.url + link.slice(PUBLIC.length));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Confirmed.').waitFor();
}

test('"notify me of replies": ticked with an e-mail, confirmed by mail, a reply is mailed', async () => {
  const a = await reader();
  const form = a.locator('parley-comments form').last();
  const notify = form.getByRole('checkbox', { name: 'Notify me of replies' });
  assert.equal(await notify.isVisible(), false, 'not offered without an e-mail');
  await form.getByLabel('Name').fill('Ada');
  await form.getByLabel('E-mail (optional, never shown)').fill('ada@example.org');
  await notify.check();
  await form.getByRole('textbox', { name: 'Comment' }).fill('Does anyone know?');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await a.locator('parley-comments article', { hasText: 'Does anyone know?' }).waitFor();

  await confirm(await mail('ada@example.org', 1));

  const b = await reader();
  const question = b.locator('parley-comments article', { hasText: 'Does anyone know?' });
  await question.getByRole('button', { name: 'Reply' }).click();
  const reply = b.locator('parley-comments .reply-form form');
  await reply.getByLabel('Name').fill('Bob');
  await reply.getByRole('textbox', { name: 'Comment' }).fill('Yes: read the docs');
  await reply.getByRole('button', { name: 'Post reply' }).click();

  const notice = await mail('ada@example.org', 2);
  assert.match(notice.parsed.text ?? '', /Yes: read the docs/);
  assert.match(notice.parsed.text ?? '', /Bob/);
});

test('"follow this discussion": the typed e-mail, "check your inbox", confirmed, then every new comment is mailed', async () => {
  const c = await reader();
  const thread = c.locator('parley-comments');
  const form = thread.locator('form').last();
  await form.getByLabel('E-mail (optional, never shown)').fill('cy@example.org');
  await form.getByRole('button', { name: 'Follow this discussion' }).click();
  await thread.getByText('Check your inbox to confirm.').waitFor();

  await confirm(await mail('cy@example.org', 1));
  await postComment(stack, 'News for followers', { name: 'Dee' });
  const notice = await mail('cy@example.org', 2);
  assert.match(notice.parsed.text ?? '', /News for followers/);
});
