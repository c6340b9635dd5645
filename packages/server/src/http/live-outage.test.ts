import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { dropPostgresSchema, openPostgres } from '../storage/postgres/open.js';
import type { NewComment } from '../storage/types.js';
import { ORIGIN, problemOf } from '../test-support.js';
import { SseReader } from '../testing/sse.js';
import { startTcpProxy } from '../testing/tcp-proxy.js';
import { createApp } from './app.js';

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;

function comment(id: string, page: string): NewComment {
  return {
    id,
    siteId: 'demo',
    page: { key: page, url: '', title: '' },
    parentId: null,
    rootId: null,
    depth: 0,
    authorName: 'Other instance',
    authorEmail: null,
    authorWebsite: null,
    body: id,
    html: `<p>${id}</p>`,
    status: 'approved',
    createdAt: Date.now(),
    editTokenHash: 'x',
    ipHash: null,
  };
}

/**
 * One instance loses PostgreSQL (a proxy between them is cut) while another keeps writing. The
 * first keeps its live readers and cached listings, answers writes 503, and once the proxy is
 * back its LISTEN connection returns by itself and the readers get what they missed.
 */
describe('an instance that loses PostgreSQL', { skip: pgUrl ? false : 'PARLEY_TEST_DATABASE_URL not set' }, () => {
  test('keeps streams and cached reads, answers writes 503, and catches up when the database is back', async () => {
    const url = pgUrl as string;
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    const other = await openPostgres(url, { schema, max: 2 });
    after(() => dropPostgresSchema(url, schema));
    after(() => other.close());
    await other.createSite(
      buildSite({ id: 'demo', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, requireFormToken: false } }, Date.now()),
    );

    const proxy = await startTcpProxy('127.0.0.1', Number(new URL(url).port || 5432));
    after(() => proxy.close());
    const proxied = new URL(url);
    proxied.port = String(proxy.port);
    const storage = await openPostgres(proxied.toString(), { schema, max: 2 });
    after(() => storage.close());
    const app = createApp({ storage, clientIp: () => '203.0.113.7', listFreshMs: 1, live: { pollMs: 50 } });
    after(() => app.live.close());
    const send = (method: string, path: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: { origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    const res = await send('GET', '/api/v1/events?site=demo&page=/p');
    assert.equal(res.status, 200);
    const reader = new SseReader(res.body as ReadableStream<Uint8Array>);
    after(() => reader.cancel());
    await reader.event('ready');
    await other.insertComment(comment('before-cut', '/p'));
    assert.match((await reader.event('comment.created')).data ?? '', /before-cut/);
    const listed = await send('GET', '/api/v1/comments?site=demo&page=/p');
    assert.equal(listed.status, 200);
    const cached = ((await listed.json()) as { comments: unknown[] }).comments;

    await proxy.cut();
    await other.insertComment(comment('during-cut', '/p'));
    const write = await send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'while away' });
    const problem = await problemOf(write);
    assert.equal(write.status, 503);
    assert.equal(problem.code, 'database-unavailable');
    await new Promise((r) => setTimeout(r, 5));
    const stale = await send('GET', '/api/v1/comments?site=demo&page=/p');
    assert.equal(stale.status, 200, 'the cached listing is still served');
    assert.deepEqual(((await stale.json()) as { comments: unknown[] }).comments, cached);

    await proxy.restore();
    // The same stream, never reopened: the listener reconnected and caught up.
    assert.match((await reader.event('comment.created', 15_000)).data ?? '', /during-cut/);
    await other.insertComment(comment('after-cut', '/p'));
    assert.match((await reader.event('comment.created')).data ?? '', /after-cut/);
    const again = await send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'back' });
    assert.equal(again.status, 201, await again.text());
  });
});
