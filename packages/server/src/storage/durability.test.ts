import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { readConfig } from '../config.js';
import { startServer } from '../server.js';
import { startPrivatePostgres } from '../testing/private-postgres.js';
import { durabilityWeaknesses, UnsafeDurabilityError } from './durability.js';
import { dropPostgresSchema, openPostgres } from './postgres/open.js';
import { openSqlite } from './sqlite/open.js';

/** The server refuses databases that could lose acknowledged comments, unless told otherwise. */

const dir = mkdtempSync(join(tmpdir(), 'parley-durability-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const refuse = { allowUnsafe: false };

describe('durability check on sqlite', () => {
  test('a file database opened by Parley is WAL with synchronous=FULL and foreign keys on, and passes', async () => {
    const storage = await openSqlite(join(dir, 'ok.sqlite'), { durability: refuse });
    assert.deepEqual(await durabilityWeaknesses(storage.db, 'sqlite'), []);
    // Pragmas are per connection: ask the storage's own connection, not a second one.
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(storage.db)).rows[0] ?? {})[0];
    assert.equal(await pragma('journal_mode'), 'wal');
    assert.equal(await pragma('synchronous'), 2, 'FULL');
    assert.equal(await pragma('foreign_keys'), 1);
    await storage.close();
  });

  test('synchronous=NORMAL and a rollback journal are named as weaknesses', async () => {
    const raw = new Database(join(dir, 'weak.sqlite'));
    raw.pragma('journal_mode = DELETE');
    raw.pragma('synchronous = NORMAL');
    const db = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    const weaknesses = await durabilityWeaknesses(db, 'sqlite');
    assert.equal(weaknesses.length, 2);
    assert.match(weaknesses[0] ?? '', /journal_mode is delete/);
    assert.match(weaknesses[1] ?? '', /synchronous is NORMAL/);
    await db.destroy();
  });

  test('startServer refuses an in-memory database before listening, and starts with allowUnsafeDurability', async () => {
    const config = { ...readConfig({}), port: 0, databaseUrl: 'sqlite::memory:' };
    await assert.rejects(startServer(config), (err: unknown) => {
      assert.ok(err instanceof UnsafeDurabilityError);
      assert.match(err.message, /refusing to start/);
      assert.match(err.message, /journal_mode is memory/);
      assert.match(err.message, /PARLEY_ALLOW_UNSAFE_DURABILITY=1/);
      return true;
    });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const server = await startServer({ ...config, allowUnsafeDurability: true });
      assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
      await server.close();
    } finally {
      console.warn = warn;
    }
    assert.match(warnings.join('\n'), /starting although acknowledged comments may be lost/);
  });

  test('PARLEY_ALLOW_UNSAFE_DURABILITY takes 1 or 0 only', () => {
    assert.equal(readConfig({}).allowUnsafeDurability, false);
    assert.equal(readConfig({ PARLEY_ALLOW_UNSAFE_DURABILITY: '1' }).allowUnsafeDurability, true);
    assert.equal(readConfig({ PARLEY_ALLOW_UNSAFE_DURABILITY: '0' }).allowUnsafeDurability, false);
    assert.throws(() => readConfig({ PARLEY_ALLOW_UNSAFE_DURABILITY: 'yes' }), /must be 1 or 0/);
  });

  test('parley serve prints the reason and exits 1 on a weak database', async () => {
    const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
      env: { ...process.env, PORT: '0', PARLEY_DATABASE_URL: 'sqlite::memory:', PARLEY_ALLOW_UNSAFE_DURABILITY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /parley: refusing to start: .*\n {2}- SQLite journal_mode is memory/);
  });
});

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;
if (process.env.CI && !pgUrl) throw new Error('CI must set PARLEY_TEST_DATABASE_URL');

// Like the storage suite: PostgreSQL when PARLEY_TEST_DATABASE_URL is set (CI always sets it).
if (pgUrl)
  describe('durability check on postgres', () => {
    test('synchronous_commit=off for this session only (URL options) is refused before any schema is made', async () => {
      const schema = `parley_test_${randomBytes(6).toString('hex')}`;
      after(() => dropPostgresSchema(pgUrl, schema));
      const weak = `${pgUrl}?options=${encodeURIComponent('-c synchronous_commit=off')}`;
      await assert.rejects(
        openPostgres(weak, { schema, max: 2, durability: refuse }),
        /synchronous_commit is off \(must be on\)/,
      );
      const opened = await openPostgres(weak, { schema, max: 2, durability: { allowUnsafe: true, warn: () => {} } });
      await opened.close();
      const strong = await openPostgres(pgUrl, { schema, max: 2, durability: refuse });
      await strong.close();
    });

    test('a cluster running with fsync=off and full_page_writes=off is refused (private cluster)', async () => {
      const cluster = await startPrivatePostgres({ settings: { fsync: 'off', full_page_writes: 'off' } });
      after(() => cluster.destroy());
      await assert.rejects(openPostgres(cluster.url, { max: 2, durability: refuse }), (err: unknown) => {
        assert.ok(err instanceof UnsafeDurabilityError);
        assert.deepEqual(err.weaknesses, [
          'PostgreSQL fsync is off (must be on)',
          'PostgreSQL full_page_writes is off (must be on)',
        ]);
        return true;
      });
    });
  });
