import { resolve } from 'node:path';
import { openPostgres } from './postgres/open.js';
import { openSqlite } from './sqlite/open.js';
import type { Storage } from './types.js';

/** The default database: a SQLite file under ./data of the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/parley.sqlite';

/** Resolves `sqlite:PATH` (or `sqlite::memory:`) and `postgres://…` URLs to a storage. */
export async function openStorage(url: string = DEFAULT_DATABASE_URL): Promise<Storage> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (url.startsWith('sqlite:')) return openSqlite(sqlitePath(url));
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://…`);
}

/** The file path of a `sqlite:` URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' ? path : resolve(path);
}
