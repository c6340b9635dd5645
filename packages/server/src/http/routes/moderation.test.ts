import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KyselyStorage } from '../../storage/kysely-storage.js';
import type { Storage } from '../../storage/types.js';
import { backends, testApp } from '../../test-support.js';

/** Moderation modes and the link limit: what is held, and the reason stored for moderators. */

/** Approves a comment as a moderator would (the admin API is another module's). */
async function approve(storage: Storage, id: string): Promise<void> {
  assert.ok(storage instanceof KyselyStorage);
  await storage.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
}

for (const backend of backends) {
  describe(`moderation modes on ${backend.name}`, () => {
    /** Posts and answers `status` or `status/reason` as stored. */
    async function outcome(t: Awaited<ReturnType<typeof testApp>>, body: string, extra: Record<string, unknown> = {}) {
      const { comment } = await t.post('/m', body, extra);
      const stored = await t.storage.getComment(comment.id);
      assert.equal(stored?.status, comment.status);
      return { id: comment.id, is: `${comment.status}${stored?.heldReason ? `/${stored.heldReason}` : ''}` };
    }

    test('none publishes at once; all holds everything with reason moderation-all', async () => {
      const none = await testApp(backend, { moderation: 'none' });
      assert.equal((await outcome(none, 'hello')).is, 'approved');
      const all = await testApp(backend, { moderation: 'all' });
      assert.equal((await outcome(all, 'hello')).is, 'pending/moderation-all');
      assert.equal((await all.list('/m')).page.count, 0);
    });

    test('links holds comments with any link (autolinks too) and nothing else', async () => {
      const t = await testApp(backend, { moderation: 'links' });
      assert.equal((await outcome(t, 'plain words, example dot com')).is, 'approved');
      assert.equal((await outcome(t, 'see https://example.com')).is, 'pending/links');
      assert.equal((await outcome(t, 'see [this](https://example.com/x)')).is, 'pending/links');
      // A website in the author fields is not a link in the comment.
      assert.equal((await outcome(t, 'no link here', { author: { website: 'https://ada.example' } })).is, 'approved');
    });

    test('in every mode, more links than the link limit are held; 0 turns the limit off', async () => {
      const t = await testApp(backend, { moderation: 'none', linkLimit: 2 });
      const links = (n: number) => Array.from({ length: n }, (_, i) => `https://e${i}.example`).join(' and ');
      assert.equal((await outcome(t, links(2))).is, 'approved');
      assert.equal((await outcome(t, links(3))).is, 'pending/links');
      const byDefault = await testApp(backend);
      assert.equal((await outcome(byDefault, links(3))).is, 'approved', 'default limit is 3');
      assert.equal((await outcome(byDefault, links(4))).is, 'pending/links');
      const off = await testApp(backend, { linkLimit: 0 });
      assert.equal((await outcome(off, links(20))).is, 'approved');
    });

    test('first holds a first comment; once one is approved the commenter (by e-mail) is trusted', async () => {
      const t = await testApp(backend, { moderation: 'first' });
      const ada = { author: { name: 'Ada', email: 'Ada@Example.org' } };
      const first = await outcome(t, 'hello', ada);
      assert.equal(first.is, 'pending/first-comment');
      // Until a moderator approves one, the next is held too.
      const second = await outcome(t, 'me again', ada);
      assert.equal(second.is, 'pending/first-comment');
      await approve(t.storage, first.id);
      assert.equal((await outcome(t, 'trusted now', { author: { email: 'ada@example.org' } })).is, 'approved');
      // The e-mail is who they are, from any network.
      t.setIp('192.0.2.44');
      assert.equal((await outcome(t, 'from elsewhere', ada)).is, 'approved');
      // Someone else from Ada's network, with another or no e-mail, is not Ada.
      t.setIp('203.0.113.7');
      assert.equal((await outcome(t, 'hi', { author: { email: 'bob@example.org' } })).is, 'pending/first-comment');
      assert.equal((await outcome(t, 'hi')).is, 'pending/first-comment');
    });

    test('first without an e-mail knows the commenter by IP prefix; a trusted commenter is still held for links', async () => {
      const t = await testApp(backend, { moderation: 'first', linkLimit: 1 });
      t.setIp('198.51.100.10');
      const first = await outcome(t, 'anonymous hello');
      assert.equal(first.is, 'pending/first-comment');
      await approve(t.storage, first.id);
      t.setIp('198.51.100.99');
      assert.equal((await outcome(t, 'same household')).is, 'approved');
      assert.equal((await outcome(t, 'https://a.example https://b.example')).is, 'pending/links');
      t.setIp('198.51.101.10');
      assert.equal((await outcome(t, 'next network')).is, 'pending/first-comment');
      // Trust is per site: approvals elsewhere do not count (testApp makes a fresh site each time).
      const other = await testApp(backend, { moderation: 'first' });
      other.setIp('198.51.100.10');
      assert.equal((await outcome(other, 'new site')).is, 'pending/first-comment');
    });

    test('a blocked word is the reason shown even where another rule would hold too', async () => {
      const t = await testApp(backend, { moderation: 'all', blockedWords: ['spam'] });
      assert.equal((await outcome(t, 'this is spam https://x.example')).is, 'pending/blocked-word');
      assert.equal(
        (await outcome(t, 'https://x.example https://y.example https://z.example https://w.example')).is,
        'pending/links',
      );
    });
  });
}
