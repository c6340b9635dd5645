import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SiteSettings } from '../../storage/types.js';
import { type ApiComment, backends, problemOf, testApp } from '../../test-support.js';

/**
 * An edit is screened as a post is: blocked words refuse or hold it, and a published comment
 * whose new text a new post could not publish at once (links in `links` mode, more links than
 * the limit, `all` mode) goes back to the moderation queue. An edit never publishes a held one.
 */

for (const backend of backends) {
  describe(`edits re-screened on ${backend.name}`, () => {
    async function setup(settings: Partial<SiteSettings>, first = 'plain words') {
      const t = await testApp(backend, settings);
      const posted = await t.post('/s', first, { author: { name: 'Ada', email: 'ada@example.org' } });
      const patch = (body: string) =>
        t.send('PATCH', `/api/v1/comments/${posted.comment.id}`, { body }, { authorization: `Bearer ${posted.editToken}` });
      const edited = async (body: string) => {
        const res = await patch(body);
        assert.equal(res.status, 200);
        return ((await res.json()) as { comment: ApiComment }).comment;
      };
      const stored = async () => t.storage.getComment(posted.comment.id);
      return { t, posted, patch, edited, stored };
    }

    test('a blocked word in the edit is refused (422 blocked-word) and the old text stays', async () => {
      const { t, posted, patch, stored } = await setup({ blockedWords: ['viagra'], blockedWordsAction: 'refuse' });
      assert.equal(posted.comment.status, 'approved');
      const res = await patch('cheap Viagra here');
      assert.equal(res.status, 422);
      assert.equal((await problemOf(res)).code, 'blocked-word');
      assert.equal((await stored())?.body, 'plain words');
      assert.equal((await t.list('/s')).comments[0]?.body, 'plain words');
      // A word that merely contains it is not blocked (whole words), as for posts.
      assert.equal((await patch('viagrafication')).status, 200);
    });

    test('a blocked word with action hold sends the edited comment back to the queue', async () => {
      const { t, edited, stored } = await setup({ blockedWords: ['viagra'], blockedWordsAction: 'hold' });
      const c = await edited('cheap viagra here');
      assert.equal(c.status, 'pending');
      assert.equal((await stored())?.heldReason, 'blocked-word');
      assert.equal((await t.list('/s')).comments.length, 0);
    });

    test('moderation mode links: adding a link holds the published comment; text without links stays published', async () => {
      const { t, edited, stored } = await setup({ moderation: 'links' });
      assert.equal((await edited('still plain')).status, 'approved');
      assert.equal((await t.list('/s')).comments[0]?.body, 'still plain');
      const c = await edited('now with [a link](https://example.net/)');
      assert.equal(c.status, 'pending');
      assert.equal((await stored())?.heldReason, 'links');
      assert.equal((await t.list('/s')).comments.length, 0);
      // Taking the link out again does not publish it: only a moderator does.
      assert.equal((await edited('plain again')).status, 'pending');
      assert.equal((await t.list('/s')).comments.length, 0);
    });

    test('link limit: one link more than the limit holds, up to the limit stays published', async () => {
      const { edited, stored } = await setup({ moderation: 'none', linkLimit: 1 });
      assert.equal((await edited('one https://example.net/a')).status, 'approved');
      const c = await edited('two https://example.net/a https://example.net/b');
      assert.equal(c.status, 'pending');
      assert.equal((await stored())?.heldReason, 'links');
    });

    test('mode all holds every edit of a published comment; mode first trusts an approved commenter', async () => {
      const all = await setup({ moderation: 'all' });
      assert.equal(all.posted.comment.status, 'pending');
      await all.t.app.moderation.approve(
        { id: null, email: 'system', name: 'system', role: 'system', sites: [] },
        all.posted.comment.id,
      );
      assert.equal((await all.edited('changed')).status, 'pending');
      assert.equal((await all.stored())?.heldReason, 'moderation-all');

      const first = await setup({ moderation: 'first' });
      await first.t.app.moderation.approve(
        { id: null, email: 'system', name: 'system', role: 'system', sites: [] },
        first.posted.comment.id,
      );
      assert.equal((await first.edited('changed')).status, 'approved');
    });
  });
}
