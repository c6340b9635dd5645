import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOGIN_LIMITS } from '../../domain/admin-sessions.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp, PASSWORD } from './test-helpers.js';

/**
 * Sign-in guesses sent all at once: each takes its failure slot before its password is checked,
 * so no more passwords are checked than the limit allows, however many guesses arrive together.
 */

for (const backend of backends) {
  describe(`concurrent sign-in guesses (${backend.name})`, () => {
    const login = (t: Awaited<ReturnType<typeof adminApp>>, email: string, password: string) =>
      t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });

    test(`40 wrong passwords for one account at once from one network: ${LOGIN_LIMITS.perAccountPrefix} checked, the rest 429; then even the right one is 429 there`, async () => {
      const t = await adminApp(backend);
      t.setIp('198.51.100.9');
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(t, 'owner@example.com', `wrong guess ${i}`)),
      );
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, LOGIN_LIMITS.perAccountPrefix, 'passwords checked');
      assert.equal(statuses.filter((s) => s === 429).length, 40 - LOGIN_LIMITS.perAccountPrefix);
      for (const r of responses.filter((x) => x.status === 429)) {
        assert.equal((await problemOf(r)).code, 'rate-limited');
        assert.ok(Number(r.headers.get('retry-after')) > 0);
      }
      t.setIp('198.51.100.10');
      assert.equal((await login(t, 'owner@example.com', PASSWORD)).status, 429);
    });

    test(`40 guesses at once across accounts from one /24: ${LOGIN_LIMITS.perPrefix} checked, the rest 429`, async () => {
      const t = await adminApp(backend);
      t.setIp('198.51.100.9');
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(t, `guess${i}@example.com`, 'guessing wrong')),
      );
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, LOGIN_LIMITS.perPrefix, 'passwords checked');
      assert.equal(statuses.filter((s) => s === 429).length, 40 - LOGIN_LIMITS.perPrefix);
    });

    test('a right password gives its slot back: failures and successes at once leave only the failures counted', async () => {
      const t = await adminApp(backend);
      t.setIp('198.51.100.9');
      const guesses = ['wrong 1', PASSWORD, 'wrong 2', PASSWORD];
      const statuses = (await Promise.all(guesses.map((p) => login(t, 'owner@example.com', p)))).map((r) => r.status);
      assert.deepEqual(statuses, [401, 200, 401, 200]);
      // Two failures counted: three more wrong ones are checked, the sixth is refused.
      for (let i = 0; i < LOGIN_LIMITS.perAccountPrefix - 2; i++)
        assert.equal((await login(t, 'owner@example.com', `w${i}`)).status, 401);
      assert.equal((await login(t, 'owner@example.com', 'one too many')).status, 429);
    });
  });
}
