import type { Kysely, Selectable } from 'kysely';
import { toComment } from './rows.js';
import type { Database, LiveEventTable } from './schema.js';
import type { CommentRecord } from './types.js';

/** What a trigger recorded; `comment.held` concerns moderators only (see migration 0030). */
export type LiveEventType = 'comment.created' | 'comment.updated' | 'comment.deleted' | 'votes.changed' | 'comment.held';

/** One change to one comment of one page. */
export interface LiveEvent {
  id: number;
  siteId: string;
  pageKey: string;
  type: LiveEventType;
  commentId: string;
  createdAt: number;
}

/** What a {@link LiveListener} reports. */
export interface ListenHandlers {
  /** Ids of events just committed by any process; their rows are readable now. */
  onIds(ids: number[]): void;
  /** After each (re)connection: events committed while not listening must be read now. */
  onConnected(): void;
  /** The connection was lost; the listener reconnects by itself. */
  onDisconnected(error: Error): void;
}

/** Notifications of new events from every process sharing the database (PostgreSQL LISTEN). */
export interface LiveListener {
  start(handlers: ListenHandlers): void;
  close(): Promise<void>;
}

/** The event log as the live hub reads it. */
export interface LiveEvents {
  /** A listener for other processes' events, or undefined where the hub must poll (SQLite). */
  listener(): LiveListener | undefined;
  /** The oldest and newest event ids kept (0 and 0 when none). */
  bounds(): Promise<{ oldest: number; latest: number }>;
  /** Events after `id` on every page, oldest first. */
  after(id: number, limit: number): Promise<LiveEvent[]>;
  byIds(ids: number[]): Promise<LiveEvent[]>;
  /** Events of one page after `id` (or created at `since` or later), oldest first. */
  forPage(siteId: string, pageKey: string, id: number, since: number, limit: number): Promise<LiveEvent[]>;
  /** The current rows of these comments (absent when deleted outright). */
  comments(ids: string[]): Promise<CommentRecord[]>;
  /** Forgets events created before `before`, always keeping the newest so ids stay monotonic. */
  prune(before: number): Promise<number>;
}

/** {@link LiveEvents} over the `live_events` table of migration 0030. */
export class KyselyLiveEvents implements LiveEvents {
  readonly #db: Kysely<Database>;
  /** Set by `openPostgres`; SQLite has no way to hear other processes. */
  listen: (() => LiveListener) | undefined;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  listener(): LiveListener | undefined {
    return this.listen?.();
  }

  async bounds(): Promise<{ oldest: number; latest: number }> {
    const row = await this.#db
      .selectFrom('live_events')
      .select([(eb) => eb.fn.min<number>('id').as('oldest'), (eb) => eb.fn.max<number>('id').as('latest')])
      .executeTakeFirst();
    return { oldest: Number(row?.oldest ?? 0), latest: Number(row?.latest ?? 0) };
  }

  async after(id: number, limit: number): Promise<LiveEvent[]> {
    const rows = await this.#db.selectFrom('live_events').selectAll().where('id', '>', id).orderBy('id').limit(limit).execute();
    return rows.map(toEvent);
  }

  async byIds(ids: number[]): Promise<LiveEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db.selectFrom('live_events').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(toEvent);
  }

  async forPage(siteId: string, pageKey: string, id: number, since: number, limit: number): Promise<LiveEvent[]> {
    const rows = await this.#db
      .selectFrom('live_events')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('page_key', '=', pageKey)
      .where((eb) => eb.or([eb('id', '>', id), eb('created_at', '>=', since)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  async comments(ids: string[]): Promise<CommentRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
    return rows.map(toComment);
  }

  async prune(before: number): Promise<number> {
    const newest = await this.#db
      .selectFrom('live_events')
      .select((eb) => eb.fn.max<number>('id').as('id'))
      .executeTakeFirst();
    if (newest?.id === null || newest?.id === undefined) return 0;
    const result = await this.#db
      .deleteFrom('live_events')
      .where('created_at', '<', before)
      .where('id', '<', Number(newest.id))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toEvent(row: Selectable<LiveEventTable>): LiveEvent {
  return {
    id: Number(row.id),
    siteId: row.site_id,
    pageKey: row.page_key,
    type: row.type as LiveEventType,
    commentId: row.comment_id,
    createdAt: Number(row.created_at),
  };
}
