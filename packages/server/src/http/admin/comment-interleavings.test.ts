import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Storage } from '../../storage/types.js';
import { type Backend, backends, problemOf } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

/**
 * The races of `comment-races.test.ts` in one fixed order each: another request's change lands
 * after this request read the comment and before it writes. On SQLite the in-process scheduler
 * almost always runs such pairs one way, so the looped races alone would leave this order untried.
 * The hook runs the other request through the app itself, just before the write is sent.
 */

type Write = 'updateCommentBody' | 'softDeleteComment';

/** A backend whose storage runs `before()` once, the next time `write` is about to be sent. */
function interposing(backend: Backend) {
  let pending: { write: string; before: () => Promise<unknown> } | undefined;
  const wrapped: Backend = {
    name: backend.name,
    async open() {
      const storage = await backend.open();
      for (const write of ['updateCommentBody', 'softDeleteComment'] as const) {
        const real = storage[write].bind(storage) as (...args: unknown[]) => Promise<unknown>;
        (storage as unknown as Record<Write, unknown>)[write] = async (...args: unknown[]) => {
          const hook = pending?.write === write ? pending : undefined;
          if (hook) {
            pending = undefined;
            await hook.before();
          }
          return real(...args);
        };
      }
      return storage;
    },
  };
  return {
    backend: wrapped,
    /** Runs `before` when `write` is next about to be sent (once). */
    next(write: Write, before: () => Promise<unknown>) {
      pending = { write, before };
    },
  };
}

/** The moderator storage's status move, hooked the same way (it lives on another object). */
function beforeMove(t: { app: { moderation: { mod: object } } }, before: () => Promise<unknown>) {
  const mod = t.app.moderation.mod as { moveStatus: (...args: unknown[]) => Promise<boolean> };
  const real = mod.moveStatus.bind(mod);
  mod.moveStatus = async (...args: unknown[]) => {
    mod.moveStatus = real;
    await before();
    return real(...args);
  };
}

const stored = async (storage: Storage, id: string) => {
  const row = await storage.getComment(id);
  return { status: row?.status, body: row?.body };
};

for (const base of backends) {
  describe(`a change landing between a request's read and its write (${base.name})`, () => {
    test("the author's delete between an edit's read and write: the edit is 404, the comment stays deleted", async () => {
      const hook = interposing(base);
      const t = await adminApp(hook.backend, { settings: { moderation: 'links' } });
      const p = await t.post('/a', 'original text');
      const auth = { authorization: `Bearer ${p.editToken}` };
      let deleted = 0;
      hook.next('updateCommentBody', async () => {
        deleted = (await t.send('DELETE', `/api/v1/comments/${p.comment.id}`, undefined, auth)).status;
      });
      const edit = await t.send('PATCH', `/api/v1/comments/${p.comment.id}`, { body: 'with https://spam.example/' }, auth);
      assert.equal(deleted, 204);
      assert.equal(edit.status, 404);
      assert.equal((await problemOf(edit)).code, 'comment-not-found');
      assert.deepEqual(await stored(t.storage, p.comment.id), { status: 'deleted', body: '' });
    });

    test("the author's delete between a moderator edit's read and write: 409 comment-deleted, no text written", async () => {
      const hook = interposing(base);
      const t = await adminApp(hook.backend);
      const p = await t.post('/b', 'original text');
      hook.next('updateCommentBody', async () => {
        await t.send('DELETE', `/api/v1/comments/${p.comment.id}`, undefined, { authorization: `Bearer ${p.editToken}` });
      });
      const edit = await t.owner.req('PATCH', `/api/admin/comments/${p.comment.id}`, { body: 'moderator wording' });
      assert.equal(edit.status, 409);
      assert.equal((await problemOf(edit)).code, 'comment-deleted');
      assert.deepEqual(await stored(t.storage, p.comment.id), { status: 'deleted', body: '' });
    });

    test("a moderator's spam between an author edit's read and write: the edit applies to the spam comment, which stays spam", async () => {
      const hook = interposing(base);
      const t = await adminApp(hook.backend, { settings: { moderation: 'links' } });
      const p = await t.post('/c', 'original text');
      let spam = 0;
      hook.next('updateCommentBody', async () => {
        spam = (await t.owner.req('POST', `/api/admin/comments/${p.comment.id}/spam`)).status;
      });
      const edit = await t.send(
        'PATCH',
        `/api/v1/comments/${p.comment.id}`,
        { body: 'with https://spam.example/' },
        { authorization: `Bearer ${p.editToken}` },
      );
      assert.equal(spam, 200);
      assert.equal(edit.status, 200);
      assert.deepEqual(await stored(t.storage, p.comment.id), { status: 'spam', body: 'with https://spam.example/' });
    });

    test("the author's edit between a moderator's read and status change: 409, the edit is neither published nor overruled", async () => {
      const t = await adminApp(base, { settings: { moderation: 'all' } });
      for (const action of ['approve', 'spam']) {
        const p = await t.post(`/d-${action}`, 'A harmless first comment');
        beforeMove(t, async () => {
          await t.send(
            'PATCH',
            `/api/v1/comments/${p.comment.id}`,
            { body: 'Buy pills' },
            { authorization: `Bearer ${p.editToken}` },
          );
        });
        // No version sent: even so the decision is conditional on what this request read.
        const decision = await t.owner.req('POST', `/api/admin/comments/${p.comment.id}/${action}`);
        assert.equal(decision.status, 409, action);
        assert.equal((await problemOf(decision)).code, 'conflict');
        assert.deepEqual(await stored(t.storage, p.comment.id), { status: 'pending', body: 'Buy pills' });
      }
      assert.deepEqual((await t.list('/d-approve')).comments, [], 'nothing was published');
    });

    test("a moderator's delete between the author's delete read and write: deleted once, the author's request finds it gone (404)", async () => {
      const hook = interposing(base);
      const t = await adminApp(hook.backend);
      const p = await t.post('/e', 'original text');
      let moderator = 0;
      hook.next('softDeleteComment', async () => {
        moderator = (await t.owner.req('DELETE', `/api/admin/comments/${p.comment.id}`)).status;
      });
      const del = await t.send('DELETE', `/api/v1/comments/${p.comment.id}`, undefined, {
        authorization: `Bearer ${p.editToken}`,
      });
      assert.equal(moderator, 204);
      // The author's retry reads a deleted comment: 404, as for any deleted comment.
      assert.equal(del.status, 404);
      assert.deepEqual(await stored(t.storage, p.comment.id), { status: 'deleted', body: '' });
    });
  });
}
