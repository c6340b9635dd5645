import {
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

/**
 * Kysely's PostgreSQL dialect with an introspector that looks at the current schema only.
 *
 * The migrator asks the introspector whether its own tables exist. Kysely's introspector answers
 * by reading every column of every table in the database, calling `pg_get_serial_sequence` and
 * `has_schema_privilege` on each. That query fails when another client drops a column, table or
 * schema anywhere in the database while it runs ("column … does not exist"), and it waits for
 * any table that another transaction holds locked. Parley may share its database with other
 * applications (and its tests share one with each other), so its start must not depend on what
 * happens in other schemas.
 */
export class ScopedPostgresDialect extends PostgresDialect {
  // biome-ignore lint/suspicious/noExplicitAny: the signature Kysely's Dialect declares
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/**
 * Names the tables and views of `current_schema()`, from the catalog alone (no per-table functions,
 * no locks). Enough for Kysely's migrator because Parley always gives it the current schema as
 * `migrationTableSchema` (migrations.ts); a migrator told another schema would not find its tables
 * here and would try to create them on every start.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  // biome-ignore lint/suspicious/noExplicitAny: the signature Kysely's introspectors take
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows.filter((r) => r.name !== null);
  }

  /** Columns are not listed: the migrator, the only caller, needs names alone. */
  async getTables(_options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p', 'f')
      order by c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', isForeign: r.kind === 'f', columns: [] }));
  }
}
