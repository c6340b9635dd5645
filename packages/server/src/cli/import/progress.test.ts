import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ImportProgress } from './progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 120, write: (text: string) => writes.push(text) } };
}

const counts = { read: 2000, imported: 1500, skipped: 400, failed: 100, pages: 10 };

describe('import progress', () => {
  test('on a terminal: one line redrawn in place with a bar, counts and rate; cleared at the end', () => {
    const { writes, stream } = fakeStream(true);
    let now = 0;
    const progress = new ImportProgress({ stream, counts: () => counts, fraction: () => 0.5, now: () => now });
    now = 2000;
    progress.tick();
    assert.equal(writes.length, 1);
    assert.equal(
      writes[0],
      `\r\x1b[2K[${'█'.repeat(12)}${'░'.repeat(12)}] 50% 2,000 read, 1,500 imported, 400 skipped, 100 failed · 1,000/s`,
    );
    progress.stop();
    assert.equal(writes[1], '\r\x1b[2K');
  });

  test('elsewhere: plain lines, no control characters', () => {
    const { writes, stream } = fakeStream(false);
    let now = 0;
    const progress = new ImportProgress({ stream, counts: () => counts, fraction: () => undefined, now: () => now });
    now = 4000;
    progress.tick();
    progress.stop();
    assert.deepEqual(writes, ['import: 2,000 read, 1,500 imported, 400 skipped, 100 failed (500/s)\n']);
  });

  test('updates on a timer until stopped', async () => {
    const { writes, stream } = fakeStream(false);
    const progress = new ImportProgress({ stream, counts: () => counts, fraction: () => 0.25, interval: 5 });
    progress.start();
    // Bounded wait: a loaded machine may run timers late.
    for (let i = 0; i < 200 && writes.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    progress.stop();
    const seen = writes.length;
    assert.ok(seen >= 2, `expected periodic lines, got ${seen}`);
    assert.match(writes[0] ?? '', /, 25% of the input\)\n$/);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(writes.length, seen);
  });
});
