import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOGIN_LIMITS } from '../../domain/admin-sessions.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp, PASSWORD } from './test-helpers.js';

/**
 * Wrong passwords from other networks cannot keep an administrator out: failures count per
 * account and IP prefix, so the owner signs in from a clean network while the attacker's stay
 * refused, and per account over all prefixes with a larger ceiling, so guesses spread over many
 * networks are still bounded.
 */

for (const backend of backends) {
  describe(`sign-in lockout (${backend.name})`, () => {
    async function setup() {
      const t = await adminApp(backend);
      const login = (ip: string, password: string, email = 'owner@example.com') => {
        t.setIp(ip);
        return t.app.request('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      };
      return { t, login };
    }

    test('an attacker failing from 5 networks does not lock the owner out of a clean one; the attacker’s networks stay refused', async () => {
      const { login } = await setup();
      for (let net = 0; net < 5; net++) {
        for (let i = 0; i < LOGIN_LIMITS.perAccountPrefix; i++) {
          assert.equal((await login(`198.51.${net}.${i + 1}`, `wrong guess ${i}`)).status, 401);
        }
        const refused = await login(`198.51.${net}.200`, 'one more guess');
        assert.equal(refused.status, 429);
        assert.equal((await problemOf(refused)).code, 'rate-limited');
      }
      assert.equal((await login('192.0.2.10', PASSWORD)).status, 200, 'the owner, elsewhere, with the right password');
      const same = await login('198.51.3.99', PASSWORD);
      assert.equal(same.status, 429, 'even the right password from a network that failed 5 times');
      assert.ok(Number(same.headers.get('retry-after')) > 0);
    });

    test(`the per-account ceiling holds across networks: after ${LOGIN_LIMITS.perAccount} failures even a clean network is refused`, async () => {
      const { login } = await setup();
      const networks = LOGIN_LIMITS.perAccount / LOGIN_LIMITS.perAccountPrefix;
      for (let net = 0; net < networks; net++) {
        for (let i = 0; i < LOGIN_LIMITS.perAccountPrefix; i++) {
          assert.equal((await login(`203.0.${net}.${i + 1}`, `wrong guess ${i}`)).status, 401);
        }
      }
      const clean = await login('192.0.2.10', PASSWORD);
      assert.equal(clean.status, 429);
      assert.equal((await problemOf(clean)).code, 'rate-limited');
      assert.equal((await login('192.0.2.11', 'a guess from a new network')).status, 429, 'no password is checked');
      // Other accounts are not affected.
      assert.equal((await login('192.0.2.12', 'wrong', 'someone@example.com')).status, 401);
    });

    test('a client without a known address counts as one network of its own', async () => {
      const { login } = await setup();
      for (let i = 0; i < LOGIN_LIMITS.perAccountPrefix; i++) assert.equal((await login('', `wrong ${i}`)).status, 401);
      assert.equal((await login('', PASSWORD)).status, 429);
      assert.equal((await login('192.0.2.10', PASSWORD)).status, 200);
    });
  });
}
