import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { backends, ORIGIN } from '../test-support.js';
import { fakeBuilds, type Target, targetsOf } from '../testing/api-fuzz/targets.js';
import { adminApp } from './admin/test-helpers.js';
import { MAX_BODY_BYTES } from './middleware/json-body.js';
import { ADMIN_CSP } from './routes/admin-console.js';
import { SHARE_PAGE_CSP } from './routes/share-page.js';

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Every header rule for one answer; returns what is wrong with it. */
function breaches(method: string, path: string, res: Response): string[] {
  const out: string[] = [];
  const h = res.headers;
  const type = h.get('content-type') ?? '';
  const csp = h.get('content-security-policy');
  if (h.get('x-content-type-options') !== 'nosniff') out.push('no X-Content-Type-Options: nosniff');
  if (h.get('referrer-policy') !== 'no-referrer') out.push(`Referrer-Policy ${h.get('referrer-policy')}`);
  if (path.startsWith('/api/')) {
    if (csp !== API_CSP) out.push(`API CSP is ${csp}`);
    if (type.startsWith('text/html')) out.push('text/html from the API');
  } else if (path === '/admin/' && res.status === 200) {
    if (csp !== ADMIN_CSP) out.push(`console CSP is ${csp}`);
    if (h.get('x-frame-options') !== 'DENY') out.push('console without X-Frame-Options: DENY');
  } else if (path === '/share/fediverse' && res.status === 200) {
    if (csp !== SHARE_PAGE_CSP) out.push(`share page CSP is ${csp}`);
    if (h.get('x-frame-options') !== 'DENY') out.push('share page without X-Frame-Options: DENY');
  } else if (!path.split('?')[0]?.endsWith('.js') && !csp?.includes("default-src 'none'")) {
    out.push(`CSP is ${csp}`);
  }
  return out.map((b) => `${method} ${path} → ${res.status}: ${b}`);
}

describe('security headers on every route, success and error', () => {
  test('every OpenAPI route, the admin API, the console, the embed script, the share page, the mail pages; 4xx of every kind', async () => {
    const { root, ...builds } = fakeBuilds();
    after(() => rmSync(root, { recursive: true, force: true }));
    const t = await adminApp(backends[0]!, { app: { ...builds, notify: { mail: true, publicUrl: 'http://localhost' } } });
    await t.storage.createSite(
      buildSite({ id: 'limited', origins: [ORIGIN], settings: { rateLimitPerMinute: 1, requireFormToken: false } }, Date.now()),
    );
    const posted = await t.post('/p', 'A comment to crawl');
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Parameters<typeof targetsOf>[0];
    const targets = targetsOf(doc, t.app.routes);
    const found: string[] = [];
    const statuses = new Set<number>();

    // As the console (admin paths) or a browser on the embedding site (public API) sends it.
    const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
      const res = await t.app.request(path, {
        method,
        headers: {
          cookie: `parley_admin=${t.owner.cookie}`,
          'x-parley-csrf': t.owner.csrf,
          origin: path.startsWith('/api/v1/') ? ORIGIN : 'http://localhost',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
      });
      if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
      else await res.arrayBuffer();
      statuses.add(res.status);
      found.push(...breaches(method, path, res));
      return res;
    };

    // Each route once as a client would call it: parameters filled, a minimal valid body.
    const fill = (target: Target) =>
      target.path.replace(':id', posted.comment.id).replace(':site', 'demo').replace(':name', 'admin.AbCd1234.js');
    for (const target of targets) {
      const body = target.method === 'GET' || target.method === 'DELETE' ? undefined : JSON.stringify(sample(target));
      // The console shell and files are fetched without a query, as browsers do.
      const query = target.path.startsWith('/api/') || target.path.startsWith('/notify/') ? '?site=demo&page=%2Fp' : '';
      await send(target.method, `${fill(target)}${query}`, body);
    }
    // Error answers of every kind the issue names.
    await send('GET', '/api/v1/nope');
    await send('GET', '/api/admin/nope');
    await send('GET', '/admin/assets/nope.js');
    await send('GET', '/embed/nope.js');
    await send('GET', '/share/nope.js');
    await send('GET', '/nope');
    await send('PUT', '/api/v1/comments', '{}');
    await send('POST', '/healthz', '{}');
    await send('POST', '/api/v1/comments', JSON.stringify({ site: 'demo', page: '/p', body: 'x'.repeat(MAX_BODY_BYTES) }));
    await send('POST', '/api/v1/comments', 'x', { 'content-type': 'text/plain' });
    await send('POST', '/api/v1/comments', '{"site":');
    await send('POST', '/api/v1/comments', JSON.stringify({ site: 'demo', page: '', body: '' }));
    await send('GET', `/api/v1/comments?site=demo&page=${'a'.repeat(9000)}`);
    await send('GET', '/api/admin/sites', undefined, { cookie: '' });
    for (let i = 0; i < 2; i++)
      await send('POST', '/api/v1/comments', JSON.stringify({ site: 'limited', page: '/p', body: `n${i}` }));
    await send('GET', '/notify/confirm?t=forged');

    assert.deepEqual(found, []);
    for (const status of [200, 201, 204, 400, 401, 404, 405, 413, 414, 415, 422, 429]) {
      assert.ok(statuses.has(status), `the crawl saw no ${status}: ${[...statuses].sort()}`);
    }
  });
});

/** A minimal valid body for a route, so the crawl sees its success headers too. */
function sample(target: Target): Record<string, unknown> {
  if (target.path === '/api/v1/comments') return { site: 'demo', page: '/p', body: 'Crawled' };
  if (target.path === '/api/v1/counts') return { site: 'demo', pages: ['/p'] };
  if (target.path === '/api/v1/shares') return { site: 'demo', page: '/p', service: 'copy' };
  if (target.path === '/api/v1/subscriptions') return { site: 'demo', page: '/p', email: 'reader@example.com' };
  if (target.path.endsWith('/vote')) return { value: 1 };
  if (target.path.endsWith('/reply') || target.path.endsWith(':id')) return { body: 'Edited' };
  if (target.path.startsWith('/api/admin/pages/')) return { site: 'demo', page: '/p' };
  return {};
}
