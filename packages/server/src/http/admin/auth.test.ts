import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf } from '../../test-support.js';
import { adminApp, PASSWORD } from './test-helpers.js';

/** Every admin route as the app registered it, with a made-up value for each path parameter. */
function adminRoutes(app: { routes: { method: string; path: string }[] }) {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/api/admin/') && r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path.replace(/:[a-z]+/gi, 'x1') }))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

for (const backend of backends) {
  describe(`admin auth (${backend.name})`, () => {
    test('every admin route answers 401 without a session and 403 without the CSRF token', async () => {
      const t = await adminApp(backend);
      const routes = adminRoutes(t.app);
      // The list is read from the app, so a new route is covered without touching this test.
      assert.ok(routes.length >= 25, `found only ${routes.length} admin routes`);
      for (const r of routes) {
        if (r.path === '/api/admin/login') continue;
        const body = r.method === 'GET' ? undefined : '{}';
        const headers = { origin: 'http://localhost', ...(body ? { 'content-type': 'application/json' } : {}) };
        const anon = await t.app.request(r.path, { method: r.method, headers, ...(body ? { body } : {}) });
        assert.equal(anon.status, 401, `${r.method} ${r.path} without a session`);
        assert.equal((await problemOf(anon)).code, 'session-required');
        const stale = await t.app.request(r.path, {
          method: r.method,
          headers: { ...headers, cookie: 'parley_admin=not-a-session' },
          ...(body ? { body } : {}),
        });
        assert.equal(stale.status, 401, `${r.method} ${r.path} with an unknown session`);
        if (r.method === 'GET') continue;
        for (const [what, extra] of [
          ['no token', { 'x-parley-csrf': '' }],
          ['wrong token', { 'x-parley-csrf': `${t.owner.csrf}x` }],
          ['foreign origin', { origin: 'https://evil.example' }],
          ['cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
        ] as const) {
          const res = await t.owner.req(r.method, r.path, {}, extra);
          assert.equal(res.status, 403, `${r.method} ${r.path} with ${what}`);
          assert.equal((await problemOf(res)).code, 'csrf-failed', `${r.method} ${r.path} with ${what}`);
        }
      }
      // Nothing was changed by the refused requests: the owner's session still works.
      const ok = await t.owner.req('GET', '/api/admin/session');
      assert.equal(ok.status, 200);
    });

    test('login sets an HttpOnly SameSite=Strict cookie, Secure only over https', async () => {
      const t = await adminApp(backend);
      const login = (url: string) =>
        t.app.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
        });
      const plain = (await login('http://localhost/api/admin/login')).headers.get('set-cookie') ?? '';
      assert.match(plain, /parley_admin=[A-Za-z0-9_-]{43};/);
      assert.match(plain, /HttpOnly/);
      assert.match(plain, /SameSite=Strict/);
      assert.match(plain, /Path=\/api\/admin/);
      assert.doesNotMatch(plain, /Secure/);
      const secure = (await login('https://comments.example.com/api/admin/login')).headers.get('set-cookie') ?? '';
      assert.match(secure, /; Secure/);
    });

    test('a wrong password or unknown account is 401 invalid-credentials; a foreign Origin cannot log in', async () => {
      const t = await adminApp(backend);
      for (const [email, password] of [
        ['owner@example.com', 'wrong password!!'],
        ['nobody@example.com', PASSWORD],
      ]) {
        const res = await t.app.request('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        assert.equal(res.status, 401);
        assert.equal((await problemOf(res)).code, 'invalid-credentials');
        assert.equal(res.headers.get('set-cookie'), null);
      }
      const foreign = await t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
      });
      assert.equal(foreign.status, 403);
      assert.equal((await problemOf(foreign)).code, 'csrf-failed');
    });

    test('failed logins are limited per account and IP prefix (5 per 15 minutes), even for the right password then', async () => {
      let now = Date.now();
      const t = await adminApp(backend, { now: () => now });
      const attempt = (password: string, ip = '198.51.100.1') => {
        t.setIp(ip);
        return t.app.request('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password }),
        });
      };
      for (let i = 0; i < 5; i++) assert.equal((await attempt('wrong password!!', `198.51.100.${i + 1}`)).status, 401);
      const limited = await attempt(PASSWORD, '198.51.100.77'); // the same /24
      assert.equal(limited.status, 429);
      assert.equal((await problemOf(limited)).code, 'rate-limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      now += 15 * 60_000 + 1000;
      assert.equal((await attempt(PASSWORD)).status, 200);
    });

    test('failed logins are limited per IP prefix (20 per 15 minutes) across accounts', async () => {
      const t = await adminApp(backend);
      t.setIp('198.51.100.7');
      for (let i = 0; i < 20; i++) {
        const res = await t.app.request('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `guess${i}@example.com`, password: 'guessing wrong' }),
        });
        assert.equal(res.status, 401);
      }
      t.setIp('198.51.100.200'); // same /24
      const res = await t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
      });
      assert.equal(res.status, 429);
      t.setIp('203.0.113.50'); // another prefix is not affected
      const other = await t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
      });
      assert.equal(other.status, 200);
    });

    test('logout ends the session in the database', async () => {
      const t = await adminApp(backend);
      const res = await t.owner.req('POST', '/api/admin/logout');
      assert.equal(res.status, 204);
      assert.match(res.headers.get('set-cookie') ?? '', /parley_admin=;/);
      const after = await t.owner.req('GET', '/api/admin/session');
      assert.equal(after.status, 401);
    });

    test('sessions expire when idle for 60 minutes and 12 hours after sign-in', async () => {
      let now = Date.now();
      const t = await adminApp(backend, { now: () => now });
      now += 59 * 60_000;
      assert.equal((await t.owner.req('GET', '/api/admin/session')).status, 200);
      now += 59 * 60_000; // 118 minutes in, but used 59 minutes ago
      assert.equal((await t.owner.req('GET', '/api/admin/session')).status, 200);
      now += 61 * 60_000;
      assert.equal((await t.owner.req('GET', '/api/admin/session')).status, 401, 'idle too long');

      const again = await t.signIn('owner@example.com');
      for (let i = 0; i < 24; i++) {
        now += 30 * 60_000;
        const status = (await again.req('GET', '/api/admin/session')).status;
        assert.equal(status, i < 23 ? 200 : 401, `after ${(i + 1) / 2} hours`);
      }
    });

    test('sessions live in the database: a second app on the same storage accepts them', async () => {
      const t = await adminApp(backend);
      const { createApp } = await import('../app.js');
      const other = createApp({ storage: t.storage });
      const res = await other.request('/api/admin/session', { headers: { cookie: `parley_admin=${t.owner.cookie}` } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { admin: { email: string; role: string }; csrfToken: string };
      assert.equal(body.admin.email, 'owner@example.com');
      assert.equal(body.csrfToken, t.owner.csrf);
    });

    test('the one-time password only lets its owner choose a new one', async () => {
      const t = await adminApp(backend);
      await t.app.admins.remove('owner@example.com').catch(() => undefined);
      // A fresh install has no administrator: start from an empty account table.
      for (const a of await t.app.admins.accounts.listAdmins()) await t.app.admins.accounts.removeAdmin(a.id);
      const printed = await t.app.admins.ensureInitialOwner();
      assert.ok(printed && printed.length >= 20);
      assert.equal(await t.app.admins.ensureInitialOwner(), undefined, 'created once only');
      const first = await t.signIn('admin@localhost', printed);
      const blocked = await first.req('GET', '/api/admin/queue');
      assert.equal(blocked.status, 403);
      assert.equal((await problemOf(blocked)).code, 'password-change-required');
      const me = await first.json<{ admin: { mustChangePassword: boolean } }>('GET', '/api/admin/session');
      assert.equal(me.admin.mustChangePassword, true);
      const short = await first.req('POST', '/api/admin/password', { currentPassword: printed, newPassword: 'short' });
      assert.equal(short.status, 422);
      const wrong = await first.req('POST', '/api/admin/password', {
        currentPassword: 'not it at all',
        newPassword: 'a much better passphrase',
      });
      assert.equal(wrong.status, 401);
      const changed = await first.req('POST', '/api/admin/password', {
        currentPassword: printed,
        newPassword: 'a much better passphrase',
      });
      assert.equal(changed.status, 204);
      assert.equal((await first.req('GET', '/api/admin/queue')).status, 200);
      // The printed password is spent.
      const reuse = await t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@localhost', password: printed }),
      });
      assert.equal(reuse.status, 401);
    });
  });
}
