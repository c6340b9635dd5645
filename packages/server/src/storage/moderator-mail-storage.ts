import { type Kysely, sql } from 'kysely';
import { atVersion } from './comment-write-storage.js';
import type { NotifyDatabase } from './notify-tables.js';
import { queueOutbox } from './outbox-queue.js';
import type { Database } from './schema.js';
import type { CommentStatus, CommentVersion, OutboxEntry } from './types.js';

// What moderator mails need: held comments for digests and the digest mark, muted moderators
// (flags in `parley_meta`), and acting on a comment from a signed mail link.
// `NotifyStorage` (notify-storage.ts) is the interface callers use.

type Db = Kysely<NotifyDatabase>;

/** Whether the comment's reply and thread mails went out already (see `announced-migration.ts`). */
export async function announced(db: Db, commentId: string): Promise<boolean> {
  const row = await db.selectFrom('comments').select('announced').where('id', '=', commentId).executeTakeFirst();
  return Number(row?.announced ?? 1) === 1;
}

/**
 * Moves a comment from `from` (the status and edit time its caller read) to `to` and queues
 * `outbox` in the same transaction; false, nothing written, if it was no longer at `from`: its
 * status changed, or its text (so a decision is never applied to text nobody saw). Moving to
 * `approved` marks it announced; any other status unpins it, as an unpublished comment cannot
 * stay pinned. Mail links and the admin console both move comments through here.
 */
export async function moveStatus<DB extends Database>(
  db: Kysely<DB>,
  commentId: string,
  from: CommentVersion,
  to: CommentStatus,
  outbox: OutboxEntry[],
  now: number,
): Promise<boolean> {
  // Kysely's types cannot narrow a widened database back to its base tables; `DB extends
  // Database` is what makes this view sound (the notify and admin storages each widen it).
  const base = db as unknown as Kysely<Database>;
  return base.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('comments')
      .set(to === 'approved' ? { status: to, announced: 1 } : { status: to, pinned: 0 })
      .where(atVersion(commentId, from))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await queueOutbox(trx, outbox, now);
    return true;
  });
}

/** Whether the flag `key` is set in `parley_meta` (muted moderator addresses). */
export async function getMetaFlag(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom('parley_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

/** Sets the flag `key` in `parley_meta`; setting it again changes nothing. */
export async function setMetaFlag(db: Db, key: string): Promise<void> {
  await db
    .insertInto('parley_meta')
    .values({ key, value: '1' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Held comments of a site that went to the queue after `since`, oldest first (for a digest):
 * posted held, or held again after an edit or by readers' flags (`held_at`). An edit of a
 * comment already held does not move it, so each is listed once.
 */
export async function pendingSince(db: Db, siteId: string, since: number, limit: number) {
  const heldAt = sql<number>`coalesce(comments.held_at, comments.created_at)`;
  return db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select([
      'comments.id',
      'comments.author_name',
      'comments.body',
      'comments.created_at',
      'pages.key',
      'pages.url',
      'pages.title',
    ])
    .where('pages.site_id', '=', siteId)
    .where('comments.status', '=', 'pending')
    .where(heldAt, '>', since)
    .orderBy(heldAt)
    .orderBy('comments.id')
    .limit(limit)
    .execute();
}

/**
 * Moves a site's digest mark from `previous` to `next` and queues `outbox` with it, in one
 * transaction; only the instance whose compare-and-set succeeds queues, so a digest goes out once.
 */
export async function advanceDigest(
  db: Db,
  siteId: string,
  previous: number | undefined,
  next: number,
  outbox: OutboxEntry[],
): Promise<boolean> {
  const key = `digest:${siteId}`;
  return db.transaction().execute(async (trx) => {
    const moved =
      previous === undefined
        ? await trx
            .insertInto('parley_meta')
            .values({ key, value: String(next) })
            .onConflict((oc) => oc.column('key').doNothing())
            .executeTakeFirst()
        : await trx
            .updateTable('parley_meta')
            .set({ value: String(next) })
            .where('key', '=', key)
            .where('value', '=', String(previous))
            .executeTakeFirst();
    const n = 'numUpdatedRows' in moved ? Number(moved.numUpdatedRows) : Number(moved.numInsertedOrUpdatedRows ?? 0);
    if (n === 0) return false;
    await queueOutbox(trx, outbox, next);
    return true;
  });
}

/** When the site's last digest was queued; undefined before the first. */
export async function digestMark(db: Db, siteId: string): Promise<number | undefined> {
  const row = await db.selectFrom('parley_meta').select('value').where('key', '=', `digest:${siteId}`).executeTakeFirst();
  return row ? Number(row.value) : undefined;
}

/** A moderator address's administrator account, as moderator mails use it. */
export interface ModeratorAccount {
  id: string;
  /** What the account may moderate: an owner every site, a moderator its `sites` only. */
  role: 'owner' | 'moderator';
  sites: string[];
  /** The account's console language (`0090-admin-locale`); absent until the console sent one. */
  locale?: string | undefined;
}

type AccountTables = {
  admins: { id: string; email: string; role: string; locale: string | null };
  admin_sites: { admin_id: string; site_id: string };
};

/**
 * The administrator accounts among `emails` (lower-cased addresses), by address, with what each
 * may moderate: an address whose account may not moderate a site gets no mail about it, and the
 * console language is the language of the mails. Addresses without an account are absent.
 */
export async function moderatorAccounts(db: Db, emails: string[]): Promise<Map<string, ModeratorAccount>> {
  const out = new Map<string, ModeratorAccount>();
  if (emails.length === 0) return out;
  const accounts = db.withTables<AccountTables>();
  const rows = await accounts
    .selectFrom('admins')
    .select(['id', 'email', 'role', 'locale'])
    .where('email', 'in', emails)
    .execute();
  if (rows.length === 0) return out;
  const sites = await accounts
    .selectFrom('admin_sites')
    .select(['admin_id', 'site_id'])
    .where(
      'admin_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  for (const r of rows) {
    const account: ModeratorAccount = {
      id: r.id,
      role: r.role === 'owner' ? 'owner' : 'moderator',
      sites: sites.filter((s) => s.admin_id === r.id).map((s) => s.site_id),
    };
    if (r.locale) account.locale = r.locale;
    out.set(r.email, account);
  }
  return out;
}

/** The stored console language of the administrator account `id`, if it has one. */
export async function adminLocale(db: Db, id: string): Promise<string | undefined> {
  const row = await db
    .withTables<{ admins: { id: string; locale: string | null } }>()
    .selectFrom('admins')
    .select('locale')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.locale ?? undefined;
}
