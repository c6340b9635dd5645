import type { ExpressionBuilder, Kysely } from 'kysely';
import { claimIdempotencyKey } from './idempotency-storage.js';
import { queueOutbox } from './outbox-queue.js';
import { toComment, toPage } from './rows.js';
import type { Database } from './schema.js';
import type { BodyEdit, CommentInContext, CommentRecord, CommentVersion, NewComment, OutboxEntry, PageRecord } from './types.js';

// Writing `comments` (and the page a first comment creates), each with its outbox entries in the
// same transaction. `KyselyStorage` (kysely-storage.ts) is the `Storage` callers use.

type Db = Kysely<Database>;

/** Stores a comment (creating its page on first use) and queues `outbox`, in one transaction. */
export async function insertComment(
  db: Db,
  input: NewComment,
  outbox: OutboxEntry[],
): Promise<{ comment: CommentRecord; page: PageRecord }> {
  return db.transaction().execute(async (trx) => {
    // First, so a concurrent request with the same key waits here and then gives up.
    if (input.idempotency) await claimIdempotencyKey(trx, input.siteId, input.id, input.idempotency, input.createdAt);
    await trx
      .insertInto('pages')
      .values({
        site_id: input.siteId,
        key: input.page.key,
        url: input.page.url,
        title: input.page.title,
        locked: 0,
        created_at: input.createdAt,
      })
      .onConflict((oc) => oc.columns(['site_id', 'key']).doNothing())
      .execute();
    const pageRow = await trx
      .selectFrom('pages')
      .selectAll()
      .where('site_id', '=', input.siteId)
      .where('key', '=', input.page.key)
      .executeTakeFirstOrThrow();
    const row = {
      id: input.id,
      page_id: Number(pageRow.id),
      parent_id: input.parentId,
      root_id: input.rootId,
      depth: input.depth,
      author_name: input.authorName,
      author_email: input.authorEmail,
      author_website: input.authorWebsite,
      body: input.body,
      html: input.html,
      status: input.status,
      created_at: input.createdAt,
      edited_at: null,
      up: 0,
      down: 0,
      edit_token_hash: input.editTokenHash,
      ip_hash: input.ipHash,
      held_reason: input.heldReason ?? null,
      flags: 0,
      // A published comment mailed its subscribers now (the hooks' outbox); a held one does on approval.
      announced: input.status === 'approved' ? 1 : 0,
      // Only an edit that holds a published comment sets it; a new one is listed by created_at.
      held_at: null,
    };
    await trx.insertInto('comments').values(row).execute();
    await queueOutbox(trx, outbox, input.createdAt);
    // Read the page again: inserting the comment raised its version (migration 0003).
    const page = await trx.selectFrom('pages').selectAll().where('id', '=', pageRow.id).executeTakeFirstOrThrow();
    return { comment: toComment(row), page: toPage(page) };
  });
}

/** One comment with its site and page key, whatever its status. */
export async function getComment(db: Db, id: string): Promise<CommentInContext | undefined> {
  const row = await db
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .selectAll('comments')
    .select(['pages.site_id', 'pages.key as page_key'])
    .where('comments.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...toComment(row), siteId: row.site_id, pageKey: row.page_key };
}

/**
 * The condition "comment `id` is still at version `v`", for the WHERE of a conditional write.
 * Evaluated by the UPDATE itself, so it holds against concurrent writers on both databases
 * (PostgreSQL re-checks it on the newest row version once a concurrent writer has committed).
 */
export function atVersion(id: string, v: CommentVersion) {
  return (eb: ExpressionBuilder<Database, 'comments'>) =>
    eb.and([
      eb('id', '=', id),
      eb('status', '=', v.status),
      v.editedAt === null ? eb('edited_at', 'is', null) : eb('edited_at', '=', v.editedAt),
    ]);
}

/** Replaces the text (and, with `hold`, sends the comment back to the queue) if it is still at `expected`. */
export async function updateCommentBody(db: Db, edit: BodyEdit): Promise<CommentRecord | undefined> {
  const { id, expected, body, html, outbox = [], hold } = edit;
  // Strictly later than the version it replaces, even against a clock behind another instance's,
  // so an edit time never repeats and (status, edited_at) never names two texts.
  const editedAt = Math.max(edit.editedAt, (expected.editedAt ?? 0) + 1);
  // held_at: the digest lists a comment by when it went to the queue (see held-at-migration.ts).
  const held = hold ? { status: 'pending', held_reason: hold, pinned: 0, held_at: editedAt } : {};
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('comments')
      .set({ body, html, edited_at: editedAt, ...held })
      .where(atVersion(id, expected))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return undefined;
    await queueOutbox(trx, outbox, editedAt);
    const row = await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toComment(row);
  });
}

/** Wipes text and author but keeps the row, so the thread keeps its shape; false if it was no longer at `expected`. */
export async function softDeleteComment(db: Db, id: string, expected: CommentVersion, outbox: OutboxEntry[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('comments')
      .set({
        status: 'deleted',
        body: '',
        html: '',
        author_name: '',
        author_email: null,
        author_website: null,
        edit_token_hash: null,
        pinned: 0,
      })
      .where(atVersion(id, expected))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await queueOutbox(trx, outbox, Date.now());
    return true;
  });
}
