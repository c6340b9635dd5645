import type { Kysely } from 'kysely';
import { claimIdempotencyKey } from './idempotency-storage.js';
import { queueOutbox } from './outbox-queue.js';
import { toComment, toPage } from './rows.js';
import type { Database } from './schema.js';
import type { CommentInContext, CommentRecord, HeldReason, NewComment, OutboxEntry, PageRecord } from './types.js';

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

/** Replaces the text (and, with `hold`, sends the comment back to the queue), queueing `outbox` with it. */
export async function updateCommentBody(
  db: Db,
  id: string,
  body: string,
  html: string,
  editedAt: number,
  outbox: OutboxEntry[],
  hold?: HeldReason,
): Promise<CommentRecord> {
  // held_at: the digest lists a comment by when it went to the queue (see held-at-migration.ts).
  const held = hold ? { status: 'pending', held_reason: hold, pinned: 0, held_at: editedAt } : {};
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('comments')
      .set({ body, html, edited_at: editedAt, ...held })
      .where('id', '=', id)
      .execute();
    await queueOutbox(trx, outbox, editedAt);
    const row = await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toComment(row);
  });
}

/** Wipes text and author but keeps the row, so the thread keeps its shape. */
export async function softDeleteComment(db: Db, id: string, outbox: OutboxEntry[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await queueOutbox(trx, outbox, Date.now());
    await trx
      .updateTable('comments')
      .set({
        status: 'deleted',
        body: '',
        html: '',
        author_name: '',
        author_email: null,
        author_website: null,
        edit_token_hash: null,
      })
      .where('id', '=', id)
      .execute();
  });
}
