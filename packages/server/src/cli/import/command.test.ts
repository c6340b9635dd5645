import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fixture, tempDir } from './test-helpers.js';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `parley …` as a separate process, the way an administrator would. */
function parley(env: Record<string, string>, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', main, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('parley import and export (spawned, on a temporary SQLite file)', () => {
  const dir = tempDir();
  const env = { PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.sqlite')}` };

  test('imports, skips on the second run, dry-runs, exports, and fails clearly', async () => {
    assert.equal((await parley(env, 'site', 'add', 'demo', '--origin', 'https://news.example.com')).code, 0);

    const first = await parley(env, 'import', '--from', 'disqus', fixture('disqus.xml'), '--site', 'demo');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Imported 9 comments \(2 new pages\) into site demo from disqus file /m);
    assert.match(first.stdout, /^Read 11 records: 9 imported, 1 skipped, 1 failed\.$/m);
    assert.match(first.stdout, /^Skipped: duplicate id in the file 1\.$/m);
    assert.match(first.stdout, /^Failed: missing or invalid creation date 1\.$/m);
    assert.match(first.stdout, /^ {2}<post> at line 142 \(id 5009\): missing or invalid creation date$/m);
    assert.match(first.stdout, /^Warnings: 1\.$/m);
    // E-mail addresses are stored, never printed.
    assert.doesNotMatch(first.stdout + first.stderr, /@example\./);

    const second = await parley(env, 'import', '--from', 'disqus', fixture('disqus.xml'), '--site', 'demo');
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Read 11 records: 0 imported, 10 skipped, 1 failed\.$/m);
    assert.match(second.stdout, /^Skipped: already imported 10\.$/m);

    const dry = await parley(
      env,
      'import',
      '--from',
      'wordpress',
      fixture('wordpress.xml'),
      '--site',
      'demo',
      '--dry-run',
      '--map-url',
      'https://blog.example.com/=https://news.example.com/',
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run: would import 8 comments \(2 new pages\)/m);
    assert.match(dry.stdout, /^Dry run: nothing was written\.$/m);

    const target = join(dir, 'backup.jsonl');
    const exported = await parley(env, 'export', '--site', 'demo', target);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^Exported 9 comments on 2 pages of site demo to /m);
    assert.equal(statSync(target).mode & 0o777, 0o600, 'the backup holds e-mail addresses: owner only');
    const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('{"type":"comment"')).length, 9, 'the dry run wrote nothing');
    assert.equal(lines.filter((l) => l.startsWith('{"type":"page"')).length, 2);

    const malformed = await parley(env, 'import', '--from', 'disqus', fixture('disqus-malformed.xml'), '--site', 'demo');
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /^parley import: malformed file at line 13, column \d+ in <post> opened at line 12: /m);
    assert.doesNotMatch(malformed.stderr, /\n\s+at /, 'no stack trace');
  });

  test('a file with a record too long to hold exits 1 naming where, without a stack', async () => {
    // A gzip Remark42 backup whose second line inflates to 17 MiB: a few kilobytes on disk.
    const file = join(dir, 'bomb.jsonl.gz');
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from('{"version":1}\n{"id":"'), Buffer.alloc(17 * 1024 * 1024, 'a')])));
    const res = await parley(env, 'import', '--from', 'remark42', file, '--site', 'demo');
    assert.equal(res.code, 1);
    assert.match(res.stderr, /^parley import: file too large to read at line 2: the line is longer than 16777216 characters$/m);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  });

  test('bad arguments exit 2 with a hint', async () => {
    const noFormat = await parley(env, 'import', fixture('disqus.xml'), '--site', 'demo');
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /--from must be one of disqus, wordpress, isso, remark42, commento, parley/);
    const badRule = await parley(
      env,
      'import',
      '--from',
      'disqus',
      fixture('disqus.xml'),
      '--site',
      'demo',
      '--map-url',
      'nonsense',
    );
    assert.equal(badRule.code, 2);
    assert.match(badRule.stderr, /--map-url needs FROM=TO/);
    const missing = await parley(env, 'import', '--from', 'disqus', join(dir, 'nope.xml'), '--site', 'demo');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*nope\.xml/);
    const help = await parley(env, 'export', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /administrator's backup/);
  });
});
