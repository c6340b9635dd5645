import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type ImportOptions, ImportRun, type ImportSummary } from '../../domain/import.js';
import type { ImportFormat } from '../../domain/import-records.js';
import { buildSite } from '../../domain/sites.js';
import { type ImportRefTable, importStorageOf } from '../../storage/import-storage.js';
import { KyselyStorage } from '../../storage/kysely-storage.js';
import type { Storage } from '../../storage/types.js';
import { readerFor } from './readers.js';

/** A fixture file under test/fixtures/import. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));
}

/** A temporary folder removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Builds an Isso database from test/fixtures/import/isso.sql. */
export function issoDatabase(): string {
  const file = join(tempDir(), 'isso.db');
  const db = new Database(file);
  db.exec(readFileSync(fixture('isso.sql'), 'utf8'));
  db.close();
  return file;
}

export async function addSite(storage: Storage, id = 'demo'): Promise<void> {
  await storage.createSite(buildSite({ id, origins: ['https://news.example.com'] }, 1_700_000_000_000));
}

/** Imports a file the way `parley import` does. */
export function importFile(
  storage: Storage,
  format: ImportFormat,
  file: string,
  options: Partial<ImportOptions> = {},
): Promise<ImportSummary> {
  const run = new ImportRun({ siteId: 'demo', source: format, ...options });
  return run.run(importStorageOf(storage), readerFor(format)(file).records);
}

/** Every stored comment of a site with its page key and (when imported) its source id. */
export async function storedComments(storage: Storage, siteId = 'demo') {
  if (!(storage instanceof KyselyStorage)) throw new Error('tests use the Kysely storage');
  const db = storage.db.withTables<{ import_refs: ImportRefTable }>();
  const rows = await db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .leftJoin('import_refs', 'import_refs.comment_id', 'comments.id')
    .selectAll('comments')
    .select(['pages.key as page_key', 'import_refs.source_id'])
    .where('pages.site_id', '=', siteId)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    created_at: Number(r.created_at),
    edited_at: r.edited_at === null ? null : Number(r.edited_at),
    depth: Number(r.depth),
    up: Number(r.up),
    down: Number(r.down),
  }));
}

export type StoredComment = Awaited<ReturnType<typeof storedComments>>[number];

/** Comments keyed by source id. */
export async function bySource(storage: Storage): Promise<Map<string, StoredComment>> {
  return new Map((await storedComments(storage)).map((c) => [c.source_id ?? c.id, c]));
}

export async function storedPages(storage: Storage, siteId = 'demo') {
  if (!(storage instanceof KyselyStorage)) throw new Error('tests use the Kysely storage');
  const rows = await storage.db.selectFrom('pages').selectAll().where('site_id', '=', siteId).orderBy('key').execute();
  return rows.map((p) => ({ key: p.key, url: p.url, title: p.title, locked: Number(p.locked) === 1 }));
}
