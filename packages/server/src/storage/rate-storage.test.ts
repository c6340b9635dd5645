import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, reopenableBackends } from '../test-support.js';
import type { RateReservation } from './rate-storage.js';

/** `rateReserve` / `rateRelease`, the one way the rate limits touch `rate_events`, on every backend. */

const okCount = (results: RateReservation[]) => results.filter((r) => r.ok).length;

for (const backend of backends) {
  describe(`rate events on ${backend.name}`, () => {
    test('counted per site and subject inside the window; a full window records nothing; old events forgotten', async () => {
      const storage = await backend.open();
      const one = (site: string, subject: string, limit: number, since: number, at: number, forget = 0) =>
        storage.rateReserve(site, [{ subject, limit, since }], at, forget);
      assert.equal((await one('s', 'ip1', 2, 0, 1000)).ok, true);
      assert.equal((await one('s', 'ip1', 2, 0, 2000)).ok, true);
      assert.equal((await one('s', 'ip2', 2, 0, 2500)).ok, true, 'another subject has its own count');
      assert.equal((await one('t', 'ip1', 2, 0, 2500)).ok, true, 'another site has its own count');
      assert.deepEqual(await one('s', 'ip1', 2, 0, 3000), { ok: false, full: 0, oldest: 1000 });
      assert.deepEqual(await one('s', 'ip1', 2, 0, 3000), { ok: false, full: 0, oldest: 1000 }, 'the refusal was not counted');
      // Events at or before `since` fall out of the window.
      assert.equal((await one('s', 'ip1', 2, 1000, 4000, 1500)).ok, true);
      // That reservation forgot the event at 1000: even the whole history now holds two.
      assert.deepEqual(await one('s', 'ip1', 2, 0, 5000), { ok: false, full: 0, oldest: 2000 });
    });

    test('several checks: the first full one is named and no subject is recorded; release gives the slots back', async () => {
      const storage = await backend.open();
      const checks = (limitB: number) => [
        { subject: 'a', limit: 5, since: 0 },
        { subject: 'b', limit: limitB, since: 0 },
      ];
      const first = await storage.rateReserve('s', checks(1), 100, 0);
      assert.ok(first.ok);
      assert.equal(first.ids.length, 2, 'one event per subject');
      assert.deepEqual(await storage.rateReserve('s', checks(1), 200, 0), { ok: false, full: 1, oldest: 100 });
      // `a` was not recorded by the refusal: it still holds one event, so four more fit.
      for (let i = 0; i < 4; i++)
        assert.equal((await storage.rateReserve('s', [{ subject: 'a', limit: 5, since: 0 }], 300, 0)).ok, true);
      assert.equal((await storage.rateReserve('s', [{ subject: 'a', limit: 5, since: 0 }], 300, 0)).ok, false);
      await storage.rateRelease(first.ids);
      assert.equal((await storage.rateReserve('s', checks(1), 400, 0)).ok, true, 'both slots came back');
    });

    test('30 reservations at once against a limit of 3: exactly 3 succeed', async () => {
      const storage = await backend.open();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          storage.rateReserve(
            's',
            [
              { subject: 'ip', limit: 3, since: 0 },
              { subject: 'ip', limit: 10, since: 0 },
            ],
            1000 + i,
            0,
          ),
        ),
      );
      assert.equal(okCount(results), 3);
    });

    test('two subjects locked in either order by concurrent reservations: no deadlock, each limit holds', async () => {
      const storage = await backend.open();
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const pair = [
            { subject: 'x', limit: 4, since: 0 },
            { subject: 'y', limit: 4, since: 0 },
          ];
          return storage.rateReserve('s', i % 2 ? pair : pair.reverse(), 1000, 0);
        }),
      );
      assert.equal(okCount(results), 4);
    });
  });
}

// Two pools on one database, as two server processes: the limit holds across them.
for (const reopener of reopenableBackends('parley-rate-').filter((r) => r.name === 'postgres')) {
  describe(`rate events shared by two instances on ${reopener.name}`, () => {
    test('20 reservations at once, half through each instance, against a limit of 5: exactly 5 succeed', async () => {
      const a = await reopener.open();
      const b = await reopener.open();
      try {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).rateReserve('s', [{ subject: 'ip', limit: 5, since: 0 }], 1000, 0),
          ),
        );
        assert.equal(okCount(results), 5);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
