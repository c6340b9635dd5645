import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';
import { retryDelay } from './outbox-worker.js';

/** The outbox: an SMTP outage loses nothing and sends nothing twice; two workers never share a mail. */

test('retryDelay doubles from the base up to the cap, with at most 10% jitter', () => {
  for (const [attempts, base] of [
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [10, 60_000],
  ] as const) {
    const d = retryDelay(attempts, 1000, 60_000);
    assert.ok(d >= base && d <= base * 1.1, `${attempts}: ${d}`);
  }
});

for (const backend of backends) {
  describe(`outbox on ${backend.name}`, () => {
    test('SMTP down: mails wait with backoff; SMTP up: each is delivered exactly once', async () => {
      // The worker's clock is the test's: backoff is checked against time the test moves, not
      // against how long the failed SMTP connections and database writes took on this machine.
      let now = Date.now();
      const s = await notifyStack(backend, { moderation: 'all' }, {}, () => now);
      await s.sink.stop();
      for (let i = 0; i < 3; i++) await s.post('/a', `held ${i}`);
      const w = s.worker({ baseDelayMs: 400, maxDelayMs: 400 });
      assert.equal(await w.runOnce(), 3);
      assert.deepEqual(await s.outbox.outboxCounts(), { pending: 3 });
      // Backing off: nothing is due again at once, nor just before the base delay is up.
      assert.equal(await w.runOnce(), 0);
      now += 399;
      assert.equal(await w.runOnce(), 0);
      // Past the delay and its 10% jitter (at most 440 ms): all three are due again.
      now += 100;
      assert.equal(await w.runOnce(), 3);
      assert.deepEqual(await s.outbox.outboxCounts(), { pending: 3 });
      assert.equal(s.sink.received.length, 0);

      await s.sink.start();
      assert.equal(await w.runOnce(), 0, 'still backing off after the second failure');
      now += 500;
      await s.drain(w);
      assert.deepEqual(await s.outbox.outboxCounts(), { sent: 3 });
      const bodies = s.sink.received.map((m) => /held \d/.exec(m.parsed.text ?? '')?.[0]).sort();
      assert.deepEqual(bodies, ['held 0', 'held 1', 'held 2']);
      assert.equal(new Set(s.sink.received.map((m) => m.parsed.messageId)).size, 3);
      // Later runs send nothing again.
      await w.runOnce();
      assert.equal(s.sink.received.length, 3);
    });

    test('two workers draining one outbox at the same time send every mail once', async () => {
      const s = await notifyStack(backend, { moderation: 'all' });
      for (let i = 0; i < 12; i++) await s.post('/a', `held ${i}`);
      const [a, b] = [s.worker({ batch: 3 }), s.worker({ batch: 3 })];
      for (let round = 0; round < 10; round++) await Promise.all([a.runOnce(), b.runOnce()]);
      assert.deepEqual(await s.outbox.outboxCounts(), { sent: 12 });
      assert.equal(s.sink.received.length, 12);
      assert.equal(new Set(s.sink.received.map((m) => m.parsed.text)).size, 12);
    });

    test('a worker whose lease expired cannot mark the row; the next worker takes it', async () => {
      let now = 1_000_000;
      const s = await notifyStack(backend, { moderation: 'all' }, {}, () => now);
      await s.post('/a', 'held');
      const claimed = await s.outbox.claim('first', now, 1000, 10);
      assert.equal(claimed.length, 1);
      assert.equal((await s.outbox.claim('second', now + 500, 1000, 10)).length, 0);
      now += 2000;
      const again = await s.outbox.claim('second', now, 1000, 10);
      assert.equal(again.length, 1);
      assert.equal(await s.outbox.settle(again[0]?.id ?? 0, 'first', { status: 'sent' }, now), false);
      assert.equal(await s.outbox.settle(again[0]?.id ?? 0, 'second', { status: 'sent' }, now), true);
    });

    test('a mail the SMTP server refuses for good (5xx) is not retried; the rest go on', async () => {
      const s = await notifyStack(backend, { moderation: 'all' }, { moderators: ['mod@example.org', 'bad@example.org'] });
      s.sink.refuse = (to) => to === 'bad@example.org';
      await s.post('/a', 'held');
      await s.drain();
      assert.deepEqual(await s.outbox.outboxCounts(), { failed: 1, sent: 1 });
      assert.equal(s.sink.to('mod@example.org').length, 1);
    });

    test('moderator mail: signed approve link asks on GET, acts on POST, then notifies the thread; links expire', async () => {
      let now = Date.now();
      const s = await notifyStack(backend, { moderation: 'all' }, {}, () => now);
      await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/m', email: 'fan@example.org' });
      await s.drain();
      await s.app.request(local(linkIn(s.sink.to('fan@example.org')[0]?.parsed.text, `${PUBLIC}/notify/confirm`)), {
        method: 'POST',
      });
      const held = await s.post('/m', 'please <i>approve</i>', { author: { name: 'Dana' }, title: 'M' });
      await s.post('/m', 'another');
      await s.drain();
      const [first, second] = s.sink.to('mod@example.org');
      assert.ok(first && second);
      assert.equal(first.parsed.subject, 'Comment awaiting moderation on M');
      assert.match(first.parsed.text ?? '', /Dana on M:\n\n> please <i>approve<\/i>/);
      assert.match(String(first.parsed.html), /please &#60;i&#62;approve&#60;\/i&#62;/);
      const approve = linkIn(first.parsed.text, `${PUBLIC}/notify/moderate?action=approve`);
      const reject = linkIn(second.parsed.text, `${PUBLIC}/notify/moderate?action=reject`);

      const ask = await s.app.request(local(approve));
      assert.equal(ask.status, 200);
      assert.match(await ask.text(), /please &#60;i&#62;approve/);
      assert.equal((await s.list('/m')).comments.length, 0);
      // The token names its action: an approve token with action=reject is refused.
      assert.equal(
        (await s.app.request(local(approve).replace('action=approve', 'action=reject'), { method: 'POST' })).status,
        404,
      );
      const act = await s.app.request(local(approve), { method: 'POST' });
      assert.equal(act.status, 200);
      assert.deepEqual(
        (await s.list('/m')).comments.map((c) => c.id),
        [held.comment.id],
      );
      // Used once; a second POST finds nothing held.
      assert.equal((await s.app.request(local(approve), { method: 'POST' })).status, 404);
      await s.drain();
      const fan = s.sink.to('fan@example.org');
      assert.equal(fan.length, 2);
      assert.match(fan[1]?.parsed.text ?? '', /Dana commented on M/);

      now += 73 * 3_600_000;
      const late = await s.app.request(local(reject), { method: 'POST' });
      assert.equal(late.status, 404);
      assert.equal((await s.list('/m')).comments.length, 1);
    });

    test('digest mode: one mail per moderator listing the held comments, then nothing until the next period', async () => {
      let now = Date.now();
      const s = await notifyStack(backend, { moderation: 'all' }, { moderatorMail: 'digest', digestMinutes: 60 }, () => now);
      await s.post('/a', 'one');
      await s.post('/b', 'two');
      await s.drain();
      const [digest, ...more] = s.sink.to('mod@example.org');
      assert.ok(digest);
      assert.equal(more.length, 0);
      assert.equal(digest.parsed.subject, '2 comments awaiting moderation on demo');
      assert.equal((digest.parsed.text ?? '').match(/Approve: /g)?.length, 2);
      now += 1000;
      await s.post('/a', 'three');
      await s.worker().runOnce();
      assert.equal(s.sink.to('mod@example.org').length, 1);
      now += 61 * 60_000;
      await s.worker().runOnce();
      await s.drain();
      const [, next] = s.sink.to('mod@example.org');
      assert.equal(next?.parsed.subject, 'Comment awaiting moderation on /a');
    });
  });
}
