import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './types.js';

/** The PostgreSQL NOTIFY channel; payloads are `<schema> <event id>`, so schemas sharing a database ignore each other. */
export const LIVE_CHANNEL = 'parley_events';

/**
 * `0030-live-events`: an append-only log of what changed on which page, written by triggers on
 * `comments`, so every writer (the API, moderation, imports, another instance) produces events
 * without knowing of them. Votes show as `votes.changed` because voting rewrites the comment's
 * tallies. A status change is an appearance (`comment.created`, e.g. on approval) or a
 * disappearance (`comment.deleted`) for public readers; `comment.held` concerns moderators only.
 * On PostgreSQL the trigger also notifies; the notification is delivered at commit.
 */
export function liveEventsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema.createTable('live_events');
      table =
        dialect === 'postgres'
          ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
          : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      await table
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('page_key', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('comment_id', 'text', (c) => c.notNull())
        .addColumn('created_at', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_events_page').on('live_events').columns(['site_id', 'page_key', 'id']).execute();
      await db.schema.createIndex('live_events_created').on('live_events').column('created_at').execute();
      if (dialect === 'postgres') await postgresTriggers(db);
      else await sqliteTriggers(db);
    },
  };
}

/** The event type of an update, or nothing when no reader could see the difference. */
const UPDATE_KIND = `case
  when old.status is distinct from new.status then
    case when new.status = 'approved' then 'comment.created'
         when old.status = 'approved' then 'comment.deleted'
         else 'comment.held' end
  when old.up <> new.up or old.down <> new.down then 'votes.changed'
  when old.body is distinct from new.body or old.html is distinct from new.html
    or old.edited_at is distinct from new.edited_at or old.author_name is distinct from new.author_name
    or old.author_website is distinct from new.author_website then 'comment.updated'
  end`;

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create function parley_live_event() returns trigger language plpgsql as $$
      declare
        kind text;
        cid text;
        pid bigint;
        eid bigint;
      begin
        if tg_op = 'INSERT' then
          kind := case when new.status = 'approved' then 'comment.created' else 'comment.held' end;
          cid := new.id; pid := new.page_id;
        elsif tg_op = 'DELETE' then
          kind := 'comment.deleted';
          cid := old.id; pid := old.page_id;
        else
          kind := ${UPDATE_KIND};
          cid := new.id; pid := new.page_id;
        end if;
        if kind is null then return null; end if;
        insert into live_events (site_id, page_key, type, comment_id, created_at)
          select p.site_id, p.key, kind, cid, (extract(epoch from clock_timestamp()) * 1000)::bigint
          from pages p where p.id = pid
          returning id into eid;
        -- A comment removed with its page (site deletion) has no page left to tell.
        if eid is not null then
          perform pg_notify('${LIVE_CHANNEL}', tg_table_schema || ' ' || eid);
        end if;
        return null;
      end $$`)
    .execute(db);
  await sql`create trigger comments_live_event after insert or update or delete on comments
    for each row execute function parley_live_event()`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const now = `cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
  const insert = (kind: string, row: 'new' | 'old') =>
    `insert into live_events (site_id, page_key, type, comment_id, created_at)
     select p.site_id, p.key, ${kind}, ${row}.id, ${now} from pages p where p.id = ${row}.page_id;`;
  // SQLite spells "is distinct from" as "is not".
  const updateKind = UPDATE_KIND.replaceAll('is distinct from', 'is not');
  await sql
    .raw(`create trigger comments_live_insert after insert on comments begin
      ${insert(`case when new.status = 'approved' then 'comment.created' else 'comment.held' end`, 'new')}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger comments_live_update after update on comments when (${updateKind}) is not null begin
      ${insert(updateKind, 'new')}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger comments_live_delete after delete on comments begin
      ${insert(`'comment.deleted'`, 'old')}
    end`)
    .execute(db);
}
