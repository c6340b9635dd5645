#!/usr/bin/env node
// `pnpm test:full`: the long variants of the reliability checks (issue 10), each printing its
// figures; docs/reliability.md records them with the commands that produced them. The fast
// variants of the same checks run inside `pnpm test`. Every step runs even after a failure.
// Add a step per check: [name, [command, ...args]].
import { spawnSync } from 'node:child_process';

const steps = [
  ['build', ['pnpm', 'run', 'build']],
  // Every adversarial markdown body at the maximum length: fails if one render takes over 50 ms CPU.
  ['markdown bench', ['pnpm', 'run', 'bench:markdown']],
  // 50 SIGKILL cycles and >= 20,000 acknowledged comments per backend; PostgreSQL in a private
  // cluster that is also stopped with -m immediate under the running app.
  ['crash test (full)', ['pnpm', 'run', 'test:crash']],
  // 5,000 hostile requests per backend over every route (SQLite, and PostgreSQL when
  // PARLEY_TEST_DATABASE_URL is set); prints the seed and the answers by status and code.
  [
    'API fuzz (full)',
    ['pnpm', 'run', 'test:fuzz', '--runs', '5000', '--backend', process.env.PARLEY_TEST_DATABASE_URL ? 'both' : 'sqlite'],
  ],
  // About 5,500 oversized, lying, garbage, over-long and slow requests to a `parley serve`
  // process; prints its RSS after each round (memory stays flat) and the answers by kind.
  ['request limits soak', ['pnpm', 'run', 'test:limits', '--rounds', '5']],
];

const results = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  results.push({ name, ok: run.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
