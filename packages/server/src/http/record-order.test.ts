import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../test-support.js';
import { adminApp } from './admin/test-helpers.js';

/**
 * Records are listed by (time, id) and ids are random, so records made in the same millisecond
 * keep their order only if the app never stamps two of them alike (domain/clock.ts). Date.now is
 * frozen here, before the app is built, so every record falls in one millisecond: with a plain
 * Date.now clock the ten comments (or eight audit entries) would come back in one of 10! (8!)
 * orders.
 */
for (const backend of backends) {
  describe(`records made in the same millisecond on ${backend.name}`, () => {
    test('comments list in the order they were posted, oldest and newest first', async (t) => {
      const frozen = Date.now();
      t.mock.method(Date, 'now', () => frozen);
      const app = await adminApp(backend);
      const posted: string[] = [];
      for (let i = 0; i < 10; i++) posted.push((await app.post('/same-ms', `comment ${i}`)).comment.id);
      const oldest = await app.list('/same-ms');
      assert.deepEqual(
        oldest.comments.map((c) => c.id),
        posted,
      );
      const newest = await app.list('/same-ms', '&sort=newest');
      assert.deepEqual(
        newest.comments.map((c) => c.id),
        posted.toReversed(),
      );
      const times = oldest.comments.map((c) => Date.parse(c.createdAt));
      assert.ok(times.at(-1)! - times[0]! < 1_000, 'the clock runs a few ms ahead at most');
    });

    test('reading listings takes no ticks of the clock: only records move it ahead', async (t) => {
      const frozen = Date.now();
      t.mock.method(Date, 'now', () => frozen);
      const app = await adminApp(backend);
      const first = Date.parse((await app.post('/reads', 'before')).comment.createdAt);
      for (let i = 0; i < 200; i++) await app.list('/reads');
      const second = Date.parse((await app.post('/reads', 'after')).comment.createdAt);
      assert.ok(second > first);
      assert.ok(second - first < 50, `200 listings ran the clock ${second - first} ms ahead`);
    });

    test('audit-log entries list newest first in the order the actions were taken', async (t) => {
      const frozen = Date.now();
      t.mock.method(Date, 'now', () => frozen);
      const app = await adminApp(backend);
      const [a, b] = [(await app.post('/audit', 'a')).comment.id, (await app.post('/audit', 'b')).comment.id];
      const actions: [string, string][] = [
        ['POST', `/api/admin/comments/${a}/pin`],
        ['POST', `/api/admin/comments/${a}/unpin`],
        ['POST', `/api/admin/comments/${b}/pin`],
        ['POST', `/api/admin/comments/${b}/unpin`],
        ['POST', `/api/admin/comments/${a}/reject`],
        ['POST', `/api/admin/comments/${a}/approve`],
        ['POST', `/api/admin/comments/${b}/spam`],
      ];
      for (const [method, path] of actions) await app.owner.json(method, path);
      const log = await app.owner.json<{ entries: { action: string; target: string }[] }>('GET', '/api/admin/audit?limit=8');
      assert.deepEqual(
        // The first entry is the owner's sign-in, made by adminApp.
        log.entries.map((e) => (e.action === 'admin.login' ? e.action : `${e.action} ${e.target}`)),
        [
          `comment.spam ${b}`,
          `comment.approve ${a}`,
          `comment.reject ${a}`,
          `comment.unpin ${b}`,
          `comment.pin ${b}`,
          `comment.unpin ${a}`,
          `comment.pin ${a}`,
          'admin.login',
        ],
      );
    });
  });
}
