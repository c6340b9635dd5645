import { randomBytes } from 'node:crypto';
import {
  type AdminCommentRow,
  type AdminModerationStorage,
  adminModerationStorageOf,
} from '../storage/admin-moderation-storage.js';
import type { CommentInContext, CommentStatus, PageRecord, Storage } from '../storage/types.js';
import { type Actor, canModerate } from './actor.js';
import { normaliseBody } from './comment-input.js';
import { assertVersion, changedMeanwhile, commentDeleted, versionOf, versionTag } from './comment-version.js';
import { renderMarkdown } from './markdown.js';
import { applyBulk, type BulkResult } from './moderation-bulk.js';
import type { BulkAction, ModerationHooks, ModerationOptions } from './moderation-types.js';
import { moderatorReply } from './moderator-reply.js';
import { invalid, Problem } from './problem.js';
import { settingsOf } from './sites.js';
import { charLength, cleanLine } from './text.js';

// Who may act is `actor.ts`, why a new comment is held `held-reason.ts`, the hooks and options
// `moderation-types.ts`; callers import them from here, as before the split.
export { type Actor, actorOf, canModerate, visibleSites } from './actor.js';
export { heldReason, type Screened } from './held-reason.js';
export { BULK_ACTIONS, type BulkAction, type ModerationHooks, type ModerationOptions } from './moderation-types.js';

/**
 * The moderation rules: approve, reject, mark spam, delete, edit, reply, pin, lock. Every action
 * checks that the actor may moderate the comment's site (another site's comment is 404, as if it
 * did not exist) and writes one audit entry.
 */
export class ModerationService {
  readonly storage: Storage;
  readonly mod: AdminModerationStorage;
  readonly #now: () => number;
  readonly #onChange: (siteId: string, pageKey: string) => void;
  /** Notifications and webhooks; none unless the app sets them up. */
  hooks: ModerationHooks | undefined;

  constructor(storage: Storage, options: ModerationOptions = {}) {
    this.storage = storage;
    this.mod = adminModerationStorageOf(storage);
    this.#now = options.now ?? Date.now;
    this.#onChange = options.onChange ?? (() => {});
  }

  /** A comment the actor may see; 404 otherwise. */
  async comment(actor: Actor, id: string): Promise<AdminCommentRow> {
    const row = await this.mod.getAdminComment(id);
    if (!row || !canModerate(actor, row.siteId)) throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    return row;
  }

