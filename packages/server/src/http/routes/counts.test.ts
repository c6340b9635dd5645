import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../../test-support.js';

/** Comment counts for listing pages: GET with repeated `page=`, POST with up to 100 keys. */

for (const backend of backends) {
  describe(`counts API on ${backend.name}`, () => {
    async function seeded() {
      const t = await testApp(backend);
      const a = await t.post('/a', 'one');
      await t.post('/a', 'reply', { parentId: a.comment.id });
      const doomed = await t.post('/a', 'doomed');
      await t.send('DELETE', `/api/v1/comments/${doomed.comment.id}`, undefined, { authorization: `Bearer ${doomed.editToken}` });
      await t.post('/b', 'two');
      return t;
    }

    test('GET counts approved comments and replies for each repeated page key, 0 for unknown pages', async () => {
      const t = await seeded();
      const res = await t.send('GET', '/api/v1/counts?site=demo&page=/a&page=/b&page=/none&page=/a');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { counts: { '/a': 2, '/b': 1, '/none': 0 } });
      const one = await t.send('GET', '/api/v1/counts?site=demo&page=/b');
      assert.deepEqual(await one.json(), { counts: { '/b': 1 } });
    });

    test('pending comments are not counted', async () => {
      const t = await testApp(backend, { moderation: 'all' });
      await t.post('/a', 'held');
      assert.deepEqual(await (await t.send('GET', '/api/v1/counts?site=demo&page=/a')).json(), { counts: { '/a': 0 } });
    });

    test('POST takes up to 100 keys; 101 is 422', async () => {
      const t = await seeded();
      const keys = Array.from({ length: 98 }, (_, i) => `/p${i}`);
      const res = await t.send('POST', '/api/v1/counts', { site: 'demo', pages: ['/a', '/b', ...keys] });
      assert.equal(res.status, 200);
      const { counts } = (await res.json()) as { counts: Record<string, number> };
      assert.equal(Object.keys(counts).length, 100);
      assert.equal(counts['/a'], 2);
      assert.equal(counts['/p0'], 0);
      const over = await t.send('POST', '/api/v1/counts', { site: 'demo', pages: [...keys, '/x', '/y', '/z'] });
      assert.equal(over.status, 422);
      const problem = await problemOf(over);
      assert.equal(problem.code, 'invalid-fields');
      assert.equal(problem.errors?.[0]?.path, 'pages');
      const none = await t.send('POST', '/api/v1/counts', { site: 'demo', pages: [] });
      assert.equal(none.status, 422);
    });

    test('GET with more than 100 keys or none is 422', async () => {
      const t = await testApp(backend);
      const query = Array.from({ length: 101 }, (_, i) => `page=/p${i}`).join('&');
      const over = await t.send('GET', `/api/v1/counts?site=demo&${query}`);
      assert.equal(over.status, 422);
      assert.equal((await problemOf(over)).errors?.[0]?.path, 'page');
      const hundred = Array.from({ length: 100 }, (_, i) => `page=/p${i}`).join('&');
      assert.equal((await t.send('GET', `/api/v1/counts?site=demo&${hundred}`)).status, 200);
      assert.equal((await t.send('GET', '/api/v1/counts?site=demo')).status, 422);
    });

    test('an unknown site is 404', async () => {
      const t = await testApp(backend);
      const get = await t.send('GET', '/api/v1/counts?site=nosuch&page=/a');
      assert.equal(get.status, 404);
      assert.equal((await problemOf(get)).code, 'site-not-found');
      const post = await t.send('POST', '/api/v1/counts', { site: 'nosuch', pages: ['/a'] });
      assert.equal(post.status, 404);
    });
  });
}
