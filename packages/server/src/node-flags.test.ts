import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_NODE_FLAGS } from './node-flags.js';

const ROOT = join(import.meta.dirname, '../../..');
const flags = SERVER_NODE_FLAGS.join(' ');

test('the parley bin, pnpm parley, pnpm start and the server bench run with SERVER_NODE_FLAGS', () => {
  const shebang = readFileSync(join(import.meta.dirname, 'cli/main.ts'), 'utf8').split('\n')[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${flags}`);
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.equal(scripts.parley, `tsx ${flags} packages/server/src/cli/main.ts`);
  assert.match(scripts.start ?? '', new RegExp(`tsx ${flags} scripts/start\\.ts`));
  assert.match(readFileSync(join(import.meta.dirname, '../bench/server.ts'), 'utf8'), /execArgv = \[\.\.\.SERVER_NODE_FLAGS/);
});

test('this Node accepts every flag without a warning (a V8 flag it does not know would be ignored)', () => {
  const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
});

test('with SERVER_NODE_FLAGS a busy process keeps its young generation at 8 MB (two 4 MB semi-spaces)', () => {
  const churn = `let a=[];for(let i=0;i<2e6;i++){a.push({i,s:'x'+i});if(a.length>2000)a=[]}
    console.log(require('v8').getHeapSpaceStatistics().find((s)=>s.space_name==='new_space').space_size)`;
  const run = (args: readonly string[]) =>
    Number(spawnSync(process.execPath, [...args, '-e', churn], { encoding: 'utf8' }).stdout);
  const capped = run(SERVER_NODE_FLAGS);
  assert.ok(capped > 0 && capped <= 8 * 2 ** 20, `new space ${capped} bytes`);
  assert.ok(run([]) > capped, 'without the flag V8 grows it further (so the check above can fail)');
});
