import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { adminSignIn, PASSWORD } from '../../http/admin/test-helpers.js';
import type { SiteSettings } from '../../storage/types.js';
import { backends } from '../../test-support.js';
import { notifyStack } from '../../testing/notify-stack.js';
import { WebhookReceiver } from '../../testing/webhook-receiver.js';

/**
 * `comment.held`: a moderation integration learns of every comment that goes to the queue, by
 * screening at post time, by an edit, or by readers' flags, once per hold, through the same outbox
 * as the other events, to a real receiver on loopback.
 */

interface HeldBody {
  type: string;
  site: string;
  reason: string | null;
  page: { key: string; title: string };
  comment: { id: string; status: string; body: string };
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

async function setUp(backend: (typeof backends)[number], settings: Partial<SiteSettings>, events: string[]) {
  const rx = new WebhookReceiver();
  await rx.start();
  after(() => rx.stop());
  const s = await notifyStack(backend, settings, {}, undefined, { webhookAllowPrivate: true });
  await s.app.admins.add({ email: 'owner@example.com', password: PASSWORD, role: 'owner', name: 'Olive' });
  const owner = await adminSignIn(s.app, 'owner@example.com');
  await owner.json('POST', '/api/admin/sites/demo/webhooks', { url: rx.url, events }, 201);
  const held = () => rx.of('comment.held').map((r) => JSON.parse(r.body) as HeldBody);
  return { ...s, rx, held };
}

function assertClean(body: string): void {
  const lower = body.toLowerCase();
  for (const leak of ['ann.secret', '@example', '203.0.113', '100.64.']) assert.ok(!lower.includes(leak), `${leak} in ${body}`);
  for (const k of keysOf(JSON.parse(body)).map((k) => k.toLowerCase()))
    assert.ok(!/email|^ip|iphash|token|visitor/.test(k), `key ${k} in a payload`);
}

for (const backend of backends) {
  describe(`comment.held webhook on ${backend.name}`, () => {
    test('a post held by screening: comment.held with its reason, besides comment.created (pending)', async () => {
      const s = await setUp(backend, { moderation: 'links' }, ['comment.created', 'comment.held']);
      const posted = await s.post('/h', 'see [this](https://example.net/x)', {
        author: { name: 'Ann', email: 'ann.secret@example.com' },
        title: 'Held page',
      });
      assert.equal(posted.comment.status, 'pending');
      const published = await s.post('/h', 'no links here', { author: { name: 'Bo' } });
      assert.equal(published.comment.status, 'approved');
      await s.drain();

      assert.deepEqual(
        s.rx.received.map((r) => r.headers['parley-event']).sort(),
        ['comment.created', 'comment.created', 'comment.held'],
        'a published post is not held',
      );
      const [held] = s.held();
      assert.equal(s.held().length, 1);
      assert.deepEqual(
        [held?.type, held?.site, held?.reason, held?.page.key, held?.page.title, held?.comment.id, held?.comment.status],
        ['comment.held', 'demo', 'links', '/h', 'Held page', posted.comment.id, 'pending'],
      );
      for (const r of s.rx.received) assertClean(r.body);
    });

    test('a subscriber to comment.held alone gets the held post and nothing else', async () => {
      const s = await setUp(backend, { moderation: 'all' }, ['comment.held']);
      const posted = await s.post('/a', 'wait for it', { author: { name: 'Ann', email: 'ann.secret@example.com' } });
      await s.drain();
      assert.deepEqual(
        s.rx.received.map((r) => r.headers['parley-event']),
        ['comment.held'],
      );
      assert.deepEqual([s.held()[0]?.comment.id, s.held()[0]?.reason], [posted.comment.id, 'moderation-all']);
    });

    test('an edit that sends a published comment back to the queue: one comment.held after comment.updated', async () => {
      const s = await setUp(backend, { moderation: 'links' }, ['comment.held', 'comment.updated']);
      const posted = await s.post('/e', 'plain words', { author: { name: 'Ann', email: 'ann.secret@example.com' } });
      assert.equal(posted.comment.status, 'approved');
      const patch = (body: string) =>
        s.send('PATCH', `/api/v1/comments/${posted.comment.id}`, { body }, { authorization: `Bearer ${posted.editToken}` });
      assert.equal((await patch('still plain')).status, 200);
      await s.drain();
      assert.equal(s.held().length, 0, 'an edit that stays published holds nothing');

      assert.equal((await patch('now with [a link](https://example.net/y)')).status, 200);
      // Edited again while held: it was held already, no second event.
      assert.equal((await patch('again [a link](https://example.net/z)')).status, 200);
      await s.drain();
      assert.equal((await s.storage.getComment(posted.comment.id))?.status, 'pending');
      assert.deepEqual(
        s.rx.received.map((r) => r.headers['parley-event']),
        ['comment.updated', 'comment.updated', 'comment.held', 'comment.updated'],
      );
      const [held] = s.held();
      assert.deepEqual(
        [held?.reason, held?.comment.id, held?.comment.status, held?.comment.body],
        ['links', posted.comment.id, 'pending', 'now with [a link](https://example.net/y)'],
      );
      for (const r of s.rx.received) assertClean(r.body);
    });

    test("readers' flags: six flags at the same moment past the threshold send one comment.held", async () => {
      const s = await setUp(backend, { flagThreshold: 3 }, ['comment.held']);
      const posted = await s.post('/f', 'everyone reports this', { author: { name: 'Cy', email: 'ann.secret@example.com' } });
      assert.equal(posted.comment.status, 'approved');
      // Six readers (flags count per /24, so six networks), all at once.
      await Promise.all(Array.from({ length: 6 }, (_, i) => s.app.service.flag(posted.comment.id, { ip: `100.64.${i}.9` })));
      assert.equal((await s.storage.getComment(posted.comment.id))?.status, 'pending');
      // Flagged again once held: nothing more.
      await s.app.service.flag(posted.comment.id, { ip: '100.64.99.9' });
      await s.drain();
      assert.equal(s.rx.received.length, 1, JSON.stringify(s.rx.received.map((r) => r.headers['parley-event'])));
      const [held] = s.held();
      assert.deepEqual([held?.reason, held?.comment.id, held?.comment.status], ['flags', posted.comment.id, 'pending']);
      assertClean(s.rx.received[0]?.body ?? '');
    });
  });
}
