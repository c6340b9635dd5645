import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SETTING_TYPES } from '../packages/admin/src/setting-values.js';
import { launchBrowser, recordProblems, Stack } from './support.js';

/**
 * Site settings end to end, against the real server's settings spec: the console knows every
 * type the spec uses, saving untouched settings succeeds and changes nothing, blocked words (one
 * per line) round-trip, and a refused value is marked on its field.
 */

process.env.PARLEY_SCRYPT_N ??= '1024';
const EMAIL = 'owner@example.com';
const PASSWORD = 'a long and correct password';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start();
  await stack.addAdmin({ email: EMAIL, password: PASSWORD, name: 'Olive' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function settingsPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  await page.goto(`${stack.parley.url}/admin/#/settings`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('parley-admin-settings form').waitFor();
  return { page, problems };
}

/** A GET of the admin API with the page's session. */
function get<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(`/api/admin${p}`)).json(), path) as Promise<T>;
}

type Site = { site: { name: string; origins: string[] }; settings: Record<string, unknown> };

/** Presses Save and waits for the server's answer to the PATCH. */
async function save(page: Page): Promise<number> {
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.locator('parley-admin-settings').getByRole('button', { name: 'Save' }).click();
  return (await answer).status();
}

test('every setting type of the server spec is one the console can edit', { timeout: 60_000 }, async () => {
  const { page, problems } = await settingsPage();
  const { settings } = await get<{ settings: { key: string; type: string }[] }>(page, '/settings-spec');
  assert.ok(settings.length > 10);
  const unknown = settings.filter((s) => !(SETTING_TYPES as readonly string[]).includes(s.type));
  assert.deepEqual(unknown, [], 'the console renders these as read-only and never saves them: teach it the type');
  assert.deepEqual(problems, []);
  await page.close();
});

test('saving untouched settings succeeds and changes nothing', { timeout: 60_000 }, async () => {
  const { page, problems } = await settingsPage();
  const before = await get<Site>(page, '/sites/demo');
  assert.equal(await save(page), 200);
  await page.locator('parley-admin [role=status]').getByText('Settings saved.').waitFor();
  assert.equal(await page.locator('parley-admin-settings .error').count(), 0);
  assert.deepEqual(await get<Site>(page, '/sites/demo'), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test('blocked words round-trip one per line; a refused one is marked on its field', { timeout: 60_000 }, async () => {
  const { page, problems } = await settingsPage();
  const words = page.locator('parley-admin-settings').getByLabel('Blocked words', { exact: false });
  assert.equal(await words.evaluate((el) => el.tagName), 'TEXTAREA');
  await words.fill('casino bonus\n  Cheap Pills  \n\ncasino bonus\n');
  assert.equal(await save(page), 200);
  assert.deepEqual((await get<Site>(page, '/sites/demo')).settings.blockedWords, ['casino bonus', 'Cheap Pills']);
  await page.reload();
  await page.locator('parley-admin-settings form').waitFor();
  assert.equal(await words.inputValue(), 'casino bonus\nCheap Pills');

  await words.fill(`fine\n${'x'.repeat(101)}`);
  assert.equal(await save(page), 422);
  await page.locator('parley-admin-settings #blockedWords-error').waitFor();
  assert.equal(await words.getAttribute('aria-invalid'), 'true');
  assert.match((await words.getAttribute('aria-describedby')) ?? '', /blockedWords-error/);
  assert.equal(await words.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), true);
  assert.deepEqual((await get<Site>(page, '/sites/demo')).settings.blockedWords, ['casino bonus', 'Cheap Pills']);
  assert.deepEqual(problems, []);
  await page.close();
});
