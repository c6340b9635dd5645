import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { adminSignIn, PASSWORD } from '../../http/admin/test-helpers.js';
import { backends } from '../../test-support.js';
import { notifyStack } from '../../testing/notify-stack.js';
import { WebhookReceiver } from '../../testing/webhook-receiver.js';

/**
 * Events still queued for a webhook when it is deleted are `dropped`, not `sent`: they were
 * marked sent although nothing went out, which made the outbox claim deliveries that never
 * happened.
 */

async function setUp(backend: (typeof backends)[number]) {
  const rx = new WebhookReceiver();
  await rx.start();
  after(() => rx.stop());
  const s = await notifyStack(backend, { moderation: 'none' }, { mail: false }, undefined, { webhookAllowPrivate: true });
  await s.app.admins.add({ email: 'owner@example.com', password: PASSWORD, role: 'owner', name: 'Olive' });
  const owner = await adminSignIn(s.app, 'owner@example.com');
  const made = await owner.json<{ webhook: { id: string } }>(
    'POST',
    '/api/admin/sites/demo/webhooks',
    { url: rx.url, events: ['comment.created'] },
    201,
  );
  const remove = async () => {
    const res = await owner.req('DELETE', `/api/admin/sites/demo/webhooks/${made.webhook.id}`);
    assert.equal(res.status, 204);
  };
  const log = () => owner.req('GET', `/api/admin/sites/demo/webhooks/${made.webhook.id}/deliveries`);
  return { ...s, rx, remove, log };
}

for (const backend of backends) {
  describe(`deleting a webhook with events queued for it on ${backend.name}`, () => {
    test('an event not yet attempted is dropped at once and never sent', async () => {
      const s = await setUp(backend);
      await s.post('/q', 'queued before the delete');
      assert.deepEqual(await s.outbox.outboxCounts(), { pending: 1 });
      await s.remove();
      assert.deepEqual(await s.outbox.outboxCounts(), { dropped: 1 });
      await s.drain();
      assert.deepEqual(await s.outbox.outboxCounts(), { dropped: 1 });
      assert.equal(s.rx.received.length, 0, 'the receiver got nothing');
      assert.equal((await s.log()).status, 404, 'the delivery log went with the webhook');
    });

    test('an event waiting for a retry is dropped, not marked sent', async () => {
      const s = await setUp(backend);
      s.rx.answer = () => 500;
      await s.post('/r', 'refused once');
      await s.worker({ baseDelayMs: 60_000, maxDelayMs: 60_000 }).runOnce();
      const before = (await (await s.log()).json()) as { deliveries: { state: string; status: number }[] };
      assert.deepEqual(
        before.deliveries.map((d) => [d.status, d.state]),
        [[500, 'pending']],
      );
      await s.remove();
      assert.deepEqual(await s.outbox.outboxCounts(), { dropped: 1 });
      assert.equal(s.rx.received.length, 1, 'only the refused attempt reached the receiver');
    });

    test('an event a worker held while the webhook was deleted is dropped by the next worker', async () => {
      const s = await setUp(backend);
      await s.post('/l', 'leased during the delete');
      // Another instance takes the row for a minute and dies without settling it. It claims at
      // this app's time: the app's clock, which stamped the row, may run a ms or two ahead of
      // Date.now() after a burst of stamps (domain/clock.ts), and the row is not due before then.
      assert.equal((await s.outbox.claim('gone-worker', s.app.now(), 60_000, 10)).length, 1);
      await s.remove();
      assert.deepEqual(await s.outbox.outboxCounts(), { pending: 1 }, 'a held row is left to its worker');
      // Two minutes on, its lease has expired and another worker takes the row.
      await s.drain(s.worker({ now: () => Date.now() + 120_000 }));
      assert.deepEqual(await s.outbox.outboxCounts(), { dropped: 1 });
      assert.equal(s.rx.received.length, 0);
    });
  });
}
