import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** `parley admin …`, `parley site show|set` and the first owner of `parley serve`, run as real processes. */

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-admin-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function parley(args: string[], options: { db?: string; stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: PACKAGE,
      env: { ...process.env, PARLEY_DATABASE_URL: `sqlite:${join(dir, options.db ?? 'cli.sqlite')}`, PARLEY_SCRYPT_N: '1024' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('parley site show / set', () => {
  test('show prints every setting; set changes valid ones and refuses unknown keys and bad values', async () => {
    assert.equal((await parley(['site', 'add', 'news', '--origin', 'https://news.example'])).code, 0);
    const shown = await parley(['site', 'show', 'news']);
    assert.equal(shown.code, 0);
    for (const line of [
      'name=news',
      'origins=https://news.example',
      'moderation=none',
      'rate-limit-per-minute=3',
      'auto-close-days=0',
    ]) {
      assert.ok(shown.stdout.split('\n').includes(line), `${line} in\n${shown.stdout}`);
    }
    const set = await parley([
      'site',
      'set',
      'news',
      'moderation=all',
      'rate-limit-per-minute=0',
      'require-email=true',
      'origins=https://a.example,https://b.example',
    ]);
    assert.equal(set.code, 0, set.stderr);
    const after = (await parley(['site', 'show', 'news'])).stdout.split('\n');
    for (const line of [
      'moderation=all',
      'rate-limit-per-minute=0',
      'require-email=true',
      'origins=https://a.example,https://b.example',
    ]) {
      assert.ok(after.includes(line), line);
    }

    const bad = await parley([
      'site',
      'set',
      'news',
      'moderation=sometimes',
      'colour=blue',
      'max-depth=-1',
      'require-name=maybe',
      'max-depth',
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /moderation must be one of none, links, first, all, not "sometimes"/);
    assert.match(bad.stderr, /unknown setting "colour"/);
    assert.match(bad.stderr, /max-depth must be an integer 0-100, not "-1"/);
    assert.match(bad.stderr, /require-name must be true or false/);
    assert.match(bad.stderr, /"max-depth" is not name=value/);
    const badOrigin = await parley(['site', 'set', 'news', 'moderation=none', 'origins=ftp://x']);
    assert.equal(badOrigin.code, 2);
    assert.match(badOrigin.stderr, /not an origin/);
    const unchanged = (await parley(['site', 'show', 'news'])).stdout.split('\n');
    assert.ok(unchanged.includes('moderation=all'), 'nothing changed by refused commands');

    const missing = await parley(['site', 'show', 'nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no site "nope"/);
    const help = await parley(['site', '--help']);
    assert.match(help.stdout, /auto-close-days/);
  });
});

describe('parley admin', () => {
  test('add reads the password from stdin; list; remove; bad input exits 2', async () => {
    const db = 'admins.sqlite';
    assert.equal((await parley(['site', 'add', 'blog', '--origin', 'https://blog.example'], { db })).code, 0);
    const owner = await parley(['admin', 'add', 'Owner@Example.com'], { db, stdin: 'a long owner password\n' });
    assert.equal(owner.code, 0, owner.stderr);
    assert.match(owner.stdout, /Added owner owner@example.com/);
    const mod = await parley(['admin', 'add', 'mod@example.com', '--role', 'moderator', '--site', 'blog', '--name', 'Mo'], {
      db,
      stdin: 'a long moderator password\n',
    });
    assert.equal(mod.code, 0, mod.stderr);
    const list = await parley(['admin', 'list'], { db });
    assert.match(list.stdout, /mod@example.com\tmoderator\tblog\tMo/);
    assert.match(list.stdout, /owner@example.com\towner\tall sites/);

    const short = await parley(['admin', 'add', 'x@example.com'], { db, stdin: 'short\n' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /password: must be at least 12 characters/);
    const noSite = await parley(['admin', 'add', 'y@example.com', '--role', 'moderator'], {
      db,
      stdin: 'long enough password\n',
    });
    assert.equal(noSite.code, 2);
    assert.match(noSite.stderr, /a moderator needs at least one site/);
    const badRole = await parley(['admin', 'add', 'z@example.com', '--role', 'king'], { db });
    assert.equal(badRole.code, 2);
    const twice = await parley(['admin', 'add', 'mod@example.com', '--role', 'moderator', '--site', 'blog'], {
      db,
      stdin: 'long enough password\n',
    });
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /exists already/);

    const last = await parley(['admin', 'remove', 'owner@example.com'], { db });
    assert.equal(last.code, 1);
    assert.match(last.stderr, /last owner/);
    assert.equal((await parley(['admin', 'remove', 'mod@example.com'], { db })).code, 0);
    assert.doesNotMatch((await parley(['admin', 'list'], { db })).stdout, /mod@example.com/);
  });

  test('serve on a fresh install prints a one-time password for admin@localhost, once', async () => {
    const db = 'fresh.sqlite';
    const first = await serveOnce(db);
    const password = /password\s+(\S+)/.exec(first.out)?.[1];
    assert.ok(password && password.length >= 20, first.out);
    assert.match(first.out, /admin@localhost/);
    assert.match(first.out, /choose a new password/);
    const res = await fetch(`${first.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password }),
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { admin: { mustChangePassword: boolean } }).admin.mustChangePassword, true);
    await first.stop();
    const second = await serveOnce(db);
    assert.doesNotMatch(second.out, /password/);
    await second.stop();
  });
});

/** Starts `parley serve` on a free port and resolves once its start lines are out. */
function serveOnce(db: string): Promise<{ url: string; out: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    cwd: PACKAGE,
    env: {
      ...process.env,
      PARLEY_DATABASE_URL: `sqlite:${join(dir, db)}`,
      PORT: '0',
      HOST: '127.0.0.1',
      PARLEY_SCRYPT_N: '1024',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start line; got ${out}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      // The notice, when there is one, is written right after the start line.
      if (m?.[1] && (out.includes('add your own account') || !out.includes('No administrator'))) {
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ url: m[1] as string, out, stop });
        }, 200);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}
