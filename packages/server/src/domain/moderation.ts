import { randomBytes } from 'node:crypto';
import {
  type AdminCommentRow,
  type AdminModerationStorage,
  adminModerationStorageOf,
} from '../storage/admin-moderation-storage.js';
import type { AdminRecord } from '../storage/admin-storage.js';
import type {
  CommentInContext,
  CommentStatus,
  HeldReason,
  NewComment,
  OutboxEntry,
  PageRecord,
  Site,
  SiteSettings,
  Storage,
} from '../storage/types.js';
import type { CommentHooks } from './comment-types.js';
import { hashToken, newCommentId, newToken } from './identity.js';
import { renderMarkdown } from './markdown.js';
import { invalid, Problem } from './problem.js';
import { settingsOf } from './sites.js';
import { charLength, cleanLine, cleanMultiline } from './text.js';

/** What {@link heldReason} needs to know of a new comment. */
export interface Screened {
  /** Links in the rendered HTML. */
  links: number;
  /** A blocked word was found (and the site holds rather than refuses). */
  blocked: boolean;
  /** Asked only in `first` mode: has this commenter had a comment approved on the site? */
  trusted: () => Promise<boolean>;
}

/**
 * Why a new comment must wait for a moderator, or null to publish it. When several rules apply,
 * the most telling reason wins: a blocked word, then links, then a first comment, then `all`.
 */
export async function heldReason(settings: SiteSettings, c: Screened): Promise<HeldReason | null> {
  if (c.blocked) return 'blocked-word';
  if (c.links > 0 && (settings.moderation === 'links' || (settings.linkLimit > 0 && c.links > settings.linkLimit))) {
    return 'links';
  }
  if (settings.moderation === 'first' && !(await c.trusted())) return 'first-comment';
  if (settings.moderation === 'all') return 'moderation-all';
  return null;
}

/**
 * Who performs a moderation action: a signed-in administrator, or `system` for actions that
 * carry their own proof (a signed one-click link in a notification e-mail). Owners and `system`
 * act on every site, moderators on their `sites` only.
 */
export interface Actor {
  id: string | null;
  email: string;
  name: string;
  role: 'owner' | 'moderator' | 'system';
  sites: string[];
}

/** The actor for a signed-in administrator. */
export function actorOf(admin: AdminRecord): Actor {
  return { id: admin.id, email: admin.email, name: admin.name, role: admin.role, sites: admin.sites };
}

/** True if the actor may moderate the site. */
export function canModerate(actor: Actor, siteId: string): boolean {
  return actor.role !== 'moderator' || actor.sites.includes(siteId);
}

/** The sites an actor sees, for queries: undefined = every site. */
export function visibleSites(actor: Actor): string[] | undefined {
  return actor.role === 'moderator' ? actor.sites : undefined;
}

