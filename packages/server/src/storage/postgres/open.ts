import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { assertDurable, type DurabilityPolicy } from '../durability.js';
import { KyselyStorage } from '../kysely-storage.js';
import { migrateToLatest } from '../migrations.js';
import type { Database as Schema } from '../schema.js';
import { ScopedPostgresDialect } from './dialect.js';
import { PgListener } from './listen.js';

const INT8_OID = 20;

export interface PostgresOptions {
  /** Schema to create and use instead of `public` (tests isolate themselves this way). */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
  /** Check fsync, synchronous_commit and full_page_writes before creating or migrating anything. */
  durability?: DurabilityPolicy;
}

/**
 * Schema DDL (create, migrate, drop) takes this session-level advisory lock, so that first opens
 * of one schema migrate one after the other and a schema is never dropped mid-migration. What
 * other clients do elsewhere in the database cannot disturb a migration: the migrator looks at
 * the current schema only ({@link ScopedPostgresDialect}).
 */
const SCHEMA_DDL_LOCK = 0x7061726c; // "parl"

async function withSchemaLock<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [SCHEMA_DDL_LOCK]);
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Connects to PostgreSQL, optionally inside its own schema, and applies migrations. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<KyselyStorage> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // With the database unreachable a request fails within this instead of waiting for ever;
    // the failure is answered as 503 database-unavailable (domain/problem.ts).
    connectionTimeoutMillis: 5_000,
    // Options given in the URL (`?options=-c …`) are kept beside the schema's search_path.
    ...(schema ? { options: [urlOptions(url), `-c search_path="${schema}"`].filter(Boolean).join(' ') } : {}),
    // BIGINT columns hold millisecond times, well inside Number's exact range.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error(`postgres pool: ${err.message}`));
  // Nor may a checked-out one: pg emits 'error' on a client whose connection dies mid-query or
  // mid-transaction, and the pool only listens while the client is idle. The query itself fails
  // (answered 503), and the pool discards the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.error(`postgres connection lost: ${err.message}`));
  });
  const db = new Kysely<Schema>({ dialect: new ScopedPostgresDialect({ pool }) });
  const migrate = async () => {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const current = rows[0]?.schema;
    if (!current) throw new Error('PostgreSQL has no current schema; check search_path');
    return { current, applied: await migrateToLatest(db as Kysely<unknown>, 'postgres', current) };
  };
  try {
    if (options.durability) await assertDurable(db, 'postgres', options.durability);
    const { current, applied } = schema
      ? await withSchemaLock(url, async (admin) => {
          await admin.query(`create schema if not exists "${schema}"`);
          return migrate();
        })
      : await migrate();
    const storage = new KyselyStorage(db, 'postgres');
    storage.migrationsApplied = applied;
    storage.live.listen = () => new PgListener(url, current);
    return storage;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

function urlOptions(url: string): string {
  try {
    return new URL(url).searchParams.get('options') ?? '';
  } catch {
    return '';
  }
}

/** Drops a schema created by {@link openPostgres}; used by tests to clean up. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  await withSchemaLock(url, (admin) => admin.query(`drop schema if exists "${schema}" cascade`));
}
