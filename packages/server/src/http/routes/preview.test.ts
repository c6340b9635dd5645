import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { backends, ORIGIN, problemOf, testApp } from '../../test-support.js';

/** `POST /api/v1/preview`: the widget's "Preview" button, rendered as a post would be. */

const BODIES = [
  '**bold** and _em_ and `code`',
  'Raw <b>html</b> <img src=x onerror=alert(1)> <script>alert(1)</script>',
  '[click](javascript:alert(1)) [ok](https://example.com/a?b=1) ![img](https://example.com/i.png)',
  'bare https://example.com/x and mail me@example.com',
  '> quote\n\n- one\n- two\n\n```\ncode <b>\n```\n\n# not a heading\n\n---',
  '  line one\r\nline two\u202e with bidi\u0007 and control  ',
  '1. first\n2. second\n\n~~gone~~',
];

for (const backend of backends) {
  describe(`preview on ${backend.name}`, () => {
    test('renders each body exactly as the stored comment is rendered, and stores nothing', async () => {
      const t = await testApp(backend);
      for (const body of BODIES) {
        const res = await t.send('POST', '/api/v1/preview', { site: 'demo', page: '/p', body });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        const { html } = (await res.json()) as { html: string };
        const { comment } = await t.post('/posted', body);
        assert.equal(html, comment.html, `same HTML for ${JSON.stringify(body)}`);
      }
      assert.equal((await t.list('/p')).page.count, 0, 'the previewed page has no comment');
      const { html } = (await (await t.send('POST', '/api/v1/preview', { site: 'demo', body: 'no *page*' })).json()) as {
        html: string;
      };
      assert.equal(html, '<p>no <em>page</em></p>', 'page is optional');
    });

    test('bad input is problem+json with the codes a post gives', async () => {
      const t = await testApp(backend, { maxLength: 20 });
      const cases: [unknown, number, string, string?][] = [
        [{ site: 'demo', body: '   \n ' }, 422, 'invalid-fields', 'body'],
        [{ site: 'demo', body: 'x'.repeat(21) }, 422, 'invalid-fields', 'body'],
        [{ site: 'demo', body: 'x'.repeat(60_001) }, 422, 'invalid-fields', 'body'],
        [{ site: 'demo' }, 422, 'invalid-fields', 'body'],
        [{ site: 'demo', body: 42 }, 422, 'invalid-fields', 'body'],
        [{ site: 'Not A Site', body: 'x' }, 422, 'invalid-fields', 'site'],
        [{ site: 'demo', page: '', body: 'x' }, 422, 'invalid-fields', 'page'],
        [{ site: 'nosuch', body: 'x' }, 404, 'site-not-found'],
        ['{"site":', 400, 'malformed-json'],
        [[1, 2], 422, 'invalid-fields'],
      ];
      for (const [input, status, code, path] of cases) {
        const res = await t.send('POST', '/api/v1/preview', input);
        const problem = await problemOf(res);
        assert.deepEqual([res.status, problem.code], [status, code], JSON.stringify(input).slice(0, 80));
        if (path) assert.equal(problem.errors?.[0]?.path, path);
      }
      // The body messages are a post's, word for word.
      for (const body of ['  ', 'y'.repeat(21)]) {
        const previewed = await problemOf(await t.send('POST', '/api/v1/preview', { site: 'demo', body }));
        const posted = await problemOf(await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body }));
        assert.deepEqual(previewed.errors, posted.errors);
      }
      const text = await t.app.request('/api/v1/preview', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'text/plain' },
        body: 'hi',
      });
      assert.deepEqual([text.status, (await problemOf(text)).code], [415, 'unsupported-media-type']);
      const big = await t.send('POST', '/api/v1/preview', { site: 'demo', body: 'x'.repeat(300_000) });
      assert.deepEqual([big.status, (await problemOf(big)).code], [413, 'payload-too-large']);
    });

    test('CORS and origins as for posting: allowed origin readable, others refused', async () => {
      const t = await testApp(backend);
      const preflight = (path: string) =>
        t.app.request(path, {
          method: 'OPTIONS',
          headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      const [pre, preComments] = [await preflight('/api/v1/preview'), await preflight('/api/v1/comments')];
      assert.equal(pre.status, 204);
      assert.deepEqual(
        [...pre.headers].filter(([k]) => k.startsWith('access-control')),
        [...preComments.headers].filter(([k]) => k.startsWith('access-control')),
      );
      const ok = await t.send('POST', '/api/v1/preview', { site: 'demo', body: 'hi' });
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const evil = await t.send('POST', '/api/v1/preview', { site: 'demo', body: 'hi' }, { origin: 'https://evil.example' });
      assert.deepEqual([evil.status, (await problemOf(evil)).code], [403, 'origin-not-allowed']);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      // An origin of another site may not preview as this one, as it may not post to it.
      await t.storage.createSite(buildSite({ id: 'other', origins: ['https://other.example'] }, Date.now()));
      const cross = await t.send('POST', '/api/v1/preview', { site: 'demo', body: 'hi' }, { origin: 'https://other.example' });
      assert.deepEqual([cross.status, (await problemOf(cross)).code], [403, 'origin-not-allowed']);
      const server = await t.app.request('/api/v1/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'demo', body: 'no origin header' }),
      });
      assert.equal(server.status, 200, 'non-browser clients send no Origin, as for posting');
    });

    test('30 previews a minute per IP prefix and site; then 429 with Retry-After, apart from posting', async () => {
      let clock = Date.parse('2026-11-26T00:00:00Z');
      const t = await testApp(backend, { rateLimitPerMinute: 2 }, () => clock);
      await t.storage.createSite(
        buildSite({ id: 'other', origins: [ORIGIN], settings: { requireFormToken: false } }, Date.now()),
      );
      const preview = (site = 'demo') => t.send('POST', '/api/v1/preview', { site, body: 'hi' });
      for (let i = 0; i < 30; i++) {
        clock += 1000;
        assert.equal((await preview()).status, 200, `preview ${i + 1}`);
      }
      const refused = await preview();
      assert.deepEqual([refused.status, (await problemOf(refused)).code], [429, 'rate-limited']);
      const retry = Number(refused.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
      t.setIp('203.0.113.200');
      assert.equal((await preview()).status, 429, 'the same /24 is the same visitor');
      assert.equal((await preview('other')).status, 200, 'counted per site');
      assert.equal(
        (await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'a post' })).status,
        201,
        'posting has its own count',
      );
      t.setIp('198.51.100.4');
      assert.equal((await preview()).status, 200, 'another visitor');
      t.setIp('203.0.113.7');
      clock += 60_000;
      assert.equal((await preview()).status, 200, 'a minute later');
    });
  });
}