/** Actions that {@link ModerationService.bulk} applies to a list of comments. */
export const BULK_ACTIONS = ['approve', 'reject', 'spam', 'delete', 'pin', 'unpin'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * What a moderator's action sends (mails, webhooks: `domain/notify/`), written to the outbox in the
 * same transaction as the change. `NotifyService` is the one implementation.
 */
export interface ModerationHooks extends Pick<CommentHooks, 'created' | 'updated' | 'deleted'> {
  /** `mails`: false when the comment was published before, so its reply mails went out then. */
  approved(site: Site, comment: CommentInContext, mails: boolean): Promise<OutboxEntry[]>;
  rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

export interface ModerationOptions {
  now?: () => number;
  /** Called after a page's comments changed, so caches in this process forget it at once. */
  onChange?: (siteId: string, pageKey: string) => void;
}

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

  approve(actor: Actor, id: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'approved');
  }

  /** Hides the comment and keeps its text, so it can still be approved later. */
  reject(actor: Actor, id: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'rejected');
  }

  spam(actor: Actor, id: string): Promise<AdminCommentRow> {
    return this.#setStatus(actor, id, 'spam');
  }

  /** Deletes as an author would: text and author wiped, the row kept for the thread's shape. */
  async remove(actor: Actor, id: string): Promise<void> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') return;
    const outbox = (await this.hooks?.deleted(await this.#site(c.siteId), inContext(c))) ?? [];
    await this.storage.softDeleteComment(id, outbox);
    await this.#audit(actor, 'comment.delete', c.siteId, id, { from: c.status, page: c.page.key });
    this.#onChange(c.siteId, c.page.key);
  }

  /** Replaces the text; moderators have no edit window. */
  async edit(actor: Actor, id: string, rawBody: string): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') throw new Problem(409, 'comment-deleted', 'A deleted comment cannot be edited');
    const site = await this.#site(c.siteId);
    const body = checkBody(rawBody, settingsOf(site).maxLength);
    const [html, editedAt] = [renderMarkdown(body), this.#now()];
    const outbox = (await this.hooks?.updated(site, { ...inContext(c), body, html, editedAt })) ?? [];
    await this.storage.updateCommentBody(id, body, html, editedAt, outbox);
    await this.#audit(actor, 'comment.edit', c.siteId, id, { page: c.page.key, before: c.body.slice(0, 500) });
    this.#onChange(c.siteId, c.page.key);
    return this.comment(actor, id);
  }

  /**
   * Posts an approved reply as the actor, with the moderator badge; allowed on locked pages.
   * Replying to a held comment approves it first, since a reply under a hidden comment would
   * hang in the air.
   */
  async reply(actor: Actor, parentId: string, rawBody: string): Promise<AdminCommentRow> {
    let parent = await this.comment(actor, parentId);
    if (parent.status === 'deleted') throw new Problem(409, 'comment-deleted', 'Cannot reply to a deleted comment');
    const site = await this.#site(parent.siteId);
    const settings = settingsOf(site);
    const body = checkBody(rawBody, settings.maxLength);
    if (parent.status !== 'approved') parent = await this.approve(actor, parent.id);
    let anchor = { id: parent.id, rootId: parent.rootId, depth: parent.depth, parentId: parent.parentId };
    while (settings.maxDepth > 0 && anchor.depth >= settings.maxDepth && anchor.parentId) {
      const up = await this.storage.getComment(anchor.parentId);
      if (!up) break;
      anchor = { id: up.id, rootId: up.rootId, depth: up.depth, parentId: up.parentId };
    }
    const id = newCommentId();
    const reply: NewComment = {
      id,
      siteId: site.id,
      page: { key: parent.page.key, url: parent.page.url, title: parent.page.title },
      parentId: anchor.id,
      rootId: anchor.rootId ?? anchor.id,
      depth: anchor.depth + 1,
      authorName: actor.name,
      authorEmail: null,
      authorWebsite: null,
      body,
      html: renderMarkdown(body),
      status: 'approved',
      createdAt: this.#now(),
      // Nobody holds this token: moderators change their replies through the admin API.
      editTokenHash: hashToken(newToken()),
      ipHash: null,
    };
    // The parent's author and the thread's followers hear of it as of any reply.
    const outbox = (await this.hooks?.created(site, reply, await this.storage.getComment(anchor.id))) ?? [];
    await this.storage.insertComment(reply, outbox);
    await this.mod.setModerator(id);
    await this.#audit(actor, 'comment.reply', site.id, id, { parent: parent.id, page: parent.page.key });
    this.#onChange(site.id, parent.page.key);
    return this.comment(actor, id);
  }

  /** Pins (or unpins) a top-level approved comment: pinned ones lead the public listing. */
  async pin(actor: Actor, id: string, pinned: boolean): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (pinned && c.parentId !== null) throw invalid([{ path: 'id', message: 'only a top-level comment can be pinned' }]);
    if (pinned && c.status !== 'approved') throw invalid([{ path: 'id', message: 'only an approved comment can be pinned' }]);
    await this.mod.setPinned(id, pinned);
    await this.#audit(actor, pinned ? 'comment.pin' : 'comment.unpin', c.siteId, id, { page: c.page.key });
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
    await this.#audit(actor, locked ? 'page.lock' : 'page.unlock', siteId, key, {});
    this.#onChange(siteId, key);
    return page;
  }

  /** Applies one action to each id; a failing id is reported and does not stop the rest. */
  async bulk(actor: Actor, action: BulkAction, ids: string[]): Promise<{ id: string; ok: boolean; code?: string }[]> {
    const results: { id: string; ok: boolean; code?: string }[] = [];
    for (const id of new Set(ids)) {
      try {
        if (action === 'delete') await this.remove(actor, id);
        else if (action === 'pin' || action === 'unpin') await this.pin(actor, id, action === 'pin');
        else await this[action](actor, id);
        results.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        results.push({ id, ok: false, code: err.code });
      }
    }
    return results;
  }

  /** Writes one audit entry; also used by the bans and settings routes. */
  async audit(
    actor: Actor,
    action: string,
    siteId: string | null,
    target: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.#audit(actor, action, siteId, target, detail);
  }

  async #setStatus(actor: Actor, id: string, status: CommentStatus): Promise<AdminCommentRow> {
    const c = await this.comment(actor, id);
    if (c.status === 'deleted') throw new Problem(409, 'comment-deleted', 'The comment was deleted');
    if (c.status !== status) {
      const site = await this.#site(c.siteId);
      const outbox =
        status === 'approved'
          ? await this.hooks?.approved(site, inContext(c), !c.announced)
          : status === 'rejected'
            ? await this.hooks?.rejected(site, inContext(c))
            : [];
      // Conditional on the status read above: of two moderators acting at once, one sends the mails.
      if (!(await this.mod.moveStatus(id, c.status, status, outbox ?? [], this.#now()))) {
        throw new Problem(409, 'conflict', 'The comment was changed meanwhile; reload it');
      }
      // An unpublished comment cannot stay pinned.
      if (status !== 'approved' && c.pinned) await this.mod.setPinned(id, false);
      this.#onChange(c.siteId, c.page.key);
    }
    const verb = status === 'approved' ? 'approve' : status === 'rejected' ? 'reject' : status;
    await this.#audit(actor, `comment.${verb}`, c.siteId, id, { from: c.status, page: c.page.key });
    return this.comment(actor, id);
  }

  async #site(id: string) {
    const site = await this.storage.getSite(id);
    if (!site) throw new Problem(404, 'site-not-found', `No site "${id}"`);
    return site;
  }

  async #audit(actor: Actor, action: string, siteId: string | null, target: string, detail: Record<string, unknown>) {
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
}

/** The admin row in the shape the hooks take. */
function inContext(c: AdminCommentRow): CommentInContext {
  const { page, announced: _announced, ...record } = c;
  return { ...record, pageKey: page.key };
}

function checkBody(raw: string, maxLength: number): string {
  const body = cleanMultiline(raw);
  if (!body) throw invalid([{ path: 'body', message: 'must not be empty' }]);
  if (charLength(body) > maxLength) throw invalid([{ path: 'body', message: `must be at most ${maxLength} characters` }]);
  return body;
}
