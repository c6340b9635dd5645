import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { moderationStorageOf } from '../../storage/moderation-storage.js';
import type { OutboxEntry } from '../../storage/types.js';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/**
 * A comment that readers' flags send back to the moderation queue is mailed to the moderators like
 * any held comment. It was not: in the one-mail-per-comment mode only posts and edits that were
 * held mailed, and digests listed it by when it was posted (flags did not set `held_at`), so a
 * comment posted before the last digest and flagged later was never mailed at all.
 */

const HOUR = 3_600_000;
const FLAGGERS = ['198.51.100.23', '192.0.2.77', '203.0.113.199'];

for (const backend of backends) {
  describe(`moderator mail for flagged comments on ${backend.name}`, () => {
    test('one-mail-per-comment mode: the flag that holds a comment mails the moderators once, without the flaggers', async () => {
      const s = await notifyStack(backend, { flagThreshold: 3 }, { moderatorMail: 'each' });
      const mails = () => s.sink.to('mod@example.org');
      const posted = await s.post('/a', 'a contested opinion', {
        author: { name: 'Ann', email: 'ann@example.net' },
        title: 'Page A',
      });
      assert.equal(posted.comment.status, 'approved');
      const flag = async (ip: string) => {
        s.setIp(ip);
        const res = await s.send('POST', `/api/v1/comments/${posted.comment.id}/flag`, {});
        assert.equal(res.status, 204, await res.clone().text());
      };

      for (const ip of FLAGGERS.slice(0, 2)) await flag(ip);
      await s.drain();
      assert.equal(mails().length, 0, 'below the threshold nothing is mailed');

      await flag(FLAGGERS[2]!);
      assert.equal((await s.storage.getComment(posted.comment.id))?.heldReason, 'flags');
      // Again by the same reader, and by a fourth: the comment is held already, no second mail.
      await flag(FLAGGERS[2]!);
      await flag('198.51.100.99');
      await s.drain();
      assert.equal(mails().length, 1);
      const mail = mails()[0]!;
      assert.equal(mail.parsed.subject, 'Comment awaiting moderation on Page A');
      const text = mail.parsed.text ?? '';
      assert.match(text, /Ann on Page A:/);
      assert.match(text, /> a contested opinion/);
      const all = `${mail.rawHeaders}\n${text}\n${String(mail.parsed.html)}`;
      for (const ip of [...FLAGGERS, '198.51.100.99', '203.0.113.7']) assert.ok(!all.includes(ip), `no IP ${ip} in the mail`);
      assert.ok(!all.includes('ann@example.net'), "no commenter's address in the mail");

      // Approved from the mail, then flagged by yet more readers: past the threshold, not held, not mailed.
      const approve = linkIn(text, `${PUBLIC}/notify/moderate?action=approve`);
      assert.equal((await s.app.request(local(approve), { method: 'POST' })).status, 200);
      assert.equal((await s.storage.getComment(posted.comment.id))?.status, 'approved');
      await flag('192.0.2.200');
      await s.drain();
      assert.equal(mails().length, 1, 'never a second mail for the same comment');
    });

    test('flags counted at the same moment: the one that reaches the threshold queues the planned mail, the rest do not', async () => {
      const s = await notifyStack(backend, { flagThreshold: 3 }, { moderatorMail: 'each' });
      const posted = await s.post('/c', 'everyone reports this', { author: { name: 'Cy' } });
      const moderation = moderationStorageOf(s.storage);
      const planned: OutboxEntry = { siteId: 'demo', kind: 'mail', payload: { planned: true } };
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => moderation.flag(posted.comment.id, `visitor-${i}`, Date.now(), 3, [planned])),
      );
      assert.equal(results.filter((r) => r.held).length, 1);
      assert.equal((await s.storage.getComment(posted.comment.id))?.heldReason, 'flags');
      assert.deepEqual(await s.outbox.outboxCounts(), { pending: 1 });
    });

    test('digest mode: a comment posted before the last digest and flagged later is in the next digest, once', async () => {
      let now = Date.now();
      const s = await notifyStack(backend, { flagThreshold: 2 }, { moderatorMail: 'digest', digestMinutes: 60 }, () => now);
      const digests = () => s.sink.to('mod@example.org');
      const posted = await s.post('/b', 'flag bait', { author: { name: 'Bob' } });
      // The first run sets the digest mark (nothing held yet: no mail).
      await s.drain();
      assert.equal(digests().length, 0);

      now += HOUR + 60_000;
      for (const ip of FLAGGERS.slice(0, 2)) {
        s.setIp(ip);
        assert.equal((await s.send('POST', `/api/v1/comments/${posted.comment.id}/flag`, {})).status, 204);
      }
      assert.equal((await s.storage.getComment(posted.comment.id))?.status, 'pending');
      await s.drain();
      assert.equal(digests().length, 1, 'the flagged comment is in the next digest');
      const digest = digests()[0]!.parsed;
      assert.equal(digest.subject, 'Comment awaiting moderation on /b');
      assert.equal(digest.text?.match(/Approve: /g)?.length, 1);
      assert.match(digest.text ?? '', /Bob on \/b:/);
      for (const ip of FLAGGERS.slice(0, 2)) assert.ok(!String(digest.text).includes(ip));

      // A period later, still held: no digest lists it again.
      now += HOUR + 60_000;
      await s.drain();
      assert.equal(digests().length, 1);
    });
  });
}
