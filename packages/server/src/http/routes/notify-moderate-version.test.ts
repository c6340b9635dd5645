import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/**
 * The approve link of a moderator mail opens a page that shows the held comment; its button sends
 * back the version shown (`v`), so the approval publishes that text only. An author who rewrites
 * the comment after the page was opened gets nothing published: the page says so and shows the
 * new text with a fresh button.
 */

const form = (v: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ v }).toString(),
});

for (const backend of backends) {
  describe(`moderation link confirm page (${backend.name})`, () => {
    test('approving with the version the page showed publishes nothing once the author changed the text', async () => {
      const s = await notifyStack(backend, { moderation: 'all' });
      const posted = await s.post('/m', 'A harmless first comment', { author: { name: 'Ada' }, title: 'M' });
      await s.drain();
      const approve = local(linkIn(s.sink.to('mod@example.org')[0]?.parsed.text, `${PUBLIC}/notify/moderate?action=approve`));
      const page = await (await s.app.request(approve)).text();
      assert.match(page, /A harmless first comment/);
      const shown = /name="v" value="([^"]+)"/.exec(page)?.[1] ?? '';
      assert.notEqual(shown, '', 'the button carries the version shown');

      const edit = await s.send(
        'PATCH',
        `/api/v1/comments/${posted.comment.id}`,
        { body: 'Buy pills at https://spam.example/' },
        { authorization: `Bearer ${posted.editToken}` },
      );
      assert.equal(edit.status, 200);
      const stale = await s.app.request(approve, form(shown));
      assert.equal(stale.status, 200);
      const again = await stale.text();
      assert.match(again, /This comment was changed after this page was opened, so nothing was done/);
      assert.match(again, /Buy pills at https:\/\/spam\.example\//);
      assert.deepEqual((await s.list('/m')).comments, [], 'nothing was published');

      const fresh = /name="v" value="([^"]+)"/.exec(again)?.[1] ?? '';
      assert.notEqual(fresh, shown);
      assert.match(await (await s.app.request(approve, form(fresh))).text(), /Approved/);
      assert.deepEqual(
        (await s.list('/m')).comments.map((c) => c.body),
        ['Buy pills at https://spam.example/'],
      );
    });

    test('a comment approved by link shows at once, even where listings trust a page for a while (listFreshMs)', async () => {
      const s = await notifyStack(backend, { moderation: 'all' }, {}, undefined, { listFreshMs: 60_000 });
      await s.post('/fresh', 'Held, then approved by mail', { author: { name: 'Ada' }, title: 'F' });
      await s.drain();
      assert.deepEqual((await s.list('/fresh')).comments, [], 'held: not listed, and the page is now remembered');
      const approve = local(linkIn(s.sink.to('mod@example.org')[0]?.parsed.text, `${PUBLIC}/notify/moderate?action=approve`));
      const shown = /name="v" value="([^"]+)"/.exec(await (await s.app.request(approve)).text())?.[1] ?? '';
      assert.match(await (await s.app.request(approve, form(shown))).text(), /Approved/);
      assert.deepEqual(
        (await s.list('/fresh')).comments.map((c) => c.body),
        ['Held, then approved by mail'],
      );
    });
  });
}
