import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/**
 * Moderator digests list every comment that went to the queue since the last digest, also one
 * that was published before and is held again after an edit. They listed comments by the time
 * they were posted, so a comment posted before the last digest and held again later was mailed
 * only in the one-mail-per-comment mode, never in a digest.
 */

const HOUR = 3_600_000;

for (const backend of backends) {
  describe(`moderator digests on ${backend.name}`, () => {
    test('a comment held again after an edit is in the next digest, exactly once', async () => {
      let now = Date.now();
      const s = await notifyStack(
        backend,
        { moderation: 'links', editWindowSeconds: 24 * 3600 },
        { moderatorMail: 'digest', digestMinutes: 60 },
        () => now,
      );
      const digests = () => s.sink.to('mod@example.org');
      const edit = async (posted: { comment: { id: string }; editToken: string }, body: string) => {
        const res = await s.send(
          'PATCH',
          `/api/v1/comments/${posted.comment.id}`,
          { body },
          {
            authorization: `Bearer ${posted.editToken}`,
          },
        );
        assert.equal(res.status, 200, await res.clone().text());
        return (await res.json()) as { comment: { status: string } };
      };

      // Held when posted (a link), listed in the first digest, approved from it.
      const ann = await s.post('/a', 'see https://example.net/one', { author: { name: 'Ann' } });
      // Published when posted (no link).
      const bob = await s.post('/b', 'plain words', { author: { name: 'Bob' } });
      await s.drain();
      assert.equal(digests().length, 1);
      const first = digests()[0]!.parsed;
      assert.equal(first.subject, 'Comment awaiting moderation on /a');
      const approve = linkIn(first.text, `${PUBLIC}/notify/moderate?action=approve`);
      assert.equal((await s.app.request(local(approve), { method: 'POST' })).status, 200);

      // An hour on, both edits add a link: both comments go back to the queue.
      now += HOUR + 60_000;
      assert.equal((await edit(ann, 'see https://example.net/two')).comment.status, 'pending');
      assert.equal((await edit(bob, 'now see https://example.org/')).comment.status, 'pending');
      await s.drain();
      assert.equal(digests().length, 2, 'the second digest is sent');
      const second = digests()[1]!.parsed;
      assert.equal(second.subject, '2 comments awaiting moderation on demo');
      const text = second.text ?? '';
      assert.equal(text.match(/Approve: /g)?.length, 2);
      assert.match(text, /Ann/);
      assert.match(text, /Bob/);
      assert.match(text, /see https:\/\/example\.net\/two/);

      // Edited again while held, and another period later: nothing new went to the queue.
      now += 1000;
      await edit(ann, 'see https://example.net/three');
      now += HOUR + 60_000;
      await s.drain();
      assert.equal(digests().length, 2, 'no digest repeats a comment it listed');
    });
  });
}
