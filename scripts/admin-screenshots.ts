// Screenshots of the admin console for docs/admin.md, taken by Chromium against real servers
// with a seeded site: `pnpm build && tsx scripts/admin-screenshots.ts` writes docs/img/admin-*.png.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, Stack } from '../e2e/support.js';
import { AdminService } from '../packages/server/src/domain/admins.js';
import { openStorage } from '../packages/server/src/index.js';
import { WebhookReceiver } from '../packages/server/src/testing/webhook-receiver.js';

process.env.PARLEY_SCRYPT_N ??= '1024';
const OUT = new URL('../docs/img/', import.meta.url);
const EMAIL = 'editor@example.com';
const PASSWORD = 'a long and correct password';

// A webhook receiver that fails once, for the delivery log.
const receiver = new WebhookReceiver();
let failures = 1;
receiver.answer = () => (failures-- > 0 ? 500 : 200);
await receiver.start();
// Comments with links are held, the rest published: the queue and a mixed thread.
const stack = await new Stack().start({
  settings: { moderation: 'links' },
  env: {
    PARLEY_WEBHOOK_ALLOW_PRIVATE: '1',
    PARLEY_OUTBOX_INTERVAL_MS: '200',
  },
});
const storage = await openStorage(stack.databaseUrl);
await new AdminService(storage, Date.now).add({ email: EMAIL, password: PASSWORD, role: 'owner', name: 'Eddie' });
await storage.close();

async function post(page: string, name: string, body: string, parentId?: string): Promise<string> {
  const res = await fetch(`${stack.parley.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.example.url },
    body: JSON.stringify({ site: 'demo', page, body, author: { name }, ...(parentId ? { parentId } : {}) }),
  });
  if (res.status !== 201) throw new Error(`post: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

const article = `${stack.example.url}/`;
const budget = `${stack.example.url}/posts/budget`;
const first = await post(article, 'Grace', 'Sleeper trains *are* back, and the night route to Vienna is **excellent**.');
await post(article, 'Linus', 'Agreed. The couchettes were clean and the staff friendly.', first);
await post(article, 'Rail Fan', 'The timetable is on [the operator’s site](https://rail.example/night), worth a look.', first);
await post(budget, 'Margaret', '> the budget grows by 4%\n\nThat is below inflation, so it shrinks in real terms.');
await post(
  budget,
  'Ada',
  'Where do the figures in the second table come from? [This report](https://stats.example/2026) says otherwise.',
);
await post(article, 'Cheap Pills', 'Best prices!!! Visit [my shop](https://spam.example/pills) now');
await post(budget, 'Tim', 'Source: https://news.example/budget-2027 — the *full* document.');

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
const page = await context.newPage();
mkdirSync(OUT, { recursive: true });
const shot = (name: string) => page.screenshot({ path: new URL(`admin-${name}.png`, OUT).pathname });
const settle = (p: Page) => p.waitForTimeout(400);

await page.goto(`${stack.parley.url}/admin/`);
await page.getByLabel('E-mail').fill(EMAIL);
await shot('login');
await page.getByLabel('Password').fill(PASSWORD);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.locator('parley-admin-queue parley-admin-comment').first().waitFor();
// The list's keys act while focus is in it: a click on the first comment puts it there.
await page.locator('parley-admin-queue parley-admin-comment').first().locator('.body').click();
await page.keyboard.press('j');
await page.keyboard.press('x');
await page.keyboard.press('j');
await settle(page);
await shot('queue');
await page.keyboard.press('?');
await settle(page);
await shot('help');
await page.keyboard.press('Escape');

// "Ban author" on the spam comment: the form offers what the server holds for it.
await page
  .locator('parley-admin-comment', { hasText: 'Cheap Pills' })
  .getByRole('button', { name: /Ban author/ })
  .click();
await page.getByRole('dialog', { name: 'Ban Cheap Pills' }).waitFor();
await settle(page);
await shot('ban-author');
await page.keyboard.press('Escape');

await page.goto(`${stack.parley.url}/admin/#/thread?site=demo&page=${encodeURIComponent(article)}`);
await page.locator('parley-admin-thread parley-admin-comment').first().waitFor();
await settle(page);
await shot('thread');

await page.goto(`${stack.parley.url}/admin/#/bans`);
await page.getByLabel('Value').fill('troll@example.com');
await page.getByLabel('Reason (only moderators see it)').fill('Repeated abuse');
await page.getByRole('button', { name: 'Ban', exact: true }).click();
await page.locator('parley-admin-bans tbody tr').first().waitFor();
await settle(page);
await shot('bans');

await page.goto(`${stack.parley.url}/admin/#/settings`);
await page.locator('parley-admin-settings form').waitFor();
await settle(page);
await shot('settings');

await page.goto(`${stack.parley.url}/admin/#/audit`);
await page.locator('parley-admin-audit table').waitFor();
await settle(page);
await shot('audit');

await page.goto(`${stack.parley.url}/admin/#/import`);
await page
  .getByLabel('Export file')
  .setInputFiles(new URL('../packages/server/test/fixtures/import/disqus.xml', import.meta.url).pathname);
await page.getByLabel('Format').selectOption('disqus');
await page.getByRole('button', { name: 'Import', exact: true }).click();
await page.locator('parley-admin-import #summary').waitFor();
await settle(page);
await shot('import');

await page.goto(`${stack.parley.url}/admin/#/webhooks`);
await page.getByLabel('URL').fill(receiver.url);
await page.getByRole('button', { name: 'Add webhook' }).click();
await page.locator('parley-admin-webhooks .secret').waitFor();
await settle(page);
await shot('webhooks-secret');
await page.getByRole('button', { name: 'I have stored it' }).click();
await post(article, 'Grace', 'One more thought on the night train: book early.');
// The first try meets a 500; the retry comes after the backoff (30 s by default).
while (receiver.received.length < 2) await new Promise((r) => setTimeout(r, 250));
await page.getByRole('button', { name: /^Deliveries/ }).click();
await page.locator('parley-admin-webhooks section tbody tr').nth(1).waitFor();
await page.mouse.wheel(0, 360);
await settle(page);
await shot('webhooks');

await page.goto(`${stack.parley.url}/admin/#/queue`);
await page.locator('parley-admin-queue parley-admin-comment').first().waitFor();
await page.locator('parley-admin select').first().selectOption('dark');
await settle(page);
await shot('queue-dark');

await browser.close();
await stack.stop();
await receiver.stop();
console.log(`screenshots written to ${OUT.pathname}`);
