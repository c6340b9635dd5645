import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditTable, BanTable } from './admin-moderation-migration.js';
import type { AdminCommentRow, AdminModerationStorage, AuditRecord, BanRecord, CommentSearch } from './admin-moderation-types.js';
import { KyselyStorage } from './kysely-storage.js';
import { moveStatus as moveCommentStatus } from './moderator-mail-storage.js';
import { toComment } from './rows.js';
import type { Database } from './schema.js';
import type { CommentStatus, CommentVersion, OutboxEntry, Storage } from './types.js';

// The tables and migration, and the records and interface, live beside this file; they are
// re-exported here so callers keep one import for the admin moderation storage.
export { type AuditTable, adminModerationMigration, type BanTable } from './admin-moderation-migration.js';
export type {
  AdminCommentRow,
  AdminModerationStorage,
  AuditRecord,
  BanRecord,
  CommentSearch,
} from './admin-moderation-types.js';

type AdminModerationDatabase = Database & { bans: BanTable; audit_log: AuditTable };

class KyselyAdminModerationStorage implements AdminModerationStorage {
  readonly #db: Kysely<AdminModerationDatabase>;

  constructor(db: Kysely<AdminModerationDatabase>) {
    this.#db = db;
  }

  moveStatus(id: string, from: CommentVersion, to: CommentStatus, outbox: OutboxEntry[], now: number): Promise<boolean> {
    return moveCommentStatus(this.#db, id, from, to, outbox, now);
  }

  async setPinned(id: string, pinned: boolean): Promise<boolean> {
    let q = this.#db
      .updateTable('comments')
      .set({ pinned: pinned ? 1 : 0 })
      .where('id', '=', id);
    // Only a published comment can be pinned: a decision to unpublish it in between wins.
    if (pinned) q = q.where('status', '=', 'approved');
    return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
  }

  async setModerator(id: string): Promise<void> {
    await this.#db.updateTable('comments').set({ moderator: 1 }).where('id', '=', id).execute();
  }

  #base() {
    return this.#db
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .selectAll('comments')
      .select([
        'pages.site_id',
        'pages.key as page_key',
        'pages.url as page_url',
        'pages.title as page_title',
        'pages.locked as page_locked',
        'pages.created_at as page_created_at',
      ]);
  }

  async getAdminComment(id: string): Promise<AdminCommentRow | undefined> {
    const row = await this.#base().where('comments.id', '=', id).executeTakeFirst();
    return row && toAdminRow(row);
  }

  async searchComments(s: CommentSearch): Promise<AdminCommentRow[]> {
    let q = this.#base();
    if (s.sites) {
      if (s.sites.length === 0) return [];
      q = q.where('pages.site_id', 'in', s.sites);
    }
    const statuses = s.statuses ?? [];
    if (statuses.length || s.flagged) {
      q = q.where((eb) =>
        eb.or([
          ...(statuses.length ? [eb('comments.status', 'in', statuses)] : []),
          ...(s.flagged ? [eb.and([eb('comments.flags', '>', 0), eb('comments.status', 'in', ['approved', 'pending'])])] : []),
        ]),
      );
    }
    if (s.text) q = q.where(sql<boolean>`lower(comments.body) like ${likePattern(s.text)} escape '\\'`);
    if (s.author) {
      const author = s.author.trim().toLowerCase();
      q = author.includes('@')
        ? q.where('comments.author_email', '=', author)
        : q.where(sql<boolean>`lower(comments.author_name) like ${likePattern(author)} escape '\\'`);
    }
    if (s.page) {
      const pattern = likePattern(s.page);
      const page = s.page;
      q = q.where((eb) =>
        eb.or([
          eb('pages.key', '=', page),
          eb(sql`lower(pages.url)`, 'like', pattern),
          eb(sql`lower(pages.title)`, 'like', pattern),
        ]),
      );
    }
    if (s.pageKey !== undefined) q = q.where('pages.key', '=', s.pageKey);
    if (s.before) {
      const { createdAt, id } = s.before;
      q = q.where((eb) =>
        eb.or([
          eb('comments.created_at', '<', createdAt),
          eb.and([eb('comments.created_at', '=', createdAt), eb('comments.id', '<', id)]),
        ]),
      );
    }
    const rows = await q.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(s.limit).execute();
    return rows.map(toAdminRow);
  }

