import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { backends, testApp } from '../test-support.js';
import { CommentService } from './comments.js';

for (const backend of backends) {
  describe(`listing freshness window on ${backend.name}`, () => {
    test("inside the window a reader's repeated GETs read the page from the database once", async () => {
      const t = await testApp(backend, {}, undefined, { listFreshMs: 60_000 });
      await t.post('/fresh', 'first');
      const getPage = t.storage.getPage.bind(t.storage);
      let reads = 0;
      t.storage.getPage = (site, key) => {
        reads++;
        return getPage(site, key);
      };
      for (let i = 0; i < 5; i++) assert.equal((await t.list('/fresh')).page.count, 1);
      assert.equal(reads, 1);
    });

    test('a comment posted, edited, voted or deleted through this server shows at once, inside the window', async () => {
      const t = await testApp(backend, {}, undefined, { listFreshMs: 60_000 });
      const first = await t.post('/fresh', 'one');
      assert.equal((await t.list('/fresh')).page.count, 1);
      await t.post('/fresh', 'two');
      assert.equal((await t.list('/fresh')).page.count, 2);
      const edited = await t.send(
        'PATCH',
        `/api/v1/comments/${first.comment.id}`,
        { body: 'one, edited' },
        {
          authorization: `Bearer ${first.editToken}`,
        },
      );
      assert.equal(edited.status, 200);
      assert.equal((await t.list('/fresh')).comments[0]?.body, 'one, edited');
      assert.equal((await t.send('POST', `/api/v1/comments/${first.comment.id}/vote`, { value: 1 })).status, 200);
      assert.equal((await t.list('/fresh')).comments[0]?.up, 1);
      const removed = await t.send('DELETE', `/api/v1/comments/${first.comment.id}`, undefined, {
        authorization: `Bearer ${first.editToken}`,
      });
      assert.equal(removed.status, 204);
      assert.equal((await t.list('/fresh')).page.count, 1);
    });

    test('a comment written by another instance shows once the window has passed', async () => {
      const t = await testApp(backend, {}, undefined, { listFreshMs: 150 });
      await t.post('/fresh', 'here');
      assert.equal((await t.list('/fresh')).page.count, 1);
      const otherInstance = new CommentService(t.storage);
      await otherInstance.create({ site: 'demo', page: '/fresh', body: 'there' }, {});
      await sleep(200);
      assert.equal((await t.list('/fresh')).page.count, 2);
    });
  });
}
