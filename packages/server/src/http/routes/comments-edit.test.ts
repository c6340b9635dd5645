import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, type Posted, problemOf, testApp } from '../../test-support.js';

/** Editing and deleting an own comment with its edit token, inside the edit window. */

const WINDOW_MS = 15 * 60 * 1000;

for (const backend of backends) {
  describe(`editing and deleting comments on ${backend.name}`, () => {
    async function setup() {
      let clock = 1_700_000_000_000;
      const t = await testApp(backend, {}, () => clock);
      const posted = await t.post('/e', 'first *draft*', { author: { name: 'Ada' } });
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      return {
        t,
        ...posted,
        auth,
        advance(ms: number) {
          clock += ms;
        },
      };
    }

    test('PATCH with the token changes the body, re-renders it and sets editedAt', async () => {
      const { t, comment, editToken, auth, advance } = await setup();
      advance(60_000);
      const res = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'second **take**' }, auth(editToken));
      assert.equal(res.status, 200);
      const { comment: edited } = (await res.json()) as { comment: typeof comment };
      assert.equal(edited.id, comment.id);
      assert.equal(edited.body, 'second **take**');
      assert.equal(edited.html, '<p>second <strong>take</strong></p>');
      assert.equal(edited.editedAt, new Date(1_700_000_060_000).toISOString());
      assert.equal(edited.createdAt, comment.createdAt);
      const listed = (await t.list('/e')).comments[0];
      assert.equal(listed?.body, 'second **take**');
      assert.equal(listed?.editedAt, edited.editedAt);
    });

    test('PATCH without a token or with a wrong one is 401 and changes nothing', async () => {
      const { t, comment, auth } = await setup();
      const other = await t.post('/e', 'someone else');
      const attempts: Record<string, string>[] = [
        {},
        auth('x'.repeat(43)),
        auth(other.editToken),
        { authorization: 'Basic abc' },
        { authorization: 'Bearer' },
      ];
      for (const headers of attempts) {
        const res = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'hacked' }, headers);
        assert.equal(res.status, 401, JSON.stringify(headers));
        assert.equal((await problemOf(res)).code, 'unauthorized');
      }
      assert.equal((await t.list('/e')).comments.find((c) => c.id === comment.id)?.body, 'first *draft*');
    });

    test('PATCH and DELETE after the edit window are 403; at its last millisecond they work', async () => {
      const { t, comment, editToken, auth, advance } = await setup();
      advance(WINDOW_MS);
      const inside = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'just in time' }, auth(editToken));
      assert.equal(inside.status, 200);
      advance(1);
      const late = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'too late' }, auth(editToken));
      assert.equal(late.status, 403);
      assert.equal((await problemOf(late)).code, 'edit-window-over');
      const del = await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, auth(editToken));
      assert.equal(del.status, 403);
      assert.equal((await t.list('/e')).comments[0]?.body, 'just in time');
    });

    test('the edit window follows the site setting', async () => {
      let clock = 1_700_000_000_000;
      const t = await testApp(backend, { editWindowSeconds: 10 }, () => clock);
      const { comment, editToken } = await t.post('/w', 'x');
      clock += 10_001;
      const res = await t.send(
        'PATCH',
        `/api/v1/comments/${comment.id}`,
        { body: 'y' },
        { authorization: `Bearer ${editToken}` },
      );
      assert.equal(res.status, 403);
    });

    test('the post answer says until when its token edits: createdAt plus the site window, also on a replay', async () => {
      let clock = 1_700_000_000_000;
      const t = await testApp(backend, { editWindowSeconds: 10 }, () => clock);
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      const plain = await t.post('/u', 'without a key');
      assert.equal(plain.editableUntil, new Date(1_700_000_010_000).toISOString());
      const keyed = { site: 'demo', page: '/u', body: 'with a key' };
      const first = (await (
        await t.send('POST', '/api/v1/comments', keyed, { 'idempotency-key': 'key-of-this-post' })
      ).json()) as Posted;
      assert.equal(first.editableUntil, new Date(1_700_000_010_000).toISOString());
      clock += 5_000;
      // The site's window changes after the post: the replay still says what the post was told.
      const site = (await t.storage.getSite('demo'))!;
      await t.storage.updateSite({ ...site, settings: { ...site.settings, editWindowSeconds: 60 } });
      const replay = await t.send('POST', '/api/v1/comments', keyed, { 'idempotency-key': 'key-of-this-post' });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await replay.json()) as Posted).editableUntil, first.editableUntil);
      // It is the edit check's own limit: its last millisecond still edits.
      clock = Date.parse(plain.editableUntil!);
      const inside = await t.send('PATCH', `/api/v1/comments/${plain.comment.id}`, { body: 'in time' }, auth(plain.editToken));
      assert.equal(inside.status, 200);
    });

    test('a site without an edit window answers a post with editableUntil equal to createdAt', async () => {
      const t = await testApp(backend, { editWindowSeconds: 0 });
      const posted = await t.post('/z', 'no edits here');
      assert.equal(posted.editableUntil, posted.comment.createdAt);
    });

    test('PATCH validates the new body like a new comment', async () => {
      const { t, comment, editToken, auth } = await setup();
      for (const body of [' \u0007 ', 'x'.repeat(10_001)]) {
        const res = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body }, auth(editToken));
        assert.equal(res.status, 422);
        assert.equal((await problemOf(res)).errors?.[0]?.path, 'body');
      }
      const missing = await t.send('PATCH', `/api/v1/comments/${comment.id}`, {}, auth(editToken));
      assert.equal(missing.status, 422);
      const nfc = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'e\u0301\u202E' }, auth(editToken));
      assert.equal(((await nfc.json()) as { comment: { body: string } }).comment.body, '\u00e9');
    });

    test('PATCH or DELETE of an unknown comment is 404', async () => {
      const { t, editToken, auth } = await setup();
      for (const method of ['PATCH', 'DELETE']) {
        const res = await t.send(
          method,
          '/api/v1/comments/nosuchid',
          method === 'PATCH' ? { body: 'x' } : undefined,
          auth(editToken),
        );
        assert.equal(res.status, 404);
        assert.equal((await problemOf(res)).code, 'comment-not-found');
      }
    });

    test('PATCH or DELETE from an origin the site does not allow is 403 and changes nothing', async () => {
      const { t, comment, editToken } = await setup();
      const headers = { authorization: `Bearer ${editToken}`, origin: 'https://evil.example' };
      const patch = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'evil' }, headers);
      assert.equal(patch.status, 403);
      assert.equal((await problemOf(patch)).code, 'origin-not-allowed');
      const del = await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, headers);
      assert.equal(del.status, 403);
      assert.equal((await t.list('/e')).comments[0]?.body, 'first *draft*');
    });

    test('DELETE without replies: 204, and the comment disappears from list and count', async () => {
      const { t, comment, editToken, auth } = await setup();
      await t.post('/e', 'stays');
      const res = await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, auth(editToken));
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      const data = await t.list('/e');
      assert.deepEqual(
        data.comments.map((c) => c.body),
        ['stays'],
      );
      assert.equal(data.page.count, 1);
      const again = await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, auth(editToken));
      assert.equal(again.status, 404);
      const edit = await t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: 'back' }, auth(editToken));
      assert.equal(edit.status, 404);
    });

    test('DELETE with replies leaves a {deleted: true} node without author or text', async () => {
      const { t, comment, editToken, auth } = await setup();
      const child = await t.post('/e', 'a reply', { parentId: comment.id, author: { name: 'Bob' } });
      const res = await t.send('DELETE', `/api/v1/comments/${comment.id}`, undefined, auth(editToken));
      assert.equal(res.status, 204);
      const raw = await (await t.send('GET', '/api/v1/comments?site=demo&page=/e')).text();
      assert.ok(!raw.includes('draft') && !raw.includes('Ada'), 'the deleted text and name are gone from the answer');
      const data = JSON.parse(raw) as Awaited<ReturnType<typeof t.list>>;
      const node = data.comments[0];
      assert.equal(node?.id, comment.id);
      assert.equal(node?.deleted, true);
      assert.equal(node?.status, 'deleted');
      assert.equal(node?.author, null);
      assert.equal(node?.body, '');
      assert.equal(node?.html, '');
      assert.deepEqual(
        node?.replies?.map((r) => [r.id, r.body]),
        [[child.comment.id, 'a reply']],
      );
      assert.equal(data.page.count, 1, 'only the reply is counted');
      const replyToDeleted = await t.send('POST', '/api/v1/comments', {
        site: 'demo',
        page: '/e',
        body: 'x',
        parentId: comment.id,
      });
      assert.equal(replyToDeleted.status, 404);

      // Once the reply goes too, the husk goes with it.
      const gone = await t.send('DELETE', `/api/v1/comments/${child.comment.id}`, undefined, auth(child.editToken));
      assert.equal(gone.status, 204);
      assert.deepEqual((await t.list('/e')).comments, []);
    });
  });
}
