import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adversarialBodies, plainBody } from '../../bench/adversarial-markdown.js';
import { renderMarkdown } from './markdown.js';
import { DEFAULT_SETTINGS } from './sites.js';
import { cleanMultiline } from './text.js';

/**
 * Hostile markdown at the maximum body length renders in time proportional to its length: each
 * adversarial body may cost at most {@link LIMIT}× a plain body of the same length, both measured
 * here in the same run as CPU time (best of five renders; CPU time rather than wall time, so
 * other processes on a busy machine do not count). Linear work lands at 1–20× (the worst bodies
 * produce three times the HTML of plain text), and one body was seen at 30× under CI's load
 * while it measured 15–20× in other runs; a parser or sanitiser that goes quadratic costs
 * hundreds of times more at this length (the second test's stand-in: about 570×). So the limit
 * sits between the two, well clear of both. Absolute times are printed by `pnpm bench:markdown`.
 */
const LENGTH = DEFAULT_SETTINGS.maxLength;
const LIMIT = 100;

function best(render: (text: string) => unknown, body: string, runs = 5): number {
  const text = cleanMultiline(body);
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    render(text);
    const used = process.cpuUsage(t);
    ms = Math.min(ms, (used.user + used.system) / 1000);
  }
  return ms;
}

/** The adversarial bodies that `render` takes more than {@link LIMIT}× as long as plain text for, and the worst ratio. */
function slowInputs(render: (text: string) => unknown): { slow: string[]; worst: number } {
  const plain = plainBody(LENGTH);
  best(render, plain, 10); // warm-up
  const slow: string[] = [];
  let worst = 0;
  for (const { name, body } of adversarialBodies(LENGTH)) {
    assert.equal(body.length, LENGTH, name);
    const ratio = best(render, body) / best(render, plain);
    worst = Math.max(worst, ratio);
    if (ratio > LIMIT) slow.push(`${name}: ${ratio.toFixed(1)}x`);
  }
  return { slow, worst };
}

test(`adversarial markdown of ${LENGTH} characters renders within ${LIMIT}x a plain body of that length`, () => {
  const { slow, worst } = slowInputs(renderMarkdown);
  console.log(`markdown: slowest adversarial body ${worst.toFixed(1)}x plain (limit ${LIMIT}x)`);
  assert.deepEqual(slow, []);
});

test('the measure catches a renderer that goes quadratic on one kind of input', () => {
  // On a run of `[`, a renderer that starts again after every 50th character, as a parser that
  // backtracks over the rest of the text would; on anything else, the real one.
  const quadratic = (text: string) => {
    if (!/^\[+$/.test(text)) return renderMarkdown(text);
    for (let i = 0; i < text.length; i += 50) renderMarkdown(text.slice(i));
    return '';
  };
  const { slow } = slowInputs(quadratic);
  assert.deepEqual(
    slow.map((s) => s.split(':')[0]),
    ['open brackets'],
  );
});
