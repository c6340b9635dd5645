import { resolve } from 'node:path';
import type { DurabilityPolicy } from './durability.js';
import { openPostgres } from './postgres/open.js';
import { openSqlite } from './sqlite/open.js';
import type { Storage } from './types.js';

/** The default database: a SQLite file under ./data of the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/parley.sqlite';

/**
 * Resolves `sqlite:PATH` (or `sqlite::memory:`) and `postgres://…` URLs to a storage. With
 * `durability` (the server passes it), weak durability settings refuse the open (see durability.ts).
 */
export async function openStorage(
  url: string = DEFAULT_DATABASE_URL,
  options: { durability?: DurabilityPolicy } = {},
): Promise<Storage> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options);
  if (url.startsWith('sqlite:')) return openSqlite(sqlitePath(url), options);
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://…`);
}

/** The file path of a `sqlite:` URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' ? path : resolve(path);
}
