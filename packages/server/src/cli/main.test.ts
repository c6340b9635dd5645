import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** The real CLI, spawned through tsx against a temporary SQLite file. */

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: PACKAGE,
    env: { ...process.env, PARLEY_DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function parley(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = start(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('parley CLI', () => {
  test('--help works on every command and names the commands', async () => {
    const main = await parley(['--help']);
    assert.equal(main.code, 0);
    for (const word of ['serve', 'migrate', 'site add', 'site list', 'backup', 'admin', 'import', 'export'])
      assert.ok(main.stdout.includes(word), word);
    for (const args of [
      ['serve', '--help'],
      ['migrate', '--help'],
      ['site', '--help'],
      ['site', 'add', '--help'],
      ['site', 'list', '--help'],
      ['site', 'show', '--help'],
      ['site', 'set', '--help'],
      ['backup', '-h'],
      ['admin', '--help'],
      ['admin', 'add', '--help'],
      ['import', '--help'],
      ['export', '--help'],
    ]) {
      const run = await parley(args);
      assert.equal(run.code, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: parley /, args.join(' '));
      assert.equal(run.stderr, '');
    }
    assert.ok(!existsSync(join(dir, 'cli.sqlite')), 'help touches no database');
  });

  test('parley help <command> prints that command’s help, as <command> --help does', async () => {
    const main = await parley(['--help']);
    assert.deepEqual(await parley(['help']), main);
    for (const command of ['serve', 'migrate', 'site', 'backup', 'admin', 'import', 'export']) {
      const run = await parley(['help', command]);
      const own = await parley([command, '--help']);
      assert.equal(run.code, 0, command);
      assert.notEqual(run.stdout, main.stdout, `help ${command} is not the main help`);
      assert.equal(run.stdout, own.stdout, command);
      assert.equal(run.stderr, '');
    }
    assert.equal((await parley(['help', 'site', 'add'])).stdout, (await parley(['site', '--help'])).stdout);
    const unknown = await parley(['help', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"; see parley --help/);
    assert.ok(!existsSync(join(dir, 'cli.sqlite')), 'help touches no database');
  });

  test('an unknown command or option is a usage error with exit code 2', async () => {
    const unknown = await parley(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"; see parley --help/);
    const option = await parley(['migrate', '--force']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--force/);
    const sub = await parley(['site', 'remove', 'x']);
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /unknown site command "remove"/);
  });

  test('migrate applies the migrations once', async () => {
    const env = { PARLEY_DATABASE_URL: `sqlite:${join(dir, 'migrate.sqlite')}` };
    const first = await parley(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Applied migration 0001-initial/);
    const again = await parley(['migrate'], env);
    assert.equal(again.code, 0);
    assert.equal(again.stdout, 'Database was up to date already.\n');
  });

  test('site add takes several origins and a name; site list shows them', async () => {
    const env = { PARLEY_DATABASE_URL: `sqlite:${join(dir, 'sites.sqlite')}` };
    const empty = await parley(['site', 'list'], env);
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, /No sites yet/);
    const add = await parley(
      [
        'site',
        'add',
        'news',
        '--origin',
        'https://news.example.com',
        '--origin',
        'https://www.example.com/',
        '--name',
        'The News',
      ],
      env,
    );
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Added site news for https:\/\/news.example.com, https:\/\/www.example.com/);
    const list = await parley(['site', 'list'], env);
    assert.equal(list.stdout, 'news\tThe News\thttps://news.example.com https://www.example.com\n');
    const twice = await parley(['site', 'add', 'news', '--origin', 'https://x.example'], env);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /site "news" exists already/);
  });

  test('site add with a bad id, a bad origin or no origin says what is wrong and exits 2', async () => {
    const env = { PARLEY_DATABASE_URL: `sqlite:${join(dir, 'bad.sqlite')}` };
    const badId = await parley(['site', 'add', 'Bad_ID', '--origin', 'https://a.example'], env);
    assert.equal(badId.code, 2);
    assert.match(badId.stderr, /^parley: id: must be 1-64 characters of a-z, 0-9 and -\n$/);
    const badOrigin = await parley(['site', 'add', 'ok', '--origin', 'https://a.example/path', '--origin', 'ftp://b'], env);
    assert.equal(badOrigin.code, 2);
    assert.match(badOrigin.stderr, /origins\[0\]: "https:\/\/a.example\/path" is not an origin.*origins\[1\]/);
    const none = await parley(['site', 'add', 'ok'], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs at least one --origin/);
    const noId = await parley(['site', 'add', '--origin', 'https://a.example'], env);
    assert.equal(noId.code, 2);
    const list = await parley(['site', 'list'], env);
    assert.match(list.stdout, /No sites yet/, 'nothing was created');
  });

  test('backup writes a consistent SQLite copy', async () => {
    const env = { PARLEY_DATABASE_URL: `sqlite:${join(dir, 'live.sqlite')}` };
    assert.equal((await parley(['site', 'add', 'demo', '--origin', 'https://a.example'], env)).code, 0);
    const target = join(dir, 'copies', 'backup.sqlite');
    const run = await parley(['backup', target], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Backed up .*live.sqlite to /);
    const copy = new Database(target, { readonly: true });
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(copy.prepare('select id from sites').all(), [{ id: 'demo' }]);
    } finally {
      copy.close();
    }
    assert.equal((await parley(['backup'], env)).code, 2);
    assert.equal((await parley(['backup', 'a', 'b'], env)).code, 2);
    const pg = await parley(['backup', target], { PARLEY_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' });
    assert.equal(pg.code, 2);
    assert.match(pg.stderr, /pg_dump/);
  });

  test('serve starts, answers /healthz and stops cleanly on SIGTERM', async () => {
    const child = start(['serve'], { PORT: '0', HOST: '127.0.0.1', PARLEY_DATABASE_URL: `sqlite:${join(dir, 'serve.sqlite')}` });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start line; got ${out}`)), 30_000);
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const res = await fetch(`${url}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      await assert.rejects(fetch(`${url}/healthz`), 'nothing listens any more');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
