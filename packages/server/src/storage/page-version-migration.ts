import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './types.js';

/**
 * `0003-page-version`: a counter on each page that triggers raise with every insert, update or
 * delete of one of its comments, whoever writes (the API, an import, moderation). A listing is
 * cached under the page's version, so any instance can tell with one indexed read whether what
 * it holds is still current.
 */
export function pageVersionMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('pages')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      if (dialect === 'postgres') {
        await sql`create function parley_bump_page_version() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' then
              update pages set version = version + 1 where id = old.page_id;
              return old;
            end if;
            update pages set version = version + 1 where id = new.page_id;
            return new;
          end $$`.execute(db);
        await sql`create trigger comments_page_version after insert or update or delete on comments
          for each row execute function parley_bump_page_version()`.execute(db);
        return;
      }
      for (const [event, row] of [
        ['insert', 'new'],
        ['update', 'new'],
        ['delete', 'old'],
      ] as const) {
        await sql
          .raw(
            `create trigger comments_page_version_${event} after ${event} on comments
             begin update pages set version = version + 1 where id = ${row}.page_id; end`,
          )
          .execute(db);
      }
    },
  };
}
