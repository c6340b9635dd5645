import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_AHEAD_MS, recordClock } from './clock.js';

const T0 = 1_764_000_000_000;

/** `n` readings of `clock`, taken in a tight loop. */
function readings(clock: () => number, n: number): number[] {
  return Array.from({ length: n }, () => clock());
}

function assertStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    assert.ok(values[i]! > values[i - 1]!, `reading ${i} (${values[i]}) is not after ${values[i - 1]}`);
  }
}

function assertNeverBack(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    assert.ok(values[i]! >= values[i - 1]!, `reading ${i} (${values[i]}) is before ${values[i - 1]}`);
  }
}

test('with Date.now stuck on one value, every reading is later than the one before, up to the bound', (t) => {
  t.mock.method(Date, 'now', () => T0);
  const values = readings(recordClock(), 10_000);
  assert.equal(values[0], T0);
  assertStrictlyIncreasing(values.slice(0, MAX_AHEAD_MS + 1));
  assert.equal(values[MAX_AHEAD_MS], T0 + MAX_AHEAD_MS, 'one millisecond per reading, no more');
  // A burst longer than that does not run the clock away: it holds, and those stamps tie.
  assertNeverBack(values);
  assert.equal(values.at(-1), T0 + MAX_AHEAD_MS);
});

test('with Date.now going backwards (a clock stepped back), readings never go back', (t) => {
  let wall = T0;
  t.mock.method(Date, 'now', () => wall--);
  const values = readings(recordClock(), 10_000);
  assert.equal(values[0], T0);
  assertStrictlyIncreasing(values.slice(0, 400));
  assertNeverBack(values);
});

test('while time moves on, the clock reads Date.now; after running ahead it catches up', (t) => {
  let wall = T0;
  t.mock.method(Date, 'now', () => wall);
  const clock = recordClock();
  for (const step of [1, 5, 1_000]) {
    wall += step;
    assert.equal(clock(), wall);
  }
  // A burst inside one millisecond runs a few ms ahead ...
  assert.deepEqual(readings(clock, 3), [wall + 1, wall + 2, wall + 3]);
  // ... and the clock is Date.now again once real time has passed it.
  wall += 2;
  assert.equal(clock(), wall + 2, 'still ahead: never the same value twice');
  wall += 10;
  assert.equal(clock(), wall);
});

test('each clock keeps its own last value', (t) => {
  t.mock.method(Date, 'now', () => T0);
  const [a, b] = [recordClock(), recordClock()];
  assert.deepEqual([a(), a(), b(), a(), b()], [T0, T0 + 1, T0, T0 + 2, T0 + 1]);
});
