import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { adminSignIn, PASSWORD } from '../../http/admin/test-helpers.js';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';
import { type ReceivedHook, WebhookReceiver } from '../../testing/webhook-receiver.js';

/** Webhooks end to end: admin API → outbox → a real HTTP receiver on loopback, with outages. */

/** Verifies `Parley-Signature: t=…,v1=…` as a receiver would (docs/notifications.md#webhooks). */
function verify(hook: ReceivedHook, secret: string): boolean {
  const header = String(hook.headers['parley-signature'] ?? '');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const [, t = '', v1 = ''] = m;
  const expected = createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return fresh && timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(expected, 'hex'));
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

interface Delivery {
  deliveryId: number;
  event: string;
  attempt: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  at: string;
  state: string | null;
  attempts: number | null;
  nextRetryAt: string | null;
}

async function setUp(backend: (typeof backends)[number], moderation: 'all' | 'none') {
  const rx = new WebhookReceiver();
  await rx.start();
  after(() => rx.stop());
  const s = await notifyStack(backend, { moderation }, {}, undefined, { webhookAllowPrivate: true });
  await s.app.admins.add({ email: 'owner@example.com', password: PASSWORD, role: 'owner', name: 'Olive' });
  const owner = await adminSignIn(s.app, 'owner@example.com');
  const made = await owner.json<{ webhook: { id: string }; secret: string }>(
    'POST',
    '/api/admin/sites/demo/webhooks',
    { url: rx.url, events: ['comment.created', 'comment.approved', 'comment.deleted'] },
    201,
  );
  const log = async () =>
    (await owner.json<{ deliveries: Delivery[] }>('GET', `/api/admin/sites/demo/webhooks/${made.webhook.id}/deliveries`))
      .deliveries;
  return { ...s, rx, owner, hookId: made.webhook.id, secret: made.secret, log };
}

