import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The layering of issue 3: the HTTP layer never sees SQL or a database driver, and storage never
 * sees Hono. Checked on the import statements of every source file (tests may cross layers).
 */

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Every module a non-test .ts file under `folder` imports (static, dynamic and type imports). */
function importsUnder(folder: string): { file: string; from: string }[] {
  const found: { file: string; from: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) {
          found.push({ file: relative(SRC, path), from: m[1] ?? '' });
        }
      }
    }
  };
  walk(join(SRC, folder));
  return found;
}

const DRIVERS = /^(kysely|pg|better-sqlite3)(\/|$)|\/storage\/(sqlite|postgres)\/|\/kysely-storage\.js$|\/schema\.js$/;

test('http/ and domain/ import no database driver, query builder or storage implementation', () => {
  const all = [...importsUnder('http'), ...importsUnder('domain')];
  assert.ok(
    all.some((i) => i.from.endsWith('/storage/types.js')),
    'the scan sees the storage interface imports',
  );
  assert.deepEqual(
    all.filter((i) => DRIVERS.test(i.from)),
    [],
  );
});

test('storage/ imports neither Hono nor the HTTP layer', () => {
  const all = importsUnder('storage');
  assert.ok(
    all.some((i) => i.from === 'kysely'),
    'the scan sees the storage imports',
  );
  assert.deepEqual(
    all.filter((i) => /^(hono|@hono\/)/.test(i.from) || /\/http\//.test(i.from)),
    [],
  );
});

test('the check catches a crossing', () => {
  assert.ok(DRIVERS.test('kysely') && DRIVERS.test('pg') && DRIVERS.test('../../storage/sqlite/open.js'));
  assert.ok(!DRIVERS.test('../storage/types.js') && !DRIVERS.test('pgp-words'));
});
