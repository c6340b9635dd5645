import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { buildSite } from '../domain/sites.js';
import { ORIGIN } from '../test-support.js';
import { LIVE_CHANNEL } from './live-events-migration.js';
import { dropPostgresSchema, openPostgres } from './postgres/open.js';
import type { NewComment } from './types.js';

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;

/**
 * Issue 9: instances fan events out through LISTEN/NOTIFY with ids as the payload, and each
 * receiver reads the row. Listens on the channel as another instance would and reads the payloads.
 */
describe('LISTEN/NOTIFY payloads on postgres', { skip: pgUrl ? false : 'PARLEY_TEST_DATABASE_URL not set' }, () => {
  test('each change notifies "<schema> <event id>" and nothing of the comment; the id names its row', async () => {
    const url = pgUrl as string;
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    const storage = await openPostgres(url, { schema, max: 2 });
    after(async () => {
      await storage.close();
      await dropPostgresSchema(url, schema);
    });
    await storage.createSite(buildSite({ id: 'demo', origins: [ORIGIN] }, Date.now()));
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    after(() => listener.end());
    const payloads: string[] = [];
    listener.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL && msg.payload?.startsWith(`${schema} `)) payloads.push(msg.payload);
    });
    await listener.query(`listen ${LIVE_CHANNEL}`);

    const secret = 'secret.person@example.org';
    const base: NewComment = {
      id: 'c1',
      siteId: 'demo',
      page: { key: '/n', url: '', title: 'Title' },
      parentId: null,
      rootId: null,
      depth: 0,
      authorName: 'Notified',
      authorEmail: secret,
      authorWebsite: null,
      body: 'the body text',
      html: '<p>the body text</p>',
      status: 'approved',
      createdAt: Date.now(),
      editTokenHash: 'hash-of-token',
      ipHash: 'hash-of-ip',
    };
    await storage.insertComment(base);
    const expected = { status: 'approved' as const, editedAt: null };
    await storage.updateCommentBody({
      id: 'c1',
      expected,
      body: 'edited text',
      html: '<p>edited text</p>',
      editedAt: Date.now(),
    });
    const deadline = Date.now() + 10_000;
    while (payloads.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    assert.equal(payloads.length, 2, `two notifications, got ${JSON.stringify(payloads)}`);
    for (const p of payloads) assert.match(p, new RegExp(`^${schema} \\d+$`), 'schema and an event id only');
    const ids = payloads.map((p) => Number(p.split(' ')[1]));
    assert.ok((ids[1] ?? 0) > (ids[0] ?? 0), 'ids grow');
    // The receiver reads the rows the ids name.
    const rows = await storage.db
      .selectFrom('live_events')
      .select(['id', 'type', 'comment_id'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [Number(r.id), r.type, r.comment_id]),
      [
        [ids[0], 'comment.created', 'c1'],
        [ids[1], 'comment.updated', 'c1'],
      ],
    );
  });
});
