import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, testApp } from '../../test-support.js';

for (const backend of backends) {
  describe(`comments API on ${backend.name}`, () => {
    test('a posted comment is listed with its rendered HTML and never its e-mail or token', async () => {
      const t = await testApp(backend);
      const res = await t.send('POST', '/api/v1/comments', {
        site: 'demo',
        page: '/a',
        body: 'Hello *world*',
        author: { name: 'Ada', email: 'ada@example.org' },
      });
      assert.equal(res.status, 201);
      const { comment, editToken } = (await res.json()) as { comment: { id: string; html: string }; editToken: string };
      assert.equal(comment.html, '<p>Hello <em>world</em></p>');
      assert.match(editToken, /^[A-Za-z0-9_-]{43}$/);

      const list = await t.send('GET', '/api/v1/comments?site=demo&page=/a');
      assert.equal(list.status, 200);
      const text = await list.text();
      const data = JSON.parse(text) as { page: { count: number }; comments: { id: string; author: { name: string } }[] };
      assert.equal(data.page.count, 1);
      assert.equal(data.comments[0]?.author.name, 'Ada');
      assert.ok(!text.includes('ada@example.org'));
      assert.ok(!text.includes(editToken));
    });

    test('a write from an origin the site does not allow is refused and stores nothing', async () => {
      const t = await testApp(backend);
      const res = await t.send(
        'POST',
        '/api/v1/comments',
        { site: 'demo', page: '/a', body: 'x' },
        { origin: 'https://evil.example' },
      );
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(((await res.json()) as { code: string }).code, 'origin-not-allowed');
      const list = (await (await t.send('GET', '/api/v1/comments?site=demo&page=/a')).json()) as { page: { count: number } };
      assert.equal(list.page.count, 0);
    });
  });
}
