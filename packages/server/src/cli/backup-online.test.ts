import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { buildSite } from '../domain/sites.js';
import { openSqlite } from '../storage/sqlite/open.js';
import type { NewComment } from '../storage/types.js';
import { ORIGIN } from '../test-support.js';
import { runCli } from '../testing/cli-process.js';

/** `parley backup` is an online backup: it copies a database that is being written meanwhile. */

const dir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function comment(i: number): NewComment {
  return {
    id: `c${i}`,
    siteId: 'demo',
    page: { key: `/p${i % 7}`, url: '', title: '' },
    parentId: null,
    rootId: null,
    depth: 0,
    authorName: 'Writer',
    authorEmail: null,
    authorWebsite: null,
    body: `comment ${i}`,
    html: `<p>comment ${i}</p>`,
    status: 'approved',
    createdAt: Date.now(),
    editTokenHash: 'x',
    ipHash: null,
  };
}

test('a backup taken while comments are being written is a consistent copy of some moment', async () => {
  const file = join(dir, 'live.sqlite');
  const storage = await openSqlite(file);
  after(() => storage.close());
  await storage.createSite(buildSite({ id: 'demo', origins: [ORIGIN] }, Date.now()));
  for (let i = 0; i < 50; i++) await storage.insertComment(comment(i));

  // Keep writing (yielding between inserts so the spawned CLI gets its turn) until the backup ends.
  let written = 50;
  let done = false;
  const writer = (async () => {
    while (!done) {
      await storage.insertComment(comment(written));
      written++;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const target = join(dir, 'copy.sqlite');
  const run = await runCli(['backup', target], { PARLEY_DATABASE_URL: `sqlite:${file}` });
  done = true;
  await writer;
  assert.equal(run.code, 0, run.stderr);

  const copy = new Database(target, { readonly: true });
  try {
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(copy.pragma('foreign_key_check'), []);
    const count = (copy.prepare('select count(*) as n from comments').get() as { n: number }).n;
    assert.ok(count >= 50 && count <= written, `${count} comments copied of ${written} written`);
    // A moment's copy has no gaps: comments 0..count-1, each with its page.
    const ids = copy.prepare('select id from comments').all() as { id: string }[];
    assert.deepEqual(new Set(ids.map((r) => r.id)), new Set(Array.from({ length: count }, (_, i) => `c${i}`)));
  } finally {
    copy.close();
  }
  assert.ok(written > 50, 'writes went on during the backup');
});

test('a backup of a database that does not exist says which file, exit 1, and creates nothing', async () => {
  const missing = join(dir, 'missing.sqlite');
  const run = await runCli(['backup', join(dir, 'never.sqlite')], { PARLEY_DATABASE_URL: `sqlite:${missing}` });
  assert.equal(run.code, 1);
  assert.equal(run.stderr, `parley: no SQLite database at ${missing}; nothing to back up\n`);
  const memory = await runCli(['backup', join(dir, 'never.sqlite')], { PARLEY_DATABASE_URL: 'sqlite::memory:' });
  assert.equal(memory.code, 1);
  assert.match(memory.stderr, /no SQLite database at :memory:/);
});
