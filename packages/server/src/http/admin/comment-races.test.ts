import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AdminComment } from '../../domain/admin-present.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

/**
 * An author and a moderator (or the author in two tabs) changing one comment at the same moment:
 * each write is conditional on what its request read, so whatever interleaving the runs hit, every
 * acknowledged answer stays true. The loops run the requests concurrently many times because
 * which one reads first is up to the scheduler; each iteration checks the invariants, not an order.
 */

/** Runs of each race: enough that both orders (and the interleaved one) occur on both databases. */
const RUNS = 30;
const LINKED = 'now with a link https://spam.example/x';

for (const backend of backends) {
  describe(`concurrent changes to one comment (${backend.name})`, () => {
    test("the author's edit racing their own delete never brings the deleted comment back", async () => {
      // `links`: the edit sends the published comment back to the queue, as in the reported case.
      const t = await adminApp(backend, { settings: { moderation: 'links' } });
      const seen = new Set<string>();
      for (let i = 0; i < RUNS; i++) {
        const p = await t.post(`/edit-delete-${i}`, 'original text');
        const auth = { authorization: `Bearer ${p.editToken}` };
        const [edit, del] = await Promise.all([
          t.send('PATCH', `/api/v1/comments/${p.comment.id}`, { body: LINKED }, auth),
          t.send('DELETE', `/api/v1/comments/${p.comment.id}`, undefined, auth),
        ]);
        seen.add(`${edit.status}/${del.status}`);
        assert.equal(del.status, 204, 'the delete is always acknowledged');
        // Before the delete the edit lands (200); after it, it meets a deleted comment (404, as always).
        assert.ok(edit.status === 200 || edit.status === 404, `edit answered ${edit.status}`);
        if (edit.status === 404) assert.equal((await problemOf(edit)).code, 'comment-not-found');
        const row = await t.storage.getComment(p.comment.id);
        assert.deepEqual({ status: row?.status, body: row?.body, html: row?.html }, { status: 'deleted', body: '', html: '' });
      }
      const queue = await t.owner.json<{ comments: AdminComment[] }>('GET', '/api/admin/queue');
      assert.deepEqual(queue.comments, [], 'no deleted comment waits in the queue');
      assert.ok(seen.size > 0);
    });

    test("a moderator's edit racing the author's delete never writes text into the deleted row", async () => {
      const t = await adminApp(backend);
      for (let i = 0; i < RUNS; i++) {
        const p = await t.post(`/mod-edit-${i}`, 'second');
        const [edit, del] = await Promise.all([
          t.owner.req('PATCH', `/api/admin/comments/${p.comment.id}`, { body: 'moderator wording' }),
          t.send('DELETE', `/api/v1/comments/${p.comment.id}`, undefined, { authorization: `Bearer ${p.editToken}` }),
        ]);
        assert.equal(del.status, 204);
        if (edit.status !== 200) {
          assert.equal(edit.status, 409);
          assert.equal((await problemOf(edit)).code, 'comment-deleted');
        }
        const row = await t.storage.getComment(p.comment.id);
        assert.deepEqual({ status: row?.status, body: row?.body }, { status: 'deleted', body: '' });
      }
    });

    test("marking spam while the author edits: the moderator's acknowledged decision stands", async () => {
      const t = await adminApp(backend, { settings: { moderation: 'links' } });
      for (let i = 0; i < RUNS; i++) {
        const p = await t.post(`/spam-edit-${i}`, 'original text');
        const [edit, spam] = await Promise.all([
          t.send('PATCH', `/api/v1/comments/${p.comment.id}`, { body: LINKED }, { authorization: `Bearer ${p.editToken}` }),
          t.owner.req('POST', `/api/admin/comments/${p.comment.id}/spam`),
        ]);
        const row = await t.storage.getComment(p.comment.id);
        assert.equal(edit.status, 200, 'the author may edit a comment marked spam, as at any other time');
        if (spam.status === 200) {
          // Spam first, then the edit (which keeps it spam); or the edit, then spam on the edited text.
          assert.deepEqual({ status: row?.status, body: row?.body }, { status: 'spam', body: LINKED });
        } else {
          // The edit came between the moderator's read and write: refused, for a reload, not overruled.
          assert.equal(spam.status, 409);
          assert.equal((await problemOf(spam)).code, 'conflict');
          assert.deepEqual({ status: row?.status, body: row?.body }, { status: 'pending', body: LINKED });
        }
      }
    });

    test('approving with the version the moderator saw publishes nothing once the author changed the text', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const p = await t.post('/unseen', 'A harmless first comment');
      const [seen] = (await t.owner.json<{ comments: AdminComment[] }>('GET', '/api/admin/queue')).comments;
      assert.equal(seen?.body, 'A harmless first comment');
      const edit = await t.send(
        'PATCH',
        `/api/v1/comments/${p.comment.id}`,
        { body: 'Buy pills at https://spam.example/' },
        { authorization: `Bearer ${p.editToken}` },
      );
      assert.equal(edit.status, 200);
      for (const action of ['approve', 'reject', 'spam']) {
        const stale = await t.owner.req('POST', `/api/admin/comments/${p.comment.id}/${action}`, { version: seen?.version });
        assert.equal(stale.status, 409, action);
        assert.equal((await problemOf(stale)).code, 'conflict');
      }
      const bulk = await t.owner.json<{ results: unknown[] }>('POST', '/api/admin/comments/bulk', {
        action: 'approve',
        ids: [p.comment.id],
        versions: { [p.comment.id]: seen?.version },
      });
      assert.deepEqual(bulk.results, [{ id: p.comment.id, ok: false, code: 'conflict' }]);
      const reply = await t.owner.req('POST', `/api/admin/comments/${p.comment.id}/reply`, {
        body: 'Thanks',
        version: seen?.version,
      });
      assert.equal(reply.status, 409, 'a reply approves its held parent, so it is pinned to the parent too');
      assert.deepEqual((await t.list('/unseen')).comments, [], 'nothing was published');
      assert.equal((await t.storage.getComment(p.comment.id))?.status, 'pending');

      // Reloaded, the moderator sees the new text and decides on it.
      const now = await t.owner.json<{ comment: AdminComment }>('GET', `/api/admin/comments/${p.comment.id}`);
      assert.equal(now.comment.body, 'Buy pills at https://spam.example/');
      assert.notEqual(now.comment.version, seen?.version);
      const rejected = await t.owner.json<{ comment: AdminComment }>('POST', `/api/admin/comments/${p.comment.id}/reject`, {
        version: now.comment.version,
      });
      assert.equal(rejected.comment.status, 'rejected');
    });

    test('a moderator edit with a stale version is refused, and one without a version works as before', async () => {
      const t = await adminApp(backend);
      const p = await t.post('/mod-edit', 'first words');
      const { comment: seen } = await t.owner.json<{ comment: AdminComment }>('GET', `/api/admin/comments/${p.comment.id}`);
      await t.send(
        'PATCH',
        `/api/v1/comments/${p.comment.id}`,
        { body: 'second words' },
        { authorization: `Bearer ${p.editToken}` },
      );
      const stale = await t.owner.req('PATCH', `/api/admin/comments/${p.comment.id}`, { body: 'mod', version: seen.version });
      assert.equal(stale.status, 409);
      assert.equal((await t.storage.getComment(p.comment.id))?.body, 'second words');
      const blind = await t.owner.json<{ comment: AdminComment }>('PATCH', `/api/admin/comments/${p.comment.id}`, {
        body: 'mod',
      });
      assert.equal(blind.comment.body, 'mod');
      const bad = await t.owner.req('POST', `/api/admin/comments/${p.comment.id}/approve`, { version: 7 });
      assert.equal((await problemOf(bad)).code, 'invalid-fields');
    });
  });
}
