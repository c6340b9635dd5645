import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf } from '../../test-support.js';
import { notifyStack } from '../../testing/notify-stack.js';
import { FOLLOW_RATE } from './subscriptions.js';

/** `POST /api/v1/subscriptions` is limited per IP prefix, like posting: it can make the server send mail. */

const [perMinute, perHour] = FOLLOW_RATE.map((w) => w.limit) as [number, number];

for (const backend of backends) {
  describe(`follow rate limit on ${backend.name}`, () => {
    test(`${perMinute} a minute per /24 or /48, then 429 with Retry-After; other prefixes unaffected`, async () => {
      let now = 1_800_000_000_000;
      const s = await notifyStack(backend, {}, {}, () => now);
      const follow = (email: string) => s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/f', email });
      // Malformed requests count too: a flood of garbage is still a flood.
      assert.equal((await follow('not an address')).status, 422);
      for (let i = 1; i < perMinute; i++) assert.equal((await follow(`r${i}@example.org`)).status, 202, `request ${i}`);
      const limited = await follow('one.more@example.org');
      assert.equal(limited.status, 429);
      assert.equal((await problemOf(limited)).code, 'rate-limited');
      const retry = Number(limited.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
      s.setIp('203.0.113.200');
      assert.equal((await follow('neighbour@example.org')).status, 429, 'the same /24 shares the count');
      s.setIp('198.51.100.4');
      assert.equal((await follow('elsewhere@example.org')).status, 202);
      s.setIp('2001:db8:1:2::1');
      for (let i = 0; i < perMinute; i++) assert.equal((await follow(`v6-${i}@example.org`)).status, 202);
      s.setIp('2001:db8:1:ffff::9');
      assert.equal((await follow('v6-neighbour@example.org')).status, 429, 'the same /48 shares the count');
      // The refused address was never written.
      await s.drain();
      assert.equal(s.sink.to('one.more@example.org').length, 0);
      assert.equal(s.sink.to('r1@example.org').length, 1);
      // A minute later the window has room again.
      now += 61_000;
      s.setIp('203.0.113.7');
      assert.equal((await follow('later@example.org')).status, 202);
    });

    test(`${perHour} an hour per prefix`, async () => {
      let now = 1_800_000_000_000;
      const start = now;
      const s = await notifyStack(backend, {}, {}, () => now);
      const follow = (email: string) => s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/h', email });
      for (let i = 0; i < perHour; i++) {
        if (i > 0 && i % perMinute === 0) now += 61_000;
        assert.equal((await follow(`h${i}@example.org`)).status, 202, `request ${i}`);
      }
      now += 61_000;
      const limited = await follow('over@example.org');
      assert.equal(limited.status, 429);
      const retry = Number(limited.headers.get('retry-after'));
      assert.equal(retry, Math.ceil((start + 3_600_000 - now) / 1000));
    });
  });
}
