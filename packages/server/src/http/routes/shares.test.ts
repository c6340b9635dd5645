import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { KyselyStorage } from '../../storage/kysely-storage.js';
import { backends, ORIGIN, testApp } from '../../test-support.js';

const PAGE = 'https://news.example.com/2026/11/night-trains';
const DAY = 86_400_000;

/** Reads a problem+json answer and checks its media type and stable code. */
async function problem(res: Response, status: number, code: string): Promise<{ errors?: { path: string }[] }> {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const body = (await res.json()) as { code: string; status: number; errors?: { path: string }[] };
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  return body;
}

for (const backend of backends) {
  describe(`shares API on ${backend.name}`, () => {
    test('one visitor adds at most one per service, page and day; totals leave zeros out', async () => {
      let now = Date.UTC(2026, 10, 25, 12);
      const t = await testApp(backend, {}, () => now);
      const share = async (service: string, page = PAGE) => {
        const res = await t.send('POST', '/api/v1/shares', { site: 'demo', page, service });
        assert.equal(res.status, 200, await res.clone().text());
        return ((await res.json()) as { counted: boolean }).counted;
      };
      const totals = async (page = PAGE) => {
        const res = await t.send('GET', `/api/v1/shares?site=demo&page=${encodeURIComponent(page)}`);
        assert.equal(res.status, 200);
        return res.json();
      };

      assert.deepEqual(await totals(), { counts: {}, total: 0 });
      assert.equal(await share('mastodon'), true);
      assert.equal(await share('mastodon'), false, 'same visitor, same day');
      assert.equal(await share('copy'), true, 'another service');
      assert.equal(await share('mastodon', `${PAGE}/other`), true, 'another page');
      t.setIp('203.0.113.200');
      assert.equal(await share('mastodon'), false, 'same /24 is the same visitor');
      t.setIp('198.51.100.9');
      assert.equal(await share('mastodon'), true, 'another network');
      t.setIp('2001:db8:1:2::5');
      assert.equal(await share('mastodon'), true);
      t.setIp('2001:db8:1:ffff::9');
      assert.equal(await share('mastodon'), false, 'same IPv6 /48');
      assert.deepEqual(await totals(), { counts: { copy: 1, mastodon: 3 }, total: 4 });

      now += DAY;
      t.setIp('203.0.113.7');
      assert.equal(await share('mastodon'), true, 'the next UTC day counts again');
      assert.deepEqual(await totals(), { counts: { copy: 1, mastodon: 4 }, total: 5 });
      assert.deepEqual(await totals(`${PAGE}/other`), { counts: { mastodon: 1 }, total: 1 });
    });

    test('stores neither the address nor a hash that lasts beyond yesterday', async () => {
      let now = Date.UTC(2026, 10, 25, 12);
      const t = await testApp(backend, {}, () => now);
      t.setIp('203.0.113.7');
      await t.send('POST', '/api/v1/shares', { site: 'demo', page: PAGE, service: 'x' });
      now += 3 * DAY;
      await t.send('POST', '/api/v1/shares', { site: 'demo', page: PAGE, service: 'x' });
      assert.ok(t.storage instanceof KyselyStorage);
      const { rows } = await sql<{ visitor: string; day: number }>`select visitor, day from share_seen`.execute(t.storage.db);
      assert.equal(rows.length, 1, 'the old day was forgotten');
      const dump = JSON.stringify(rows);
      assert.ok(!dump.includes('203.0.113'), dump);
      assert.match(rows[0]?.visitor ?? '', /^[A-Za-z0-9_-]{32}$/);
      assert.equal(Number(rows[0]?.day), Math.floor(now / DAY));
    });

    test('normalises the page key like comments do', async () => {
      const t = await testApp(backend);
      await t.send('POST', '/api/v1/shares', { site: 'demo', page: `  ${PAGE}\u202E `, service: 'bluesky' });
      const res = await t.send('GET', `/api/v1/shares?site=demo&page=${encodeURIComponent(PAGE)}`);
      assert.deepEqual(await res.json(), { counts: { bluesky: 1 }, total: 1 });
    });

    test('refuses unknown services, sites, origins and bad pages with problem+json, counting nothing', async () => {
      const t = await testApp(backend);
      const post = (body: unknown, headers: Record<string, string> = {}) => t.send('POST', '/api/v1/shares', body, headers);

      const bogus = await problem(await post({ site: 'demo', page: PAGE, service: 'myspace' }), 422, 'invalid-fields');
      assert.deepEqual(
        bogus.errors?.map((e) => e.path),
        ['service'],
      );
      await problem(await post({ site: 'demo', page: PAGE, service: 'Mastodon' }), 422, 'invalid-fields');
      await problem(await post({ site: 'nope', page: PAGE, service: 'x' }), 404, 'site-not-found');
      await problem(
        await post({ site: 'demo', page: PAGE, service: 'x' }, { origin: 'https://evil.example' }),
        403,
        'origin-not-allowed',
      );
      await problem(await post({ site: 'demo', page: '   ', service: 'x' }), 422, 'invalid-fields');
      await problem(await post({ site: 'demo', page: 'p'.repeat(600), service: 'x' }), 422, 'invalid-fields');
      await problem(await post({ site: 'demo', service: 'x' }), 422, 'invalid-fields');
      await problem(await post({ site: 'demo', page: PAGE, service: ['x'] }), 422, 'invalid-fields');
      await problem(await post('{"site":'), 400, 'malformed-json');
      await problem(await post('site=demo', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');

      await problem(await t.send('GET', '/api/v1/shares?site=demo'), 422, 'invalid-fields');
      await problem(await t.send('GET', `/api/v1/shares?site=nope&page=${encodeURIComponent(PAGE)}`), 404, 'site-not-found');
      const res = await t.send('GET', `/api/v1/shares?site=demo&page=${encodeURIComponent(PAGE)}`);
      assert.deepEqual(await res.json(), { counts: {}, total: 0 });
    });

    test('answers the page’s origin with CORS and lets the browser cache totals briefly', async () => {
      const t = await testApp(backend);
      const pre = await t.app.request('/api/v1/shares', {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
      const res = await t.send('GET', `/api/v1/shares?site=demo&page=${encodeURIComponent(PAGE)}`);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(res.headers.get('set-cookie'), null);
    });

    test('is described in the OpenAPI document', async () => {
      const t = await testApp(backend);
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
      assert.deepEqual(Object.keys(doc.paths['/api/v1/shares'] ?? {}).sort(), ['get', 'post']);
    });
  });
}
