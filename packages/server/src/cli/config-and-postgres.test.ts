import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { dropPostgresSchema } from '../storage/postgres/open.js';
import { runCli } from '../testing/cli-process.js';

/**
 * The CLI beyond main.test.ts: bad settings in the environment are named and touch no database,
 * and migrate / site add / site list work the same on PostgreSQL as on SQLite.
 */

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-env-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('parley CLI: settings from the environment', () => {
  test('a bad PORT or an unsupported database URL is named on one line, exit 1, no database made', async () => {
    const file = join(dir, 'never.sqlite');
    const port = await runCli(['serve'], { PORT: 'abc', PARLEY_DATABASE_URL: `sqlite:${file}` });
    assert.equal(port.code, 1);
    assert.equal(port.stderr, 'parley: PORT must be 0-65535, not "abc"\n');
    const high = await runCli(['serve'], { PORT: '70000', PARLEY_DATABASE_URL: `sqlite:${file}` });
    assert.equal(high.code, 1);
    assert.match(high.stderr, /^parley: PORT must be 0-65535, not "70000"\n$/);
    const url = await runCli(['migrate'], { PARLEY_DATABASE_URL: 'mysql://db.example/parley' });
    assert.equal(url.code, 1);
    assert.equal(url.stderr, 'parley: unsupported database URL "mysql://db.example/parley": use sqlite:PATH or postgres://…\n');
    assert.ok(!existsSync(file), 'nothing was created');
  });

  test('without PARLEY_DATABASE_URL the database is ./data/parley.sqlite under the working directory', async () => {
    const cwd = mkdtempSync(join(dir, 'default-'));
    const run = await runCli(['site', 'list'], { PARLEY_DATABASE_URL: undefined }, cwd);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(cwd, 'data', 'parley.sqlite')), 'the default file was created');
  });
});

describe('parley CLI on PostgreSQL', { skip: pgUrl ? false : 'PARLEY_TEST_DATABASE_URL not set' }, () => {
  /** A URL whose connections use an empty schema of this test's own (dropped when the file ends). */
  async function emptySchemaUrl(): Promise<string> {
    const url = pgUrl as string;
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema "${schema}"`);
    await client.end();
    after(() => dropPostgresSchema(url, schema));
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return scoped.toString();
  }

  test('migrate applies the migrations once; site add and site list work as on SQLite', async () => {
    const env = { PARLEY_DATABASE_URL: await emptySchemaUrl() };
    const first = await runCli(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Applied migration 0001-initial\n/);
    assert.match(first.stdout, /Database is up to date\.\n$/);
    const again = await runCli(['migrate'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'Database was up to date already.\n');

    const add = await runCli(['site', 'add', 'news', '--origin', 'https://news.example.com', '--name', 'The News'], env);
    assert.equal(add.code, 0, add.stderr);
    const list = await runCli(['site', 'list'], env);
    assert.equal(list.stdout, 'news\tThe News\thttps://news.example.com\n');
    const twice = await runCli(['site', 'add', 'news', '--origin', 'https://x.example'], env);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /site "news" exists already/);
  });

  test('an unreachable server or a search_path without a schema is one clear line, exit 1', async () => {
    const down = await runCli(['migrate'], { PARLEY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/parley' });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /^parley: .*ECONNREFUSED 127\.0\.0\.1:1\n$/);
    const missing = new URL(pgUrl as string);
    missing.searchParams.set('options', `-c search_path=parley_missing_${randomBytes(6).toString('hex')}`);
    const noSchema = await runCli(['migrate'], { PARLEY_DATABASE_URL: missing.toString() });
    assert.equal(noSchema.code, 1);
    assert.equal(noSchema.stderr, 'parley: PostgreSQL has no current schema; check search_path\n');
  });
});
