import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../../test-support.js';

/** Voting: one vote per visitor (IP prefix) per comment, changed or cleared, never added twice. */

for (const backend of backends) {
  describe(`votes on ${backend.name}`, () => {
    test('voting twice changes the vote; 0 clears it; another visitor adds one', async () => {
      const t = await testApp(backend);
      const { comment } = await t.post('/v', 'vote on me');
      const vote = async (value: unknown) => {
        const res = await t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value });
        assert.equal(res.status, 200);
        return res.json();
      };
      assert.deepEqual(await vote(1), { up: 1, down: 0, score: 1 });
      assert.deepEqual(await vote(1), { up: 1, down: 0, score: 1 });
      assert.deepEqual(await vote(-1), { up: 0, down: 1, score: -1 });
      t.setIp('203.0.113.99');
      assert.deepEqual(await vote(-1), { up: 0, down: 1, score: -1 }, 'the same /24 is the same visitor');
      t.setIp('198.51.100.4');
      assert.deepEqual(await vote(1), { up: 1, down: 1, score: 0 });
      t.setIp('2001:db8:5:1::1');
      assert.deepEqual(await vote(1), { up: 2, down: 1, score: 1 });
      t.setIp('2001:db8:5:2::7');
      assert.deepEqual(await vote(0), { up: 1, down: 1, score: 0 }, 'the same /48 is the same visitor');
      const listed = (await t.list('/v')).comments[0];
      assert.deepEqual([listed?.up, listed?.down, listed?.score], [1, 1, 0]);
    });

    test('many votes at once from one visitor count once', async () => {
      const t = await testApp(backend);
      const { comment } = await t.post('/v', 'hot');
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value: i % 2 ? 1 : -1 })),
      );
      assert.ok(answers.every((r) => r.status === 200));
      const listed = (await t.list('/v')).comments[0];
      assert.equal((listed?.up ?? 0) + (listed?.down ?? 0), 1);
    });

    test('a value other than 1, -1 or 0 is 422', async () => {
      const t = await testApp(backend);
      const { comment } = await t.post('/v', 'x');
      for (const value of [2, '1', null, 0.5]) {
        const res = await t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value });
        assert.equal(res.status, 422);
        assert.equal((await problemOf(res)).errors?.[0]?.path, 'value');
      }
    });

    test('votes on unknown, pending or deleted comments are 404', async () => {
      const t = await testApp(backend, { moderation: 'all' });
      const pending = await t.post('/v', 'held');
      const unknown = await t.send('POST', '/api/v1/comments/nosuch/vote', { value: 1 });
      assert.equal(unknown.status, 404);
      assert.equal((await problemOf(unknown)).code, 'comment-not-found');
      assert.equal((await t.send('POST', `/api/v1/comments/${pending.comment.id}/vote`, { value: 1 })).status, 404);
      const open = await testApp(backend);
      const doomed = await open.post('/v', 'doomed');
      await open.send('DELETE', `/api/v1/comments/${doomed.comment.id}`, undefined, {
        authorization: `Bearer ${doomed.editToken}`,
      });
      assert.equal((await open.send('POST', `/api/v1/comments/${doomed.comment.id}/vote`, { value: 1 })).status, 404);
    });

    test('a vote from an origin the site does not allow is 403 and not counted', async () => {
      const t = await testApp(backend);
      const { comment } = await t.post('/v', 'x');
      const res = await t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value: 1 }, { origin: 'https://evil.example' });
      assert.equal(res.status, 403);
      assert.equal((await problemOf(res)).code, 'origin-not-allowed');
      assert.equal((await t.list('/v')).comments[0]?.up, 0);
    });
  });
}
