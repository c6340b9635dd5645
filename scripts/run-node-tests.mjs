#!/usr/bin/env node
// Runs every *.test.ts under the given folders with node's test runner and tsx.
// Node 20's --test does not expand globs, so the files are found here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const roots = process.argv.slice(2);
if (!roots.length) {
  console.error('usage: run-node-tests.mjs <folder>…');
  process.exit(2);
}
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.test.ts')) files.push(path);
  }
};
for (const root of roots) walk(resolve(root));
if (!files.length) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