  /**
   * Publishes the comment; with `version` (`AdminComment.version` as shown), only that text: 409
   * `conflict` if it changed since, or between this read and the write (so for `reject`, `spam`).
   */
  approve(actor: Actor, id: string, version?: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'approved', version);
  }

  /** Hides the comment and keeps its text, so it can still be approved later. */
  reject(actor: Actor, id: string, version?: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'rejected', version);
  }

  spam(actor: Actor, id: string, version?: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'spam', version);
  }

  /**
   * Deletes as an author would: text and author wiped, the row kept for the thread's shape. A
   * comment deleted meanwhile by someone else is left so (no error); one changed otherwise is 409.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') return;
    const outbox = (await this.hooks?.deleted(await this.#site(c.siteId), inContext(c))) ?? [];
    if (!(await this.storage.softDeleteComment(id, versionOf(c), outbox))) {
      if ((await this.comment(actor, id)).status === 'deleted') return;
      throw changedMeanwhile();
    }
    await this.audit(actor, 'comment.delete', c.siteId, id, { from: c.status, page: c.page.key });
    this.#onChange(c.siteId, c.page.key);
  }

  /** Replaces the text (only at `version`, when given); moderators have no edit window. */
  async edit(actor: Actor, id: string, rawBody: string, version?: string): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') throw commentDeleted();
    assertVersion(c, version);
    const site = await this.#site(c.siteId);
    const body = normaliseBody(rawBody, settingsOf(site).maxLength);
    const [html, editedAt] = [renderMarkdown(body), this.#now()];
    const outbox = (await this.hooks?.updated(site, { ...inContext(c), body, html, editedAt })) ?? [];
    if (!(await this.storage.updateCommentBody({ id, expected: versionOf(c), body, html, editedAt, outbox }))) {
      throw await this.#refusal(actor, id);
    }
    await this.audit(actor, 'comment.edit', c.siteId, id, { page: c.page.key, before: c.body.slice(0, 500) });
    this.#onChange(c.siteId, c.page.key);
    return this.comment(actor, id);
  }

  /**
   * Posts an approved reply as the actor, with the moderator badge; allowed on locked pages.
   * Replying to a held comment approves it first, since a reply under a hidden comment would
   * hang in the air.
   */
  async reply(actor: Actor, parentId: string, rawBody: string, version?: string): Promise<AdminCommentRow> {
    let parent = await this.comment(actor, parentId);
    if (parent.status === 'deleted') throw new Problem(409, 'comment-deleted', 'Cannot reply to a deleted comment');
    assertVersion(parent, version);
    const site = await this.#site(parent.siteId);
    const settings = settingsOf(site);
    const body = normaliseBody(rawBody, settings.maxLength);
    if (parent.status !== 'approved') parent = await this.approve(actor, parent.id, versionTag(parent));
    const { reply, anchorId } = await moderatorReply(this.storage, site, settings, parent, actor, body, this.#now());
    // The parent's author and the thread's followers hear of it as of any reply.
    const outbox = (await this.hooks?.created(site, reply, await this.storage.getComment(anchorId))) ?? [];
    await this.storage.insertComment(reply, outbox);
    await this.mod.setModerator(reply.id);
    await this.audit(actor, 'comment.reply', site.id, reply.id, { parent: parent.id, page: parent.page.key });
    this.#onChange(site.id, parent.page.key);
    return this.comment(actor, reply.id);
  }

  /** Pins (or unpins) a top-level approved comment: pinned ones lead the public listing. */
  async pin(actor: Actor, id: string, pinned: boolean): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (pinned && c.parentId !== null) throw invalid([{ path: 'id', message: 'only a top-level comment can be pinned' }]);
    if (pinned && c.status !== 'approved') throw invalid([{ path: 'id', message: 'only an approved comment can be pinned' }]);
    if (!(await this.mod.setPinned(id, pinned))) throw await this.#refusal(actor, id);
    await this.audit(actor, pinned ? 'comment.pin' : 'comment.unpin', c.siteId, id, { page: c.page.key });
    this.#onChange(c.siteId, c.page.key);
    return this.comment(actor, id);
  }

  /** Closes (or reopens) a page to new comments. */
  async lock(actor: Actor, siteId: string, pageKey: string, locked: boolean): Promise<PageRecord> {
    if (!canModerate(actor, siteId)) throw new Problem(404, 'site-not-found', `No site "${siteId}"`);
    await this.#site(siteId);
    const key = cleanLine(pageKey);
    if (!key || charLength(key) > 512) throw invalid([{ path: 'page', message: 'must be 1-512 characters' }]);
    const page = await this.storage.setPageLocked(siteId, key, locked, this.#now());
    await this.audit(actor, locked ? 'page.lock' : 'page.unlock', siteId, key, {});
    this.#onChange(siteId, key);
    return page;
  }

  /**
   * Applies one action to each id; a failing id is reported and does not stop the rest.
   * `versions` (id → `AdminComment.version`) pins what approve, reject and spam act on.
   */
  bulk(actor: Actor, action: BulkAction, ids: string[], versions: Record<string, string> = {}): Promise<BulkResult[]> {
    return applyBulk(this, actor, action, ids, versions);
  }

  /** Writes one audit entry; also used by the bans and settings routes. */
  async audit(
    actor: Actor,
    action: string,
    siteId: string | null,
    target: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const at = this.#now();
    await this.mod.addAudit({
      // Time first, so ids of one millisecond still sort in a stable order.
      id: `${at.toString(36).padStart(10, '0')}-${randomBytes(6).toString('base64url')}`,
      at,
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      action,
      siteId,
      target,
      detail,
    });
  }
  async #setStatus(actor: Actor, id: string, status: CommentStatus, version: string | undefined): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') throw commentDeleted();
    assertVersion(c, version);
    if (c.status !== status) {
      const site = await this.#site(c.siteId);
      const outbox =
        status === 'approved'
          ? await this.hooks?.approved(site, inContext(c), !c.announced)
          : status === 'rejected'
            ? await this.hooks?.rejected(site, inContext(c))
            : [];
      // Conditional on the status and text read above: of two moderators acting at once, one sends
      // the mails, and an author's edit in between is never published or overruled unseen.
      if (!(await this.mod.moveStatus(id, versionOf(c), status, outbox ?? [], this.#now()))) {
        throw await this.#refusal(actor, id);
      }
      this.#onChange(c.siteId, c.page.key);
    }
    const verb = status === 'approved' ? 'approve' : status === 'rejected' ? 'reject' : status;
    await this.audit(actor, `comment.${verb}`, c.siteId, id, { from: c.status, page: c.page.key });
    return this.comment(actor, id);
  }

  /** Why a conditional write found the comment changed: deleted meanwhile, or changed otherwise. */
  async #refusal(actor: Actor, id: string): Promise<Problem> {
    return (await this.comment(actor, id)).status === 'deleted' ? commentDeleted() : changedMeanwhile();
  }

  async #site(id: string) {
    const site = await this.storage.getSite(id);
    if (!site) throw new Problem(404, 'site-not-found', `No site "${id}"`);
    return site;
  }
}

/** The admin row in the shape the hooks take. */
function inContext(c: AdminCommentRow): CommentInContext {
  const { page, announced: _announced, ...record } = c;
  return { ...record, pageKey: page.key };
}
