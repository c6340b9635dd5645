import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashToken } from '../../domain/identity.js';
import { type ApiComment, backends, problemOf, testApp } from '../../test-support.js';

/** Listing and posting comments: shapes, order, pagination, moderation, validation. */

for (const backend of backends) {
  describe(`comments API on ${backend.name}`, () => {
    test('a posted comment is listed with its rendered HTML and never its e-mail or token', async () => {
      const t = await testApp(backend);
      const res = await t.send('POST', '/api/v1/comments', {
        site: 'demo',
        page: '/a',
        url: 'https://news.example.com/a',
        title: 'A story',
        body: 'Hello *world*',
        author: { name: 'Ada', email: 'ada@example.org', website: 'https://ada.example' },
      });
      assert.equal(res.status, 201);
      const { comment, editToken } = (await res.json()) as { comment: ApiComment; editToken: string };
      assert.equal(comment.html, '<p>Hello <em>world</em></p>');
      assert.equal(comment.body, 'Hello *world*');
      assert.equal(comment.status, 'approved');
      assert.deepEqual(comment.author, { name: 'Ada', website: 'https://ada.example/', avatar: comment.author?.avatar });
      assert.match(comment.author?.avatar ?? '', /^[0-9a-f]{12}$/);
      assert.deepEqual([comment.up, comment.down, comment.score, comment.parentId, comment.editedAt], [0, 0, 0, null, null]);
      assert.ok(!Number.isNaN(Date.parse(comment.createdAt)));
      // 256 random bits in base64url, stored only as its SHA-256.
      assert.match(editToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(editToken, 'base64url').length, 32);
      const stored = await t.storage.getComment(comment.id);
      assert.equal(stored?.editTokenHash, hashToken(editToken));

      const list = await t.send('GET', '/api/v1/comments?site=demo&page=/a');
      assert.equal(list.status, 200);
      const text = await list.text();
      const data = JSON.parse(text) as { page: unknown; comments: ApiComment[]; nextCursor: string | null };
      assert.deepEqual(data.page, { key: '/a', url: 'https://news.example.com/a', title: 'A story', count: 1, locked: false });
      assert.equal(data.nextCursor, null);
      assert.deepEqual(data.comments, [{ ...comment, replies: [] }]);
      assert.ok(!text.includes('ada@example.org'));
      assert.ok(!text.includes(editToken));
    });

    test('an unknown page lists empty with count 0; an unknown site is 404', async () => {
      const t = await testApp(backend);
      const { formToken, mail, ...data } = await t.list('/never');
      assert.match(formToken, /^[0-9a-z]+\.[\w-]{27}$/);
      assert.equal(mail, false, 'no SMTP configured');
      assert.deepEqual(data, {
        page: { key: '/never', url: '', title: '', count: 0, locked: false },
        comments: [],
        nextCursor: null,
      });
      const res = await t.send('GET', '/api/v1/comments?site=nosuch&page=/a');
      assert.equal(res.status, 404);
      assert.equal((await problemOf(res)).code, 'site-not-found');
    });

    test('the listing says whether the server sends e-mail, on cached and fresh listings alike', async () => {
      for (const mail of [true, false]) {
        const t = await testApp(backend, {}, undefined, { notify: { mail } });
        await t.post('/m', 'hello');
        for (let i = 0; i < 2; i++) assert.equal((await t.list('/m')).mail, mail, `${mail}, read ${i + 1}`);
        assert.equal((await t.list('/unknown')).mail, mail);
      }
    });

    test('replies nest under their parents at every depth, oldest first', async () => {
      const t = await testApp(backend);
      const a = (await t.post('/p', 'a')).comment;
      const b = (await t.post('/p', 'b')).comment;
      const a1 = (await t.post('/p', 'a1', { parentId: a.id })).comment;
      const a1x = (await t.post('/p', 'a1x', { parentId: a1.id })).comment;
      const a2 = (await t.post('/p', 'a2', { parentId: a.id })).comment;
      const b1 = (await t.post('/p', 'b1', { parentId: b.id })).comment;
      assert.equal(a1x.parentId, a1.id);
      const data = await t.list('/p');
      const shape = (c: ApiComment): unknown => [c.body, (c.replies ?? []).map(shape)];
      assert.deepEqual(data.comments.map(shape), [
        [
          'a',
          [
            ['a1', [['a1x', []]]],
            ['a2', []],
          ],
        ],
        ['b', [['b1', []]]],
      ]);
      assert.equal(data.page.count, 6);
      assert.deepEqual([a2.parentId, b1.parentId], [a.id, b.id]);
    });

    test('a cached listing is never served after the page changed, whoever changed it', async () => {
      const t = await testApp(backend);
      const { comment } = await t.post('/cache', 'first');
      assert.deepEqual(
        (await t.list('/cache')).comments.map((c) => c.body),
        ['first'],
      );
      assert.deepEqual(
        (await t.list('/cache')).comments.map((c) => c.body),
        ['first'],
        'served again (from the cache)',
      );
      await t.post('/cache', 'second');
      assert.deepEqual(
        (await t.list('/cache')).comments.map((c) => c.body),
        ['first', 'second'],
      );
      await t.send('POST', `/api/v1/comments/${comment.id}/vote`, { value: 1 });
      assert.equal((await t.list('/cache')).comments[0]?.up, 1);
      // Another instance or an import writing straight to the database.
      await t.storage.updateCommentBody({
        id: comment.id,
        expected: { status: 'approved', editedAt: null },
        body: 'changed elsewhere',
        html: '<p>changed elsewhere</p>',
        editedAt: Date.now(),
      });
      assert.equal((await t.list('/cache')).comments[0]?.body, 'changed elsewhere');
      await t.storage.setPageLocked('demo', '/cache', true, Date.now());
      assert.equal((await t.list('/cache')).page.locked, true);
    });

    test('beyond the site maximum depth a reply joins its parent as a sibling', async () => {
      const t = await testApp(backend, { maxDepth: 1 });
      const a = (await t.post('/p', 'a')).comment;
      const a1 = (await t.post('/p', 'a1', { parentId: a.id })).comment;
      const deep = (await t.post('/p', 'deep', { parentId: a1.id })).comment;
      assert.equal(deep.parentId, a.id);
    });

    test('sort oldest, newest and top', async () => {
      let clock = 1_700_000_000_000;
      const t = await testApp(backend, {}, () => clock++);
      const ids: string[] = [];
      for (const body of ['one', 'two', 'three', 'four']) ids.push((await t.post('/s', body)).comment.id);
      t.setIp('198.51.100.1');
      await t.send('POST', `/api/v1/comments/${ids[2]}/vote`, { value: 1 });
      await t.send('POST', `/api/v1/comments/${ids[0]}/vote`, { value: -1 });
      t.setIp('198.51.101.1');
      await t.send('POST', `/api/v1/comments/${ids[2]}/vote`, { value: 1 });
      await t.send('POST', `/api/v1/comments/${ids[3]}/vote`, { value: 1 });
      const bodies = async (sort: string) => (await t.list('/s', `&sort=${sort}`)).comments.map((c) => c.body);
      assert.deepEqual(await bodies('oldest'), ['one', 'two', 'three', 'four']);
      assert.deepEqual(await bodies('newest'), ['four', 'three', 'two', 'one']);
      assert.deepEqual(await bodies('top'), ['three', 'four', 'two', 'one']);
      assert.deepEqual(
        (await t.list('/s')).comments.map((c) => c.body),
        ['one', 'two', 'three', 'four'],
        'oldest by default',
      );
      const bad = await t.send('GET', '/api/v1/comments?site=demo&page=/s&sort=random');
      assert.equal(bad.status, 422);
      assert.equal((await problemOf(bad)).errors?.[0]?.path, 'sort');
    });

    test('limit must be 1..100', async () => {
      const t = await testApp(backend);
      for (let i = 0; i < 3; i++) await t.post('/l', `c${i}`);
      assert.equal((await t.list('/l', '&limit=1')).comments.length, 1);
      assert.equal((await t.list('/l', '&limit=100')).comments.length, 3);
      for (const limit of ['0', '101', '-1', 'abc', '1.5']) {
        const res = await t.send('GET', `/api/v1/comments?site=demo&page=/l&limit=${limit}`);
        assert.equal(res.status, 422, `limit=${limit}`);
        const problem = await problemOf(res);
        assert.equal(problem.code, 'invalid-fields');
        assert.equal(problem.errors?.[0]?.path, 'limit');
      }
    });

    for (const sort of ['oldest', 'newest', 'top'] as const) {
      test(`cursor pagination (${sort}) has no duplicates or gaps while comments are added`, async () => {
        let clock = 1_700_000_000_000;
        const t = await testApp(backend, {}, () => (clock += 1000));
        const before: string[] = [];
        for (let i = 0; i < 10; i++) before.push((await t.post('/pg', `old ${i}`)).comment.id);
        const seen: string[] = [];
        const added: string[] = [];
        let cursor: string | null = null;
        for (let round = 0; round < 50; round++) {
          const data = await t.list('/pg', `&sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          seen.push(...data.comments.map((c) => c.id));
          // Someone posts between every two pages, and someone replies.
          added.push((await t.post('/pg', `new ${round}`)).comment.id);
          const first = data.comments[0];
          if (first) await t.post('/pg', 'a reply', { parentId: first.id });
          cursor = data.nextCursor;
          if (!cursor) break;
        }
        assert.equal(new Set(seen).size, seen.length, 'no comment is shown twice');
        for (const id of before) assert.ok(seen.includes(id), `comment ${id} from before the walk is not skipped`);
        if (sort === 'newest') {
          assert.deepEqual(seen, [...before].reverse(), 'newer comments sit before the cursor and wait for a reload');
        } else {
          // Oldest first (and top, where every score is 0): new comments join the end, none skipped.
          assert.deepEqual(seen, [...before, ...added.slice(0, seen.length - before.length)]);
          assert.ok(seen.length > before.length);
        }
        const bad = await t.send('GET', '/api/v1/comments?site=demo&page=/pg&cursor=not-a-cursor');
        assert.equal(bad.status, 400);
        assert.equal((await problemOf(bad)).code, 'bad-request');
      });
    }

    test('POST answers approved or pending by moderation mode; pending is not listed or counted', async () => {
      const open = await testApp(backend, { moderation: 'none' });
      assert.equal((await open.post('/m', 'hi')).comment.status, 'approved');
      const all = await testApp(backend, { moderation: 'all' });
      const held = await all.post('/m', 'hi');
      assert.equal(held.comment.status, 'pending');
      assert.deepEqual((await all.list('/m')).comments, []);
      assert.equal((await all.list('/m')).page.count, 0);
      const links = await testApp(backend, { moderation: 'links' });
      assert.equal((await links.post('/m', 'plain text')).comment.status, 'approved');
      assert.equal((await links.post('/m', 'see https://example.com')).comment.status, 'pending');
    });

    test('a reply to a comment on another page, or to no comment, is 404', async () => {
      const t = await testApp(backend);
      const other = (await t.post('/one', 'here')).comment;
      for (const parentId of [other.id, 'nosuchcomment']) {
        const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/two', body: 'x', parentId });
        assert.equal(res.status, 404);
        assert.equal((await problemOf(res)).code, 'parent-not-found');
      }
      assert.equal((await t.list('/two')).page.count, 0);
    });

    test('an unknown site is 404 for POST', async () => {
      const t = await testApp(backend);
      const res = await t.send('POST', '/api/v1/comments', { site: 'nosuch', page: '/a', body: 'x' });
      assert.equal(res.status, 404);
      assert.equal((await problemOf(res)).code, 'site-not-found');
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
      assert.equal((await problemOf(res)).code, 'origin-not-allowed');
      assert.equal(await t.storage.getPage('demo', '/a'), undefined);
      assert.equal((await t.list('/a')).page.count, 0);
    });

    test('a locked page refuses new comments with 403 and says so in the listing', async () => {
      const t = await testApp(backend);
      await t.post('/locked', 'before');
      await t.storage.setPageLocked('demo', '/locked', true, Date.now());
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/locked', body: 'after' });
      assert.equal(res.status, 403);
      assert.equal((await problemOf(res)).code, 'page-locked');
      const data = await t.list('/locked');
      assert.equal(data.page.locked, true);
      assert.equal(data.page.count, 1);
      await t.storage.setPageLocked('demo', '/fresh', true, Date.now());
      const fresh = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/fresh', body: 'first' });
      assert.equal(fresh.status, 403);
    });

    test('a body is limited to the site maximum (default 10,000 characters)', async () => {
      const t = await testApp(backend);
      assert.equal((await t.post('/len', 'é'.repeat(10_000))).comment.body.length, 10_000);
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/len', body: 'x'.repeat(10_001) });
      assert.equal(res.status, 422);
      assert.deepEqual((await problemOf(res)).errors, [
        { path: 'body', message: 'must be at most 10000 characters', code: 'too-long', max: 10_000 },
      ]);
      const short = await testApp(backend, { maxLength: 20 });
      const over = await short.send('POST', '/api/v1/comments', { site: 'demo', page: '/len', body: 'x'.repeat(21) });
      assert.equal(over.status, 422);
      assert.equal((await short.post('/len', 'x'.repeat(20))).comment.body.length, 20);
    });

    test('invalid fields are 422 with every offending path named', async () => {
      const t = await testApp(backend);
      const res = await t.send('POST', '/api/v1/comments', {
        site: 'demo',
        page: '/v',
        body: '   ',
        author: { name: 'n'.repeat(81), email: 'not-an-email', website: 'javascript:alert(1)' },
      });
      assert.equal(res.status, 422);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'invalid-fields');
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), ['author.email', 'author.name', 'author.website', 'body']);
      for (const e of problem.errors ?? []) assert.ok(e.message.length > 0);

      const cases: [unknown, string][] = [
        [{ site: 'demo', page: '/v' }, 'body'],
        [{ site: 'Bad Site', page: '/v', body: 'x' }, 'site'],
        [{ site: 'demo', page: '', body: 'x' }, 'page'],
        [{ site: 'demo', page: 'p'.repeat(513), body: 'x' }, 'page'],
        [{ site: 'demo', page: '/v', body: 'x', url: 'ftp://example.com/' }, 'url'],
        // Not on the site: the page's address is shown as a link in feeds and mails.
        [{ site: 'demo', page: '/v', body: 'x', url: 'https://evil.example/login' }, 'url'],
        [{ site: 'demo', page: '/v', body: 'x', url: 'https://news.example.com.evil.example/v' }, 'url'],
        [{ site: 'demo', page: '/v', body: 42 }, 'body'],
        [{ site: 'demo', page: '/v', body: 'x', author: { website: 'http://' } }, 'author.website'],
        [{ site: 'demo', page: '/v', body: 'x', author: { email: 'a@b' } }, 'author.email'],
      ];
      for (const [body, path] of cases) {
        const r = await t.send('POST', '/api/v1/comments', body);
        assert.equal(r.status, 422, JSON.stringify(body).slice(0, 80));
        assert.ok(
          (await problemOf(r)).errors?.some((e) => e.path === path),
          `${path} named`,
        );
      }
      const ok = await t.post('/v', 'x', {
        author: { name: 'n'.repeat(80), email: 'Ada@Example.org', website: 'http://a.example/x' },
      });
      assert.equal(ok.comment.author?.name.length, 80);
      assert.equal((await t.list('/v')).page.count, 1);
    });

    test('field errors a reader can fix carry a stable code (and the maximum of a length), the English text beside it', async () => {
      const t = await testApp(backend, { requireName: true, maxLength: 20 });
      const post = async (body: unknown) => (await problemOf(await t.send('POST', '/api/v1/comments', body))).errors;
      assert.deepEqual(await post({ site: 'demo', page: '/c', body: ' ', author: { email: 'a@b', website: 'ftp://x' } }), [
        { path: 'author.name', message: 'is required', code: 'required' },
        { path: 'author.email', message: 'is not a valid e-mail address', code: 'invalid-email' },
        { path: 'author.website', message: 'must be an http(s) URL', code: 'invalid-url' },
        { path: 'body', message: 'must not be empty', code: 'required' },
      ]);
      const long = { name: 'n'.repeat(81), website: `https://a.example/${'p'.repeat(290)}` };
      assert.deepEqual(await post({ site: 'demo', page: '/c', body: 'x'.repeat(21), author: long }), [
        { path: 'author.name', message: 'must be at most 80 characters', code: 'too-long', max: 80 },
        { path: 'author.website', message: 'must be at most 300 characters', code: 'too-long', max: 300 },
        { path: 'body', message: 'must be at most 20 characters', code: 'too-long', max: 20 },
      ]);
      // Past the request schema's own limit: the same code, that limit.
      const huge = await post({ site: 'demo', page: '/c', body: 'x', author: { name: 'n'.repeat(1001) } });
      assert.deepEqual(
        huge?.map(({ path, code, max }) => ({ path, code, max })),
        [{ path: 'author.name', code: 'too-long', max: 1000 }],
      );
      // An edit's text follows the same rules, with the same codes.
      const { comment, editToken } = await t.post('/c', 'ok', { author: { name: 'Ada' } });
      const edit = await t.send(
        'PATCH',
        `/api/v1/comments/${comment.id}`,
        { body: '  ' },
        { authorization: `Bearer ${editToken}` },
      );
      assert.deepEqual((await problemOf(edit)).errors, [{ path: 'body', message: 'must not be empty', code: 'required' }]);
      // A rule no reader can fix has no code.
      const off = await post({ site: 'demo', page: '/c', body: 'x', url: 'https://evil.example/', author: { name: 'Ada' } });
      assert.deepEqual(off, [{ path: 'url', message: "must be on one of the site's origins" }]);
    });

    test('required name and e-mail are enforced when the site asks for them', async () => {
      const t = await testApp(backend, { requireName: true, requireEmail: true });
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/r', body: 'x' });
      assert.equal(res.status, 422);
      assert.deepEqual((await problemOf(res)).errors?.map((e) => e.path).sort(), ['author.email', 'author.name']);
    });

    test('text is NFC-normalised and stripped of control characters', async () => {
      const t = await testApp(backend);
      const posted = await t.post('/n', 'Cafe\u0301\u0007 ok\u202Egnp.exe\u0000\r\nline two', {
        author: { name: 'Zoe\u0308\u001b[31m\n' },
        title: 'T\u0301itle',
      });
      assert.equal(posted.comment.body, 'Caf\u00e9 okgnp.exe\nline two');
      assert.equal(posted.comment.author?.name, 'Zoë[31m');
      assert.equal(posted.comment.html, '<p>Caf\u00e9 okgnp.exe<br />\nline two</p>');
      assert.equal((await t.list('/n')).page.title, 'T\u0301itle'.normalize('NFC'));
    });

    test('markdown is rendered without raw HTML, images or unsafe links', async () => {
      const t = await testApp(backend);
      const html = async (body: string) => (await t.post('/md', body)).comment.html;
      assert.equal(await html('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      assert.equal(await html('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
      assert.doesNotMatch(await html('![cat](https://example.com/cat.png)'), /<img/);
      assert.equal(
        await html('[site](https://example.com)'),
        '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">site</a></p>',
      );
      assert.doesNotMatch(await html('[x](javascript:alert(1))'), /href/);
      assert.doesNotMatch(await html('[x](data:text/html,hi)'), /href/);
      assert.match(
        await html('[mail](mailto:a@example.com)'),
        /href="mailto:a@example.com" rel="nofollow ugc noopener noreferrer"/,
      );
      assert.match(
        await html('see https://example.com/x'),
        /<a href="https:\/\/example.com\/x" rel="nofollow ugc noopener noreferrer">/,
      );
      assert.equal(await html('`code` and **bold**'), '<p><code>code</code> and <strong>bold</strong></p>');
      assert.equal(await html('> quoted'), '<blockquote>\n<p>quoted</p>\n</blockquote>');
      assert.equal(await html('- a\n- b'), '<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
      assert.equal(await html('1. a\n2. b'), '<ol>\n<li>a</li>\n<li>b</li>\n</ol>');
      // Code blocks, fenced or indented, keep their text as text; a language class is not kept.
      assert.equal(await html('```js\nconst a = <b>;\n```'), '<pre><code>const a = &lt;b&gt;;\n</code></pre>');
      // (The body is trimmed, so an indented block needs text before it.)
      assert.equal(await html('see:\n\n    indented <i>'), '<p>see:</p>\n<pre><code>indented &lt;i&gt;\n</code></pre>');
      assert.equal(
        await html('<https://example.com/a>'),
        '<p><a href="https://example.com/a" rel="nofollow ugc noopener noreferrer">https://example.com/a</a></p>',
      );
    });

    test('rate limit per IP prefix: 429 with Retry-After; /24 and /48 share a bucket', async () => {
      let clock = 1_700_000_000_000;
      const t = await testApp(backend, { rateLimitPerMinute: 2, rateLimitPerHour: 0 }, () => clock);
      t.setIp('203.0.113.7');
      await t.post('/rl', 'one');
      t.setIp('203.0.113.200');
      await t.post('/rl', 'two');
      t.setIp('203.0.113.9');
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/rl', body: 'three' });
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '60');
      assert.equal((await problemOf(res)).code, 'rate-limited');
      t.setIp('203.0.114.7');
      await t.post('/rl', 'another /24');
      clock += 30_000;
      t.setIp('203.0.113.7');
      const later = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/rl', body: 'x' });
      assert.equal(later.status, 429);
      assert.equal(later.headers.get('retry-after'), '30');
      clock += 30_001;
      await t.post('/rl', 'after the minute');

      t.setIp('2001:db8:1:2::1');
      await t.post('/rl6', 'one');
      t.setIp('2001:db8:1:ffff:1:2:3:4');
      await t.post('/rl6', 'two');
      t.setIp('2001:0db8:0001::9');
      assert.equal((await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/rl6', body: 'x' })).status, 429);
      t.setIp('2001:db8:2::1');
      await t.post('/rl6', 'another /48');
      assert.equal((await t.list('/rl')).page.count, 4);
    });
  });
}
