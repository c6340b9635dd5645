import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { buildSite } from '../domain/sites.js';
import { openPostgres } from '../storage/postgres/open.js';
import { openSqlite } from '../storage/sqlite/open.js';
import type { Storage } from '../storage/types.js';
import { ORIGIN, problemOf } from '../test-support.js';
import { startPrivatePostgres } from '../testing/private-postgres.js';
import { createApp } from './app.js';

/**
 * Writes while the database is unreachable answer 503 database-unavailable with Retry-After, never
 * 500, and the same app serves again once the database is back: nothing is restarted or reopened.
 */

async function appOver(storage: Storage) {
  await storage.createSite(
    buildSite(
      { id: 'demo', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false } },
      Date.now(),
    ),
  );
  const app = createApp({ storage, clientIp: () => '203.0.113.7' });
  let n = 0;
  const post = () =>
    app.request('/api/v1/comments', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'demo', page: 'outage', body: `comment ${++n}` }),
    });
  const list = () => app.request('/api/v1/comments?site=demo&page=outage', { headers: { origin: ORIGIN } });
  return { post, list };
}

async function assertUnavailable(res: Response): Promise<void> {
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '2');
  assert.equal((await problemOf(res)).code, 'database-unavailable');
}

describe('database outage on sqlite', () => {
  test('a write blocked by another writer past the busy timeout is a 503, then succeeds once the lock is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-outage-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'parley.sqlite');
    const storage = await openSqlite(file);
    after(() => storage.close());
    const { post, list } = await appOver(storage);
    assert.equal((await post()).status, 201);
    const holder = new Database(file);
    holder.exec('begin immediate');
    await assertUnavailable(await post());
    holder.exec('rollback');
    holder.close();
    assert.equal((await post()).status, 201);
    const listing = (await (await list()).json()) as { comments: unknown[] };
    assert.equal(listing.comments.length, 2);
  });
});

// The shared server must never be stopped, so this test stops a cluster of its own; it needs the
// PostgreSQL server binaries (Debian: postgresql), which CI has for the PostgreSQL suite anyway.
describe('database outage on postgres (private cluster, stopped with -m immediate)', () => {
  test('reads and writes answer 503 while PostgreSQL is down and 2xx again after it is back, same pool', async () => {
    const cluster = await startPrivatePostgres();
    after(() => cluster.destroy());
    const storage = await openPostgres(cluster.url, { max: 4 });
    after(() => storage.close());
    const { post, list } = await appOver(storage);
    assert.equal((await post()).status, 201);
    assert.equal((await list()).status, 200);

    // A connection checked out mid-query when PostgreSQL dies must not take the process down.
    const longQuery = sql`select pg_sleep(30)`.execute(storage.db).then(
      () => 'finished',
      () => 'failed',
    );
    await sleep(300);
    await cluster.stop('immediate');
    assert.equal(await longQuery, 'failed');
    for (let i = 0; i < 3; i++) await assertUnavailable(await post());
    await assertUnavailable(await list());

    await cluster.start();
    assert.equal((await post()).status, 201);
    const res = await list();
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { comments: unknown[] }).comments.length, 2);
  });
});
