import { type Kysely, sql } from 'kysely';
import type { Dialect } from './types.js';

/**
 * What the server checks before it accepts a single comment: that the database will keep every
 * write it acknowledged through a process crash or a power cut. SQLite: WAL journal with
 * `synchronous=FULL` (https://www.sqlite.org/pragma.html#pragma_synchronous). PostgreSQL: `fsync`,
 * `synchronous_commit` and `full_page_writes` on (https://www.postgresql.org/docs/current/wal-reliability.html).
 */
export interface DurabilityPolicy {
  /** Start anyway, with a warning, when a setting is weaker (PARLEY_ALLOW_UNSAFE_DURABILITY=1). */
  allowUnsafe: boolean;
  /** Where the warning goes; console.warn by default. */
  warn?: (message: string) => void;
}

/** Thrown when the database's settings could lose acknowledged writes and that is not allowed. */
export class UnsafeDurabilityError extends Error {
  readonly weaknesses: string[];

  constructor(weaknesses: string[]) {
    super(
      `refusing to start: the database could lose acknowledged comments in a crash or power cut:\n${weaknesses
        .map((w) => `  - ${w}`)
        .join('\n')}\nFix the setting, or set PARLEY_ALLOW_UNSAFE_DURABILITY=1 to start anyway (tests, throw-away data).`,
    );
    this.name = 'UnsafeDurabilityError';
    this.weaknesses = weaknesses;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the check reads settings, not tables
type AnyDb = Kysely<any>;

/** SQLite's `synchronous` values: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const SQLITE_SYNC = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** Every setting of this connection that is weaker than durable; empty when all is well. */
export async function durabilityWeaknesses(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const weaknesses: string[] = [];
  if (dialect === 'sqlite') {
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const mode = String(journal[0]?.journal_mode ?? '').toLowerCase();
    if (mode !== 'wal')
      weaknesses.push(`SQLite journal_mode is ${mode || 'unknown'} (must be wal; an in-memory database cannot be durable)`);
    const { rows: sync } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    const level = Number(sync[0]?.synchronous);
    if (!(level >= 2)) weaknesses.push(`SQLite synchronous is ${SQLITE_SYNC[level] ?? String(level)} (must be FULL)`);
    return weaknesses;
  }
  // pg_settings shows this session's values, so options given in the URL (-c …) count too.
  const { rows } = await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')`.execute(db);
  const setting = new Map(rows.map((r) => [r.name, r.setting]));
  if (setting.get('fsync') !== 'on') weaknesses.push(`PostgreSQL fsync is ${setting.get('fsync') ?? 'unknown'} (must be on)`);
  // local, remote_write and remote_apply all wait for the local WAL flush; only off does not.
  const commit = setting.get('synchronous_commit');
  if (!commit || commit === 'off') weaknesses.push(`PostgreSQL synchronous_commit is ${commit ?? 'unknown'} (must be on)`);
  if (setting.get('full_page_writes') !== 'on') {
    weaknesses.push(`PostgreSQL full_page_writes is ${setting.get('full_page_writes') ?? 'unknown'} (must be on)`);
  }
  return weaknesses;
}

/** Throws {@link UnsafeDurabilityError} on weak settings unless the policy allows them (then warns). */
export async function assertDurable(db: AnyDb, dialect: Dialect, policy: DurabilityPolicy): Promise<void> {
  const weaknesses = await durabilityWeaknesses(db, dialect);
  if (weaknesses.length === 0) return;
  if (!policy.allowUnsafe) throw new UnsafeDurabilityError(weaknesses);
  (policy.warn ?? console.warn)(
    `warning: PARLEY_ALLOW_UNSAFE_DURABILITY=1, starting although acknowledged comments may be lost in a crash:\n${weaknesses
      .map((w) => `  - ${w}`)
      .join('\n')}`,
  );
}
