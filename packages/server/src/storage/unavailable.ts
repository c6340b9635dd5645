/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, locked or out
 * of disk) from a bug. Such errors become `503 database-unavailable` with Retry-After, so clients
 * retry instead of reporting a server fault. Reads only error codes and messages: no driver import.
 */

/** Socket errors of a connection that is refused, dropped or timed out. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutting down, crashed,
 * starting up), class 53 (too many connections, disk full, out of memory).
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
function isPostgresUnavailable(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || /^53[0-9A-Z]{3}$/.test(code);
}

/**
 * better-sqlite3 codes (extended codes start with the primary one): the file is locked beyond the
 * busy timeout, the disk fails or is full, the file cannot be opened.
 */
const SQLITE_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL'];

/** node-postgres reports a lost or timed-out connection with a message and no code. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /is not queryable/,
  /timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
];

/** True when `err` (or an error it wraps) says the database is unreachable rather than the query wrong. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 4 || err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') {
    if (SOCKET_CODES.has(e.code) || isPostgresUnavailable(e.code)) return true;
    if (SQLITE_PREFIXES.some((p) => e.code === p || (e.code as string).startsWith(`${p}_`))) return true;
  }
  if (typeof e.message === 'string' && PG_MESSAGES.some((re) => re.test(e.message as string))) return true;
  // Node reports a refused connection to every address of a host name as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return e.cause !== undefined && isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * True when PostgreSQL refused a text value it cannot hold: a NUL character (SQLSTATE 22021,
 * character_not_in_repertoire) or one its encoding lacks (22P05). Such text can come from any
 * request field that is compared or stored without cleaning (ids, e-mail addresses, keys), so it
 * is the client's error, not a fault. Found by the API fuzz; SQLite stores and compares NUL.
 */
export function isUnstorableText(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}
