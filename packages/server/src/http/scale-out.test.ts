import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { notifyStorageOf } from '../storage/notify-storage.js';
import { dropPostgresSchema, openPostgres } from '../storage/postgres/open.js';
import { ORIGIN } from '../test-support.js';
import { startServerProcess } from '../testing/server-process.js';
import { SmtpSink } from '../testing/smtp-sink.js';
import { SseReader } from '../testing/sse.js';

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;

/** Two `parley serve` processes on one PostgreSQL schema, as two instances behind a balancer. */
describe('two instances on one PostgreSQL', { skip: pgUrl ? false : 'PARLEY_TEST_DATABASE_URL not set' }, () => {
  test('a comment posted on A reaches a live reader on B; rate limits count across both; each mail is sent once', async () => {
    const url = pgUrl as string;
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    const setup = await openPostgres(url, { schema, max: 1 });
    after(() => dropPostgresSchema(url, schema));
    await setup.createSite(
      buildSite(
        { id: 'demo', origins: [ORIGIN], settings: { rateLimitPerMinute: 2, rateLimitPerHour: 0, requireFormToken: false } },
        Date.now(),
      ),
    );
    await setup.createSite(
      buildSite(
        { id: 'burst', origins: [ORIGIN], settings: { rateLimitPerMinute: 3, rateLimitPerHour: 0, requireFormToken: false } },
        Date.now(),
      ),
    );
    await setup.close();
    // Both processes use the test's schema through the connection's search_path.
    const shared = new URL(url);
    shared.searchParams.set('options', `-c search_path=${schema}`);
    // One real SMTP server; both instances run the outbox worker against it, polling often.
    const sink = new SmtpSink();
    await sink.start();
    after(() => sink.stop());
    const env = {
      PARLEY_DATABASE_URL: shared.toString(),
      PARLEY_SMTP_URL: sink.url,
      PARLEY_PUBLIC_URL: 'https://comments.example.org',
      PARLEY_MAIL_FROM: 'Parley <parley@comments.example.org>',
      PARLEY_OUTBOX_INTERVAL_MS: '100',
    };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    after(() => Promise.all([a.stop(), b.stop()]));

    const res = await fetch(`${b.url}/api/v1/events?site=demo&page=/shared`, { headers: { origin: ORIGIN } });
    assert.equal(res.status, 200);
    const onB = new SseReader(res.body as ReadableStream<Uint8Array>);
    after(() => onB.cancel());
    await onB.event('ready', 15_000);

    const post = (server: { url: string }, body: string, site = 'demo') =>
      fetch(`${server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ site, page: '/shared', body }),
      });
    const first = await post(a, 'posted on A');
    assert.equal(first.status, 201);
    const { comment } = (await first.json()) as { comment: { id: string } };
    const seen = JSON.parse((await onB.event('comment.created', 15_000)).data ?? '') as { comment: { id: string; body: string } };
    assert.equal(seen.comment.id, comment.id);
    assert.equal(seen.comment.body, 'posted on A');

    // The limit is 2 a minute per address: one on A and one on B use it up on both.
    assert.equal((await post(b, 'posted on B')).status, 201);
    const limitedA = await post(a, 'third, on A');
    const limitedB = await post(b, 'third, on B');
    assert.equal(limitedA.status, 429);
    assert.equal(limitedB.status, 429);
    assert.ok(Number(limitedB.headers.get('retry-after')) > 0);
    // Sent all at once, half to each instance, against 3 a minute: the slot is taken atomically
    // in the shared database, so exactly 3 get through.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2 ? a : b, `burst ${i}`, 'burst')));
    assert.deepEqual(burst.map((r) => r.status).sort(), [...Array(3).fill(201), ...Array(37).fill(429)]);

    // Follow requests on both instances queue confirmation mails; both workers race for them.
    const readers = ['r1@example.org', 'r2@example.org', 'r3@example.org', 'r4@example.org'];
    for (const [i, email] of readers.entries()) {
      const res = await fetch(`${(i % 2 ? b : a).url}/api/v1/subscriptions`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'demo', page: '/shared', email }),
      });
      assert.equal(res.status, 202);
    }
    const deadline = Date.now() + 20_000;
    while (sink.received.length < readers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Both workers poll every 100 ms: two more seconds give any duplicate many chances to appear.
    await new Promise((r) => setTimeout(r, 2000));
    assert.deepEqual(sink.received.flatMap((m) => m.to).sort(), readers);
    assert.equal(new Set(sink.received.map((m) => m.parsed.messageId)).size, readers.length);
    const check = await openPostgres(url, { schema, max: 1 });
    assert.deepEqual(await notifyStorageOf(check).outboxCounts(), { sent: readers.length });
    await check.close();

    assert.equal(await a.stop(), 0);
    assert.equal(await b.stop(), 0);
  });
});
