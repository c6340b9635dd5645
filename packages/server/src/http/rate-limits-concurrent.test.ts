import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FOLLOW_RATE } from '../domain/notify/subscriptions.js';
import { PREVIEW_RATE } from '../domain/preview.js';
import { backends, problemOf, testApp } from '../test-support.js';
import { notifyStack } from '../testing/notify-stack.js';

/**
 * The public rate limits under requests sent all at once from one address: each slot is taken
 * atomically, so exactly the limit gets through, however the requests interleave (on PostgreSQL
 * the test pool has several connections, so they really run side by side).
 */

/** How many answers had each status. */
function tally(responses: Response[]): Record<number, number> {
  const by: Record<number, number> = {};
  for (const r of responses) by[r.status] = (by[r.status] ?? 0) + 1;
  return by;
}

/** Every refused answer is `429 rate-limited` with a Retry-After inside the window. */
async function assertRefusals(responses: Response[], spanSeconds: number): Promise<void> {
  for (const r of responses.filter((x) => x.status === 429)) {
    assert.equal((await problemOf(r)).code, 'rate-limited');
    const retry = Number(r.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= spanSeconds, `Retry-After ${retry}`);
  }
}

const [followPerMinute] = FOLLOW_RATE.map((w) => w.limit) as [number];
const [previewPerMinute] = PREVIEW_RATE.map((w) => w.limit) as [number];

for (const backend of backends) {
  describe(`rate limits under concurrent requests on ${backend.name}`, () => {
    test('30 posts at once, 3 allowed a minute: exactly 3 are stored, 27 get 429', async () => {
      const now = 1_800_000_000_000;
      const t = await testApp(backend, { rateLimitPerMinute: 3, rateLimitPerHour: 30 }, () => now);
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.send('POST', '/api/v1/comments', { site: 'demo', page: '/burst', body: `comment ${i}` }),
        ),
      );
      assert.deepEqual(tally(responses), { 201: 3, 429: 27 });
      await assertRefusals(responses, 60);
      assert.equal((await t.list('/burst')).page.count, 3);
    });

    test('12 posts at once under the hourly limit of 4: exactly 4 are stored', async () => {
      const t = await testApp(backend, { rateLimitPerMinute: 0, rateLimitPerHour: 4 }, () => 1_800_000_000_000);
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => t.send('POST', '/api/v1/comments', { site: 'demo', page: '/hour', body: `c ${i}` })),
      );
      assert.deepEqual(tally(responses), { 201: 4, 429: 8 });
      await assertRefusals(responses, 3600);
      assert.equal((await t.list('/hour')).page.count, 4);
    });

    test(`${followPerMinute * 4} follow requests at once: exactly ${followPerMinute} are accepted and mailed`, async () => {
      const s = await notifyStack(backend, {}, {}, () => 1_800_000_000_000);
      const responses = await Promise.all(
        Array.from({ length: followPerMinute * 4 }, (_, i) =>
          s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/f', email: `r${i}@example.org` }),
        ),
      );
      assert.deepEqual(tally(responses), { 202: followPerMinute, 429: followPerMinute * 3 });
      await assertRefusals(responses, 60);
      await s.drain();
      assert.equal(s.sink.received.length, followPerMinute, 'one confirmation mail per accepted request');
    });

    test(`${previewPerMinute + 20} previews at once: exactly ${previewPerMinute} are rendered`, async () => {
      const t = await testApp(backend, {}, () => 1_800_000_000_000);
      const responses = await Promise.all(
        Array.from({ length: previewPerMinute + 20 }, () => t.send('POST', '/api/v1/preview', { site: 'demo', body: 'hi' })),
      );
      assert.deepEqual(tally(responses), { 200: previewPerMinute, 429: 20 });
      await assertRefusals(responses, 60);
    });
  });
}
