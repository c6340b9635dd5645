import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { WEBHOOK_EVENTS } from '../packages/server/src/domain/notify/webhook-events.js';
import { openStorage } from '../packages/server/src/index.js';
import { notifyAdminStorageOf } from '../packages/server/src/storage/notify-admin-storage.js';
import { notifyStorageOf } from '../packages/server/src/storage/notify-storage.js';
import { WebhookReceiver } from '../packages/server/src/testing/webhook-receiver.js';
import { postComment } from './fixtures/comments-helpers.js';
import { launchBrowser, Stack } from './support.js';

/**
 * Webhooks from the admin console end to end: an owner adds a webhook pointing at a real HTTP
 * receiver on loopback with the keyboard, copies the secret the console shows once, a comment is
 * posted, the receiver gets it signed with that secret, and the console's delivery log shows the
 * delivery; deleting asks first and removes it. Subscriptions show masked and can be removed.
 */

process.env.PARLEY_SCRYPT_N ??= '1024';
const EMAIL = 'owner@example.com';
const PASSWORD = 'a long and correct password';

let stack: Stack;
let browser: Browser;
const receiver = new WebhookReceiver();

before(async () => {
  await receiver.start();
  stack = await new Stack().start({ env: { PARLEY_WEBHOOK_ALLOW_PRIVATE: '1', PARLEY_OUTBOX_INTERVAL_MS: '200' } });
  await stack.addAdmin({ email: EMAIL, password: PASSWORD, name: 'Olive' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  await receiver.stop();
});

test('add a webhook with the keyboard, see its secret once, get a signed delivery, read the log, delete it', {
  timeout: 90_000,
}, async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${stack.parley.url}/admin/`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  await page.getByText('No webhooks on this site.').waitFor();
  // The console keeps its own copy of the event names (it imports nothing from the server): it
  // must offer exactly the server's.
  const offered = await page
    .locator('parley-admin-webhooks input[name=events]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  assert.deepEqual(offered, [...WEBHOOK_EVENTS]);

  // Keyboard only: type the URL, Enter submits the form (the default events are ticked).
  const url = page.getByLabel('URL');
  await url.focus();
  await page.keyboard.type(receiver.url);
  await page.keyboard.press('Enter');
  const secretBox = page.locator('parley-admin-webhooks .secret code');
  await secretBox.waitFor();
  const secret = (await secretBox.textContent()) ?? '';
  assert.match(secret, /^whsec_/);
  await page.locator('parley-admin [role=status]').getByText('Webhook added. Copy its secret now.').waitFor();
  // The focus is on the secret's heading, so Tab reaches "I have stored it" and Enter dismisses it.
  await page.getByRole('button', { name: 'I have stored it' }).focus();
  await page.keyboard.press('Enter');
  await secretBox.waitFor({ state: 'detached' });

  const text = `Hello hooks ${Date.now()}`;
  const { comment } = await postComment(stack, text, { name: 'Hook Reader' });
  for (let i = 0; i < 200 && receiver.of('comment.created').length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  const [hook] = receiver.of('comment.created');
  assert.ok(hook, 'the receiver got comment.created');
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(hook.headers['parley-signature'])) ?? [];
  assert.equal(v1, createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex'));
  assert.equal((JSON.parse(hook.body) as { comment: { id: string } }).comment.id, comment.id);

  await page.getByRole('button', { name: /^Deliveries/ }).press('Enter');
  const log = page.locator('parley-admin-webhooks section tbody');
  await log.getByText('Delivered (HTTP 200)').waitFor();
  assert.match((await log.textContent()) ?? '', /comment\.created/);
  assert.ok(!((await page.content()) + ((await log.textContent()) ?? '')).includes(secret), 'the secret is gone from the page');

  await page.getByRole('button', { name: /^Delete/ }).press('Enter');
  const dialog = page.locator('parley-admin-webhooks parley-admin-dialog dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete' }).press('Enter');
  await page.getByText('No webhooks on this site.').waitFor();
  await page.locator('parley-admin [role=status]').getByText('Webhook deleted.').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('subscriptions: masked addresses only, removed with the keyboard', { timeout: 60_000 }, async () => {
  const storage = await openStorage(stack.databaseUrl);
  const notify = notifyStorageOf(storage);
  const raw = ['grace.hopper@example.org', 'linus.t@example.net'];
  for (const email of raw) {
    const address = await notify.address('demo', email, 'en', Date.now());
    await notify.subscribe(address, 'thread', '/posts/trains', false, Date.now());
  }
  const page = await browser.newPage();
  await page.goto(`${stack.parley.url}/admin/#/subscriptions`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  const rows = page.locator('parley-admin-subscriptions tbody tr');
  await rows.nth(1).waitFor();
  const shown = (await page.locator('parley-admin-subscriptions tbody').textContent()) ?? '';
  assert.match(shown, /g…@example\.org/);
  assert.match(shown, /l…@example\.net/);
  // Every shadow root's markup, since the views live in nested shadow DOM.
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  const html = String(
    await page.evaluate(`(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            out.push(el.shadowRoot.innerHTML);
            walk(el.shadowRoot);
          }
        }
      };
      walk(document);
      return out.join('\\n');
    })()`),
  );
  assert.match(html, /l…@example\.net/, 'the walk reaches the view');
  for (const email of raw) assert.ok(!shown.includes(email) && !html.includes(email.split('@')[0] as string), email);

  await page.getByRole('button', { name: 'Remove g…@example.org' }).press('Enter');
  await rows.nth(1).waitFor({ state: 'detached' });
  await page.locator('parley-admin [role=status]').getByText('Subscription of g…@example.org removed.').waitFor();
  const left = await notifyAdminStorageOf(storage).subscriptions('demo', { limit: 10 });
  assert.deepEqual(
    left.map((r) => r.email),
    ['linus.t@example.net'],
  );
  const listed = (await page.locator('parley-admin-subscriptions tbody').textContent()) ?? '';
  assert.ok(!listed.includes('g…@example.org') && listed.includes('l…@example.net'));
  await storage.close();
  await page.close();
});
