import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { assertDurable, type DurabilityPolicy } from '../durability.js';
import { KyselyStorage } from '../kysely-storage.js';
import { migrateToLatest } from '../migrations.js';
import type { Database as Schema } from '../schema.js';

/**
 * Opens (creating if needed) a SQLite database with durable settings and applies migrations.
 * With `durability`, the settings in effect are checked before anything is migrated.
 */
export async function openSqlite(file: string, options: { durability?: DurabilityPolicy } = {}): Promise<KyselyStorage> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file);
  // WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged
  // comment survives a power cut (https://www.sqlite.org/pragma.html#pragma_synchronous).
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachePreparedStatements(raw) }) });
  if (options.durability) {
    try {
      await assertDurable(db, 'sqlite', options.durability);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  const applied = await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const storage = new KyselyStorage(db, 'sqlite');
  storage.migrationsApplied = applied;
  return storage;
}

/** Copies a live SQLite database to `target` with SQLite's online backup API. */
export async function backupSqlite(file: string, target: string): Promise<void> {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(dirname(target), { recursive: true });
    await raw.backup(target);
  } finally {
    raw.close();
  }
}

/**
 * Kysely prepares every query anew; the queries are few and repeat, so keep their prepared
 * statements (better-sqlite3 runs one statement at a time, so sharing them is safe). SQLite
 * re-prepares a kept statement by itself after a schema change.
 */
function cachePreparedStatements(raw: Database.Database, max = 500): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.clear();
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof raw.prepare;
  return raw;
}
