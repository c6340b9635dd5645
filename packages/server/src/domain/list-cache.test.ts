import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Limiter, ListCache } from './list-cache.js';

const bytes = (n: number) => new Uint8Array(n);

describe('ListCache', () => {
  test('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new ListCache(2, 1_000_000);
    cache.set('a', bytes(1));
    cache.set('b', bytes(1));
    assert.ok(cache.get('a'), 'a is used again, so b is now the oldest');
    cache.set('c', bytes(1));
    assert.equal(cache.size, 2);
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('c'));
  });

  test('keeps at most maxBytes and refuses entries over a quarter of it', () => {
    const cache = new ListCache(100, 1000);
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, bytes(240));
    assert.equal(cache.size, 4, 'five entries of 240 bytes do not fit in 1000');
    assert.equal(cache.get('a'), undefined);
    cache.set('huge', bytes(251));
    assert.equal(cache.get('huge'), undefined);
  });

  test('a cache of 0 entries stores nothing', () => {
    const cache = new ListCache(0);
    cache.set('a', bytes(1));
    assert.equal(cache.get('a'), undefined);
  });
});

describe('Limiter', () => {
  test('runs at most max tasks at once, all of them in the end, and survives failures', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fail) throw new Error('boom');
        return 1;
      });
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => task(i % 3 === 0)));
    assert.equal(peak, 2);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 6);
    assert.equal(results.filter((r) => r.status === 'rejected').length, 3);
    assert.equal(await limiter.run(async () => 'still works'), 'still works');
  });
});
