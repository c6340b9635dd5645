import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { problemFromError } from '../domain/problem.js';
import { isDatabaseUnavailable } from './unavailable.js';

/** The classifier, fed with errors the real drivers throw. */

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('isDatabaseUnavailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-unavailable-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a SQLite file locked by another writer is unavailable; a constraint or syntax error is not', () => {
    const file = join(dir, 'locked.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('create table t (id integer primary key)');
    const other = new Database(file, { timeout: 0 });
    holder.exec('begin immediate');
    const busy = thrown(() => other.exec('insert into t values (1)'));
    assert.match(String((busy as { code?: string }).code), /^SQLITE_BUSY/);
    assert.equal(isDatabaseUnavailable(busy), true);
    holder.exec('rollback');
    other.exec('insert into t values (1)');
    assert.equal(isDatabaseUnavailable(thrown(() => other.exec('insert into t values (1)'))), false);
    assert.equal(isDatabaseUnavailable(thrown(() => other.exec('selec 1'))), false);
    holder.close();
    other.close();
  });

  test('a refused PostgreSQL connection is unavailable, also when wrapped as a cause', async () => {
    // Port 1 on loopback: nothing listens there.
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/x' });
    const err = await client.connect().then(
      () => new Error('connected?'),
      (e: unknown) => e,
    );
    assert.equal(isDatabaseUnavailable(err), true);
    assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: err })), true);
  });

  test('ordinary errors, PostgreSQL query errors and non-errors are not', () => {
    assert.equal(isDatabaseUnavailable(new Error('boom')), false);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: '23505' })), false);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' })), false);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('shutdown'), { code: '57P01' })), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('too many'), { code: '53300' })), true);
    assert.equal(isDatabaseUnavailable(undefined), false);
    assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false);
  });

  test('problemFromError maps it to 503 database-unavailable with Retry-After', () => {
    const p = problemFromError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    assert.equal(p?.status, 503);
    assert.equal(p?.code, 'database-unavailable');
    assert.equal(p?.retryAfter, 2);
    assert.equal(problemFromError(new Error('bug')), undefined);
  });
});
