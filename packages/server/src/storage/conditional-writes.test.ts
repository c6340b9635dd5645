import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { backends } from '../test-support.js';
import { adminModerationStorageOf } from './admin-moderation-storage.js';
import type { KyselyStorage } from './kysely-storage.js';
import type { OutboxTable } from './outbox-queue.js';
import type { CommentVersion, NewComment, OutboxEntry, Storage } from './types.js';

/**
 * Every write that changes a comment's status or text happens only while the comment is still at
 * the version its caller read (`CommentVersion`), and a write that finds it changed writes nothing,
 * its outbox entries included. The HTTP races built on this are in `http/admin/comment-races.test.ts`.
 */

let seq = 0;
function draft(over: Partial<NewComment> = {}): NewComment {
  seq += 1;
  return {
    id: `w${seq}`,
    siteId: 's',
    page: { key: '/p', url: 'https://example.com/p', title: 'P' },
    parentId: null,
    rootId: null,
    depth: 0,
    authorName: 'Ada',
    authorEmail: null,
    authorWebsite: null,
    body: 'first',
    html: '<p>first</p>',
    status: 'approved',
    createdAt: 1_700_000_000_000 + seq,
    editTokenHash: 'hash',
    ipHash: null,
    ...over,
  };
}

const OUTBOX: OutboxEntry[] = [{ siteId: 's', kind: 'webhook', payload: { test: true } }];
const AT_FIRST: CommentVersion = { status: 'approved', editedAt: null };

async function outboxRows(storage: Storage): Promise<number> {
  const db = (storage as KyselyStorage).db.withTables<{ outbox: OutboxTable }>();
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const backend of backends) {
  describe(`conditional comment writes on ${backend.name}`, () => {
    const open = async () => {
      const storage = await backend.open();
      await storage.createSite(buildSite({ id: 's', origins: ['https://example.com'] }, 1));
      return storage;
    };
    const edit = (id: string, expected: CommentVersion, body: string, editedAt: number) => ({
      id,
      expected,
      body,
      html: `<p>${body}</p>`,
      editedAt,
      outbox: OUTBOX,
    });

    test('an edit at a stale status or edit time writes nothing and queues nothing', async () => {
      const storage = await open();
      const { comment } = await storage.insertComment(draft());
      const second = await storage.updateCommentBody(edit(comment.id, AT_FIRST, 'second', 5_000));
      assert.equal(second?.body, 'second');
      assert.equal(await outboxRows(storage), 1);
      // Both read the first version; the second writer must not overwrite what the first wrote.
      assert.equal(await storage.updateCommentBody(edit(comment.id, AT_FIRST, 'stale', 6_000)), undefined);
      const wrongStatus = { status: 'pending' as const, editedAt: 5_000 };
      assert.equal(await storage.updateCommentBody(edit(comment.id, wrongStatus, 'stale', 6_000)), undefined);
      assert.equal((await storage.getComment(comment.id))?.body, 'second');
      assert.equal(await outboxRows(storage), 1, 'a refused write queues no mail or webhook');
    });

    test("an edit's stored time is later than the version it replaces, even from a clock behind", async () => {
      const storage = await open();
      const { comment } = await storage.insertComment(draft());
      await storage.updateCommentBody(edit(comment.id, AT_FIRST, 'second', 9_000));
      const third = await storage.updateCommentBody(edit(comment.id, { status: 'approved', editedAt: 9_000 }, 'third', 4_000));
      assert.equal(third?.editedAt, 9_001);
    });

    test('a delete at a stale version keeps the text; at the current one it wipes it', async () => {
      const storage = await open();
      const { comment } = await storage.insertComment(draft());
      await storage.updateCommentBody(edit(comment.id, AT_FIRST, 'second', 5_000));
      assert.equal(await storage.softDeleteComment(comment.id, AT_FIRST, OUTBOX), false);
      assert.equal((await storage.getComment(comment.id))?.body, 'second');
      assert.equal(await storage.softDeleteComment(comment.id, { status: 'approved', editedAt: 5_000 }, OUTBOX), true);
      const gone = await storage.getComment(comment.id);
      assert.deepEqual([gone?.status, gone?.body], ['deleted', '']);
      assert.equal(await storage.softDeleteComment(comment.id, { status: 'approved', editedAt: 5_000 }), false);
      // Nothing writes text into a deleted row: its version is never one a writer read before.
      assert.equal(
        await storage.updateCommentBody(edit(comment.id, { status: 'approved', editedAt: 5_000 }, 'back', 6_000)),
        undefined,
      );
      assert.equal((await storage.getComment(comment.id))?.body, '');
      assert.equal(await outboxRows(storage), 2);
    });

    test('a status move needs the text it was decided on; unpublishing unpins; only an approved comment pins', async () => {
      const storage = await open();
      const mod = adminModerationStorageOf(storage);
      const { comment } = await storage.insertComment(draft({ status: 'pending' }));
      await storage.updateCommentBody(edit(comment.id, { status: 'pending', editedAt: null }, 'changed', 5_000));
      assert.equal(await mod.moveStatus(comment.id, { status: 'pending', editedAt: null }, 'approved', OUTBOX, 1), false);
      assert.equal((await storage.getComment(comment.id))?.status, 'pending');
      assert.equal(await mod.setPinned(comment.id, true), false, 'a held comment cannot be pinned');
      assert.equal(await mod.moveStatus(comment.id, { status: 'pending', editedAt: 5_000 }, 'approved', OUTBOX, 1), true);
      assert.equal(await mod.setPinned(comment.id, true), true);
      assert.equal(await mod.moveStatus(comment.id, { status: 'approved', editedAt: 5_000 }, 'rejected', [], 2), true);
      const rejected = await storage.getComment(comment.id);
      assert.deepEqual([rejected?.status, rejected?.pinned], ['rejected', false]);
      assert.equal(await outboxRows(storage), 2, 'the refused move queued nothing');
    });
  });
}