  async addBan(b: BanRecord): Promise<void> {
    await this.#db
      .insertInto('bans')
      .values({
        id: b.id,
        site_id: b.siteId,
        kind: b.kind,
        value_hash: b.valueHash,
        label: b.label,
        reason: b.reason,
        created_at: b.createdAt,
        expires_at: b.expiresAt,
        created_by: b.createdBy,
      })
      .execute();
  }

  async getBan(id: string): Promise<BanRecord | undefined> {
    const row = await this.#db.selectFrom('bans').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toBan(row);
  }

  async listBans(sites: string[] | undefined, now: number): Promise<BanRecord[]> {
    let q = this.#db
      .selectFrom('bans')
      .selectAll()
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
    if (sites) {
      if (sites.length === 0) return [];
      q = q.where('site_id', 'in', sites);
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toBan);
  }

  async removeBan(id: string): Promise<void> {
    await this.#db.deleteFrom('bans').where('id', '=', id).execute();
  }

  async findBan(siteId: string, hashes: string[], now: number): Promise<BanRecord | undefined> {
    if (hashes.length === 0) return undefined;
    const row = await this.#db
      .selectFrom('bans')
      .selectAll()
      .where('value_hash', 'in', hashes)
      .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', siteId)]))
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && toBan(row);
  }

  async addAudit(e: AuditRecord): Promise<void> {
    await this.#db
      .insertInto('audit_log')
      .values({
        id: e.id,
        at: e.at,
        actor_id: e.actorId,
        actor_email: e.actorEmail,
        actor_name: e.actorName,
        action: e.action,
        site_id: e.siteId,
        target: e.target,
        detail: JSON.stringify(e.detail),
      })
      .execute();
  }

  async listAudit(sites: string[] | undefined, limit: number, before?: { at: number; id: string }): Promise<AuditRecord[]> {
    let q = this.#db.selectFrom('audit_log').selectAll();
    if (sites) {
      if (sites.length === 0) return [];
      q = q.where('site_id', 'in', sites);
    }
    if (before) {
      q = q.where((eb) => eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]));
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: Number(r.at),
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      actorName: r.actor_name,
      action: r.action,
      siteId: r.site_id,
      target: r.target,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}

/** `%text%` for LIKE, lower-cased, with LIKE's own wildcards escaped. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

type JoinedRow = Selectable<AdminModerationDatabase['comments']> & {
  site_id: string;
  page_key: string;
  page_url: string;
  page_title: string;
  page_locked: number;
  page_created_at: number;
};

function toAdminRow(row: JoinedRow): AdminCommentRow {
  return {
    ...toComment(row),
    siteId: row.site_id,
    page: {
      key: row.page_key,
      url: row.page_url,
      title: row.page_title,
      locked: Number(row.page_locked) === 1,
      createdAt: Number(row.page_created_at),
    },
    announced: Number(row.announced) === 1,
  };
}

function toBan(row: Selectable<BanTable>): BanRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    kind: row.kind as BanRecord['kind'],
    valueHash: row.value_hash,
    label: row.label,
    reason: row.reason,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    createdBy: row.created_by,
  };
}

/** The admin moderation storage over the same database as `storage` (a {@link KyselyStorage}). */
export function adminModerationStorageOf(storage: Storage): AdminModerationStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('moderation needs the Kysely storage');
  return new KyselyAdminModerationStorage(storage.db.withTables<{ bans: BanTable; audit_log: AuditTable }>());
}