for (const backend of backends) {
  describe(`webhooks end to end on ${backend.name}`, () => {
    test('created, approved and deleted arrive signed, with no e-mail or IP in the payload', async () => {
      const s = await setUp(backend, 'all');
      const held = await s.post('/w', 'hold me', { author: { name: 'Ann', email: 'ann.secret@example.com' }, title: 'W' });
      await s.drain();
      const approveUrl = linkIn(s.sink.to('mod@example.org')[0]?.parsed.text, `${PUBLIC}/notify/moderate?action=approve`);
      assert.equal((await s.app.request(local(approveUrl), { method: 'POST' })).status, 200);
      await s.drain();
      const gone = await s.send('DELETE', `/api/v1/comments/${held.comment.id}`, undefined, {
        authorization: `Bearer ${held.editToken}`,
      });
      assert.equal(gone.status, 204);
      await s.drain();

      assert.deepEqual(
        s.rx.received.map((r) => r.headers['parley-event']),
        ['comment.created', 'comment.approved', 'comment.deleted'],
      );
      for (const hook of s.rx.received) {
        assert.ok(verify(hook, s.secret), `signature of ${hook.headers['parley-event']}`);
        assert.ok(!verify(hook, `${s.secret}x`), 'a wrong secret does not verify');
        assert.ok(!verify({ ...hook, body: `${hook.body} ` }, s.secret), 'a changed body does not verify');
        assert.equal(hook.headers['content-type'], 'application/json');
        assert.equal(hook.headers['user-agent'], 'Parley-Webhooks/1');
        const lower = hook.body.toLowerCase();
        for (const leak of ['ann.secret', '@example.com', '203.0.113'])
          assert.ok(!lower.includes(leak), `${leak} in ${hook.body}`);
        const keys = keysOf(JSON.parse(hook.body)).map((k) => k.toLowerCase());
        for (const k of keys) assert.ok(!/email|^ip|iphash|token|visitor/.test(k), `key ${k} in a payload`);
      }
      const [created, approved, deleted] = s.rx.received.map(
        (r) =>
          JSON.parse(r.body) as { type: string; site: string; page: { key: string }; comment: { id: string; status: string } },
      );
      assert.equal(created?.type, 'comment.created');
      assert.equal(created?.comment.status, 'pending');
      assert.equal(approved?.comment.status, 'approved');
      assert.equal(deleted?.comment.status, 'deleted');
      for (const p of [created, approved, deleted]) {
        assert.equal(p?.comment.id, held.comment.id);
        assert.equal(p?.site, 'demo');
        assert.equal(p?.page.key, '/w');
      }
      const log = await s.log();
      assert.deepEqual(
        log.map((d) => [d.event, d.ok, d.status, d.state]),
        [
          ['comment.deleted', true, 200, 'sent'],
          ['comment.approved', true, 200, 'sent'],
          ['comment.created', true, 200, 'sent'],
        ],
      );
      const logText = JSON.stringify(log);
      assert.ok(!logText.includes(s.secret) && !logText.includes('hold me'), 'the log holds neither secret nor body');
    });

    test('approving a held comment in the admin console delivers comment.approved too', async () => {
      const s = await setUp(backend, 'all');
      const held = await s.post('/c', 'approve me from the console', { author: { name: 'Bo', email: 'bo@example.com' } });
      await s.owner.json('POST', `/api/admin/comments/${held.comment.id}/approve`);
      await s.drain();
      const approved = s.rx.of('comment.approved');
      assert.equal(approved.length, 1);
      assert.ok(verify(approved[0] as ReceivedHook, s.secret));
      const body = JSON.parse(approved[0]?.body ?? '{}') as { comment: { id: string; status: string } };
      assert.deepEqual([body.comment.id, body.comment.status], [held.comment.id, 'approved']);
      assert.ok(!approved[0]?.body.includes('bo@example.com'));
    });

    test('a failing, then unreachable receiver is retried with growing delays and gets the event once', async () => {
      const s = await setUp(backend, 'none');
      let failures = 2;
      s.rx.answer = () => (failures-- > 0 ? 500 : 200);
      await s.post('/r', 'retry me');
      const w = s.worker({ baseDelayMs: 300, maxDelayMs: 5000 });
      // Attempts 1 and 2 meet a 500; then the receiver is down for attempt 3; then it is back.
      const attempt = async (n: number) => {
        for (let i = 0; i < 200; i++) {
          await w.runOnce();
          if ((await s.log()).filter((d) => d.event === 'comment.created').length >= n) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error(`attempt ${n} never happened`);
      };
      await attempt(1);
      let log = await s.log();
      assert.equal(log[0]?.state, 'pending');
      assert.equal(log[0]?.status, 500);
      assert.ok(log[0]?.nextRetryAt && Date.parse(log[0].nextRetryAt) >= Date.parse(log[0].at) + 300, JSON.stringify(log[0]));
      await attempt(2);
      await s.rx.stop();
      await attempt(3);
      log = await s.log();
      assert.equal(log[0]?.status, null, 'no HTTP answer while the receiver is down');
      assert.match(log[0]?.error ?? '', /ECONNREFUSED/);
      assert.equal(log[0]?.attempts, 3);
      await s.rx.start();
      await attempt(4);
      for (let i = 0; i < 5; i++) await w.runOnce();

      const created = s.rx.of('comment.created');
      assert.deepEqual(
        created.map((r) => r.status),
        [500, 500, 200],
        'two refusals, one success; none while down, nothing after',
      );
      assert.equal(new Set(created.map((r) => r.headers['parley-delivery'])).size, 1, 'the same delivery id on every try');
      assert.ok(created.every((r) => verify(r, s.secret)));
      log = (await s.log()).filter((d) => d.event === 'comment.created').reverse();
      assert.deepEqual(
        log.map((d) => [d.attempt, d.ok, d.status]),
        [
          [1, false, 500],
          [2, false, 500],
          [3, false, null],
          [4, true, 200],
        ],
      );
      assert.ok(log.every((d) => d.state === 'sent' && d.nextRetryAt === null && d.attempts === 4));
      // Backoff: each wait at least the doubled base (300, 600, 1200 ms).
      const at = log.map((d) => Date.parse(d.at));
      for (const [i, min] of [300, 600, 1200].entries()) {
        const gap = (at[i + 1] ?? 0) - (at[i] ?? 0);
        assert.ok(gap >= min, `wait before attempt ${i + 2}: ${gap} ms < ${min}`);
      }
    });
  });
}
