import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { backends, ORIGIN, type Posted, problemOf, testApp } from '../../test-support.js';

/** `Idempotency-Key` on POST /api/v1/comments: one comment per key, the first answer on every retry. */

const DAY = 24 * 60 * 60 * 1000;

for (const backend of backends) {
  describe(`Idempotency-Key on ${backend.name}`, () => {
    async function setup(settings = {}) {
      let clock = Date.now();
      const t = await testApp(backend, settings, () => clock);
      const post = (body: Record<string, unknown>, key?: string) =>
        t.send('POST', '/api/v1/comments', { site: 'demo', ...body }, key === undefined ? {} : { 'idempotency-key': key });
      const count = async (page: string) => (await t.list(page)).comments.length;
      return { t, post, count, advance: (ms: number) => (clock += ms) };
    }

    test('a retry with the same key answers the first result byte for byte and creates nothing', async () => {
      const { t, post, count } = await setup();
      const key = randomUUID();
      const first = await post({ page: '/a', body: 'Once **only**', author: { name: 'Ann' } }, key);
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const firstText = await first.text();
      const again = await post({ page: '/a', body: 'Once **only**', author: { name: 'Ann' } }, key);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(await again.text(), firstText);
      assert.equal(await count('/a'), 1);
      // The replayed edit token is the real one: it edits the comment.
      const { comment, editToken } = JSON.parse(firstText) as Posted;
      const edit = await t.send(
        'PATCH',
        `/api/v1/comments/${comment.id}`,
        { body: 'edited' },
        { authorization: `Bearer ${editToken}` },
      );
      assert.equal(edit.status, 200);
    });

    test('member order and spacing of the body do not make it another request', async () => {
      const { post, count } = await setup();
      const key = randomUUID();
      const a = (await (
        await post({ page: '/order', body: 'same', author: { name: 'N', website: 'https://n.example' } }, key)
      ).json()) as Posted;
      const b = await post({ author: { website: 'https://n.example', name: 'N' }, body: 'same', page: '/order' }, key);
      assert.equal(b.status, 201);
      assert.equal(((await b.json()) as Posted).comment.id, a.comment.id);
      assert.equal(await count('/order'), 1);
    });

    test('the same key with a different body is a 422 idempotency-key-reused and creates nothing', async () => {
      const { post, count } = await setup();
      const key = randomUUID();
      assert.equal((await post({ page: '/b', body: 'first' }, key)).status, 201);
      const other = await post({ page: '/b', body: 'second' }, key);
      assert.equal(other.status, 422);
      assert.equal((await problemOf(other)).code, 'idempotency-key-reused');
      assert.equal(await count('/b'), 1);
    });

    test('two (and twenty) requests with one key in flight at once create one comment', async () => {
      const { post, count } = await setup();
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 20 }, () => post({ page: '/race', body: 'racing' }, key)));
      assert.deepEqual(
        answers.map((r) => r.status),
        answers.map(() => 201),
      );
      const bodies = await Promise.all(answers.map((r) => r.text()));
      assert.equal(new Set(bodies).size, 1, 'every answer is the same first result');
      assert.equal(answers.filter((r) => r.headers.get('idempotent-replayed') === null).length, 1);
      assert.equal(await count('/race'), 1);
    });

    test('keys expire after 24 h: then the same key posts anew', async () => {
      const { post, count, advance } = await setup();
      const key = randomUUID();
      const first = (await (await post({ page: '/ttl', body: 'day one' }, key)).json()) as Posted;
      advance(DAY - 1000);
      const within = await post({ page: '/ttl', body: 'day one' }, key);
      assert.equal(within.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await within.json()) as Posted).comment.id, first.comment.id);
      advance(2000);
      const later = await post({ page: '/ttl', body: 'day one' }, key);
      assert.equal(later.status, 201);
      assert.equal(later.headers.get('idempotent-replayed'), null);
      assert.notEqual(((await later.json()) as Posted).comment.id, first.comment.id);
      assert.equal(await count('/ttl'), 2);
    });

    test('keys are per site: the same key on another site is another comment', async () => {
      const { t, post } = await setup();
      await t.storage.createSite(
        buildSite(
          { id: 'other', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false } },
          Date.now(),
        ),
      );
      const key = randomUUID();
      const a = (await (await post({ page: '/p', body: 'hello' }, key)).json()) as Posted;
      const res = await t.send(
        'POST',
        '/api/v1/comments',
        { site: 'other', page: '/p', body: 'hello' },
        { 'idempotency-key': key },
      );
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('idempotent-replayed'), null);
      const b = (await res.json()) as Posted;
      assert.notEqual(b.comment.id, a.comment.id);
      assert.notEqual(b.editToken, a.editToken);
    });

    test('a replay is not counted by the rate limit; a refused request is not remembered', async () => {
      const { post, count } = await setup({ rateLimitPerMinute: 1, rateLimitPerHour: 0 });
      const key = randomUUID();
      assert.equal((await post({ page: '/rl', body: 'one' }, key)).status, 201);
      assert.equal((await post({ page: '/rl', body: 'one' }, key)).status, 201);
      const limited = randomUUID();
      assert.equal((await post({ page: '/rl', body: 'two' }, limited)).status, 429);
      assert.equal(await count('/rl'), 1);
    });

    test('a malformed key is a 422 invalid-fields naming the header; no key behaves as before', async () => {
      const { post, count } = await setup();
      for (const bad of ['short', 'x'.repeat(256), 'has space in it', 'ünïcödé-key-123']) {
        const res = await post({ page: '/k', body: 'x' }, bad);
        assert.equal(res.status, 422, bad);
        const problem = await problemOf(res);
        assert.equal(problem.code, 'invalid-fields');
        assert.equal(problem.errors?.[0]?.path, 'idempotency-key');
      }
      const a = (await (await post({ page: '/k', body: 'x' })).json()) as Posted;
      const b = (await (await post({ page: '/k', body: 'x' })).json()) as Posted;
      assert.notEqual(a.comment.id, b.comment.id);
      assert.equal(await count('/k'), 2);
    });
  });
}
