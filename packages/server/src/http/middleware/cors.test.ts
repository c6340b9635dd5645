import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { backends, ORIGIN, problemOf, testApp } from '../../test-support.js';

/** CORS: only origins that some site allows get CORS headers; writes are checked per site. */

for (const backend of backends) {
  describe(`CORS on ${backend.name}`, () => {
    const preflight = (origin: string, method = 'POST') => ({
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
    });

    test('a preflight from an allowed origin is answered with that origin', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/api/v1/comments', preflight(ORIGIN));
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /PATCH/);
      assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    });

    test('a preflight from another origin is refused without CORS headers', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/api/v1/comments', preflight('https://evil.example'));
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal((await problemOf(res)).code, 'origin-not-allowed');
    });

    test('actual requests get CORS headers only for allowed origins', async () => {
      const t = await testApp(backend);
      const ok = await t.send('GET', '/api/v1/comments?site=demo&page=/a');
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const evil = await t.send('GET', '/api/v1/comments?site=demo&page=/a', undefined, { origin: 'https://evil.example' });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      assert.match(evil.headers.get('vary') ?? '', /Origin/);
      const problem = await t.send('GET', '/api/v1/comments?site=nosuch&page=/a');
      assert.equal(problem.status, 404);
      assert.equal(problem.headers.get('access-control-allow-origin'), ORIGIN, 'errors are readable by allowed pages');
      // Without an Origin (a crawler, curl) the cacheable answers still vary by it, so a shared
      // cache never gives a page's fetch a copy without CORS headers.
      for (const path of [
        '/api/v1/comments?site=demo&page=/a',
        '/api/v1/counts?site=demo&page=/a',
        '/api/v1/feeds/demo/comments.atom',
      ]) {
        const bare = await t.app.request(path);
        assert.equal(bare.status, 200, path);
        assert.equal(bare.headers.get('access-control-allow-origin'), null, path);
        assert.match(bare.headers.get('vary') ?? '', /Origin/, path);
      }
    });

    test("one site's origin cannot write to another site, and nothing is written", async () => {
      const t = await testApp(backend);
      await t.storage.createSite(buildSite({ id: 'other', origins: ['https://other.example'] }, Date.now()));
      const preflightOk = await t.app.request('/api/v1/comments', preflight('https://other.example'));
      assert.equal(preflightOk.status, 204, 'the origin is known, so the preflight passes');
      const res = await t.send(
        'POST',
        '/api/v1/comments',
        { site: 'demo', page: '/x', body: 'x' },
        { origin: 'https://other.example' },
      );
      assert.equal(res.status, 403);
      assert.equal((await problemOf(res)).code, 'origin-not-allowed');
      assert.equal(await t.storage.getPage('demo', '/x'), undefined);
    });

    test('requests without an Origin (servers, curl) are served without CORS headers', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/api/v1/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'demo', page: '/a', body: 'from a script' }),
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  });
}
