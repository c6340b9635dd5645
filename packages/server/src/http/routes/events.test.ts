import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import type { AppOptions } from '../../http/app.js';
import { backends, ORIGIN, testApp } from '../../test-support.js';
import { SseReader } from '../../testing/sse.js';

for (const backend of backends) {
  describe(`GET /api/v1/events (${backend.name})`, () => {
    /** A test app whose hub is closed when the file ends, and a way to open streams on it. */
    async function live(settings = {}, options: AppOptions['live'] = {}) {
      const t = await testApp(backend, settings, undefined, { live: { pollMs: 50, ...options } });
      after(() => t.app.live.close());
      const open = async (page: string, headers: Record<string, string> = {}, query = '') => {
        const res = await t.send('GET', `/api/v1/events?site=demo&page=${encodeURIComponent(page)}${query}`, undefined, headers);
        assert.equal(res.status, 200, await (res.status === 200 ? '' : res.text()));
        const reader = new SseReader(res.body as ReadableStream<Uint8Array>);
        after(() => reader.cancel());
        return { res, reader };
      };
      return { ...t, open };
    }

    test('a new comment reaches a reader of its page in the public shape, with stream headers', async () => {
      const t = await live();
      const { res, reader } = await t.open('/a');
      assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'no-cache, no-transform');
      assert.equal(res.headers.get('x-accel-buffering'), 'no');
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      const first = await reader.next();
      assert.equal(first?.retry, 3000);
      const ready = await reader.event('ready');
      assert.ok(ready.id !== undefined, 'ready carries the current id so a reconnection resumes from it');
      const posted = await t.post('/a', 'Hello *live*', { author: { name: 'Ann', email: 'ann@example.com' } });
      const created = await reader.event('comment.created');
      const data = JSON.parse(created.data ?? '') as { comment: Record<string, unknown> };
      assert.equal(data.comment.id, posted.comment.id);
      assert.equal(data.comment.html, posted.comment.html);
      assert.ok(Number(created.id) > Number(ready.id));
      assert.ok(!(created.data ?? '').includes('ann@example.com'), 'never an e-mail');
      assert.ok(!(created.data ?? '').includes('Hash'), 'never a hash of a token or address');
    });

    test('edits, votes and deletions arrive in order; other pages stay silent', async () => {
      const t = await live();
      const other = await t.open('/other');
      const { reader } = await t.open('/b');
      const { comment, editToken } = await t.post('/b', 'first');
      await reader.event('comment.created');
      const auth = { authorization: `Bearer ${editToken}` };
      assert.equal((await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'changed' }, auth)).status, 200);
      const updated = JSON.parse((await reader.event('comment.updated')).data ?? '') as { comment: { body: string } };
      assert.equal(updated.comment.body, 'changed');
      assert.equal((await t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value: 1 })).status, 200);
      assert.deepEqual(JSON.parse((await reader.event('votes.changed')).data ?? ''), {
        id: comment.id,
        up: 1,
        down: 0,
        score: 1,
      });
      assert.equal((await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, auth)).status, 204);
      assert.deepEqual(JSON.parse((await reader.event('comment.deleted')).data ?? ''), { id: comment.id });
      // The other page's reader got nothing but its opening frames in the meantime.
      await other.reader.event('ready');
      await assert.rejects(
        other.reader.until((f) => f.event !== undefined, 300),
        /no server-sent event/,
      );
    });

    test('held comments are not shown; approval shows them as created', async () => {
      const t = await live({ moderation: 'all' });
      const { reader } = await t.open('/held');
      const { comment } = await t.post('/held', 'wait for me');
      await assert.rejects(
        reader.until((f) => f.event?.startsWith('comment.') ?? false, 400),
        /no server-sent event/,
      );
      // Moderation writes straight to the database; the trigger still records the change.
      const db = (t.storage as unknown as { db: import('kysely').Kysely<import('../../storage/schema.js').Database> }).db;
      await db.updateTable('comments').set({ status: 'approved' }).where('id', '=', comment.id).execute();
      const created = JSON.parse((await reader.event('comment.created')).data ?? '') as { comment: { id: string } };
      assert.equal(created.comment.id, comment.id);
    });

    test('a write by another process (not through this app) reaches the reader', async () => {
      const t = await live();
      const { reader } = await t.open('/import');
      await t.storage.insertComment({
        id: 'imported-1',
        siteId: 'demo',
        page: { key: '/import', url: '', title: '' },
        parentId: null,
        rootId: null,
        depth: 0,
        authorName: 'Importer',
        authorEmail: null,
        authorWebsite: null,
        body: 'old',
        html: '<p>old</p>',
        status: 'approved',
        createdAt: Date.now(),
        editTokenHash: 'x',
        ipHash: null,
      });
      const created = JSON.parse((await reader.event('comment.created')).data ?? '') as { comment: { id: string } };
      assert.equal(created.comment.id, 'imported-1');
    });

    test('Last-Event-ID resumes after the last event seen, header or query', async () => {
      const t = await live();
      const first = await t.open('/resume');
      await t.post('/resume', 'one');
      const one = await first.reader.event('comment.created');
      await first.reader.cancel();
      const two = await t.post('/resume', 'two');
      const three = await t.post('/resume', 'three');
      for (const how of ['header', 'query'] as const) {
        const again =
          how === 'header'
            ? await t.open('/resume', { 'last-event-id': one.id ?? '' })
            : await t.open('/resume', {}, `&lastEventId=${one.id}`);
        // Events up to the one seen may repeat (PostgreSQL's commit-order overlap); later ones come once, in order.
        const ids: string[] = [];
        while (ids.length < 2) {
          const e = await again.reader.event('comment.created');
          if (Number(e.id) > Number(one.id)) ids.push((JSON.parse(e.data ?? '') as { comment: { id: string } }).comment.id);
        }
        assert.deepEqual(ids, [two.comment.id, three.comment.id], how);
      }
    });

    test('an id whose successors were pruned, or from the future, gets reload', async () => {
      const t = await live();
      await t.post('/old', 'a');
      await t.post('/old', 'b');
      const { latest } = await t.storage.live.bounds();
      assert.equal(await t.storage.live.prune(Date.now() + 1_000), 1, 'all but the newest event pruned');
      const gone = await t.open('/old', { 'last-event-id': String(latest - 2) });
      assert.deepEqual(JSON.parse((await gone.reader.event('reload')).data ?? ''), { reason: 'history-gone' });
      const future = await t.open('/old', { 'last-event-id': String(latest + 100) });
      await future.reader.event('reload');
      // The newest kept event itself is a valid place to resume from.
      const fine = await t.open('/old', { 'last-event-id': String(latest) });
      await fine.reader.event('ready');
    });

    test('more missed events than maxReplay gets reload instead of a flood', async () => {
      const t = await live({}, { maxReplay: 2 });
      const start = await t.open('/many');
      const ready = await start.reader.event('ready');
      for (const body of ['1', '2', '3']) await t.post('/many', body);
      const again = await t.open('/many', { 'last-event-id': ready.id ?? '' });
      assert.deepEqual(JSON.parse((await again.reader.event('reload')).data ?? ''), { reason: 'too-many' });
    });

    test('keep-alive comments flow on an idle stream', async () => {
      const t = await live({}, { keepAliveMs: 50 });
      const { reader } = await t.open('/idle');
      const ka = await reader.until((f) => f.comment !== undefined, 2_000);
      assert.equal(ka.comment, '');
    });

    test('streams beyond maxStreams are refused with 503 problem+json', async () => {
      const t = await live({}, { maxStreams: 2 });
      await t.open('/x');
      await t.open('/y');
      const res = await t.send('GET', '/api/v1/events?site=demo&page=/z');
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(res.headers.get('retry-after'), '30');
      assert.equal(t.app.live.size, 2);
    });

    test('a closed stream leaves the hub', async () => {
      const t = await live();
      const { reader } = await t.open('/leave');
      await reader.event('ready');
      assert.equal(t.app.live.size, 1);
      await reader.cancel();
      for (let i = 0; i < 50 && t.app.live.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(t.app.live.size, 0);
    });

    test('shutdown tells readers to reconnect elsewhere and ends their streams', async () => {
      const t = await live();
      const { reader } = await t.open('/bye');
      await reader.event('ready');
      t.app.live.shutdown(1234);
      const bye = await reader.until((f) => f.retry !== undefined);
      assert.equal(bye.retry, 1234);
      assert.equal(await reader.next(), undefined, 'stream ended');
      const res = await t.send('GET', '/api/v1/events?site=demo&page=/bye');
      assert.equal(res.status, 503);
    });

    test('bad requests are problems: unknown site, foreign origin, bad page', async () => {
      const t = await live();
      const unknown = await t.send('GET', '/api/v1/events?site=nope&page=/a');
      assert.equal(unknown.status, 404);
      const foreign = await t.send('GET', '/api/v1/events?site=demo&page=/a', undefined, { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
      const missing = await t.send('GET', '/api/v1/events?site=demo');
      assert.equal(missing.status, 422);
      const badId = await t.send('GET', '/api/v1/events?site=demo&page=/a&lastEventId=abc');
      assert.equal(badId.status, 422);
      await t.storage.createSite(buildSite({ id: 'other', origins: ['https://other.example'] }, Date.now()));
      const cross = await t.send('GET', '/api/v1/events?site=other&page=/a');
      assert.equal(cross.status, 403, 'a page on another site is not readable from this origin');
      assert.equal(t.app.live.size, 0);
    });
  });
}
