import { idempotencyStorageOf } from '../storage/idempotency-storage.js';
import { type ModerationStorage, moderationStorageOf } from '../storage/moderation-storage.js';
import type { CommentInContext, Site, Storage } from '../storage/types.js';
import { findBlockedWord } from './blocked-words.js';
import { commenterOf, isTrusted, normaliseBody } from './comment-input.js';
import { CommentListing, type Listing, type ListQuery } from './comment-listing.js';
import { CommentPosting } from './comment-posting.js';
import type { Caller, CommentHooks, Created, NewCommentInput } from './comment-types.js';
import { prefixHash, tokenMatches } from './identity.js';
import { ListCache } from './list-cache.js';
import { countLinks, renderMarkdown } from './markdown.js';
import { heldReason } from './moderation.js';
import { type PublicComment, present } from './present.js';
import { Problem } from './problem.js';
import { settingsOf } from './sites.js';

// The comment rules live in a few modules (see docs/architecture.md); this one is their entry
// point, and what they export is exported here too, so callers need only `domain/comments.js`.
export { normaliseComment, recordOf } from './comment-input.js';
export { isClosedByAge, type Listing, type ListQuery, type PageSummary } from './comment-listing.js';
export type { Caller, CommentHooks, Created, NewCommentInput } from './comment-types.js';

/**
 * The comment rules: who may post what where, and how it is stored and shown. Listings are
 * `CommentListing`'s (`comment-listing.ts`), posting is `CommentPosting`'s (`comment-posting.ts`);
 * edits, deletions, votes, flags and counts are here.
 */
export class CommentService {
  readonly storage: Storage;
  /** Notifications and webhooks; none unless the app sets them up. */
  hooks: CommentHooks | undefined;
  readonly #now: () => number;
  readonly #listing: CommentListing;
  readonly #posting: CommentPosting;
  readonly #moderation: ModerationStorage;

  /**
   * @param freshMs how long a page's version, once read, is trusted without asking the database
   *   again. Writes through this service forget it at once; writes by other processes (another
   *   instance, an import) show after at most this long. 0 (the default) asks every time.
   */
  constructor(storage: Storage, now: () => number = Date.now, cache: ListCache = new ListCache(), freshMs = 0) {
    this.storage = storage;
    this.#now = now;
    this.#moderation = moderationStorageOf(storage);
    const site = (id: string) => this.site(id);
    this.#listing = new CommentListing(storage, site, now, cache, freshMs);
    this.#posting = new CommentPosting({
      storage,
      moderation: this.#moderation,
      idempotency: idempotencyStorageOf(storage),
      now,
      hooks: () => this.hooks,
      site,
      assertOrigin: (s, caller) => this.assertOrigin(s, caller),
      changed: (siteId, key) => this.changed(siteId, key),
    });
  }

  async site(id: string): Promise<Site> {
    const site = await this.storage.getSite(id);
    if (!site) throw new Problem(404, 'site-not-found', `No site "${id}"`);
    return site;
  }

  /** Refuses a browser request whose origin the site does not list. */
  assertOrigin(site: Site, caller: Caller): void {
    if (caller.origin !== undefined && !site.origins.includes(caller.origin)) {
      throw new Problem(403, 'origin-not-allowed', `Origin ${caller.origin} may not write to site "${site.id}"`);
    }
  }

  /** One page of a thread (see `CommentListing.list`). */
  list(q: ListQuery): Promise<Listing> {
    return this.#listing.list(q);
  }

  /** The listing as the API sends it, cached under the page's version (see `CommentListing.listBody`). */
  listBody(q: ListQuery): Promise<Uint8Array> {
    return this.#listing.listBody(q);
  }

  /** The site's current form token, served beside every listing (see `form-token.ts`). */
  formToken(siteId: string): Promise<string> {
    return this.#listing.formToken(siteId);
  }

  /** For writers outside this service (moderation): the page changed, forget what is remembered of it. */
  changed(siteId: string, key: string): void {
    this.#listing.forget(siteId, key);
  }

  /** Posts a comment, idempotently with a key (see `CommentPosting.create`). */
  create(input: NewCommentInput, caller: Caller, options: { idempotencyKey?: string | undefined } = {}): Promise<Created> {
    return this.#posting.create(input, caller, options);
  }

  /**
   * One comment: an approved one to anyone, a held (`pending`) one only to its author, who
   * proves it with the edit token. Anything else is 404, as if it did not exist.
   */
  async one(id: string, token: string | undefined): Promise<PublicComment> {
    const comment = await this.storage.getComment(id);
    const own = comment !== undefined && token !== undefined && tokenMatches(token, comment.editTokenHash);
    if (comment?.status === 'approved' || (comment?.status === 'pending' && own)) return present(comment);
    throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
  }

  /**
   * Replaces the text of an own comment. The new text is screened as a new post's would be: a
   * blocked word refuses it (or holds it), and a published comment whose new text a new post could
   * not publish at once (links, `all` mode) goes back to the queue. An edit never publishes a held one.
   */
  async edit(id: string, token: string | undefined, body: string, caller: Caller): Promise<PublicComment> {
    const { comment, site } = await this.#owned(id, token, caller);
    const settings = settingsOf(site);
    const clean = normaliseBody(body, settings.maxLength);
    // Only the text: name and website cannot change by an edit and were screened when posted.
    const blocked = findBlockedWord(settings.blockedWords, clean) !== undefined;
    if (blocked && settings.blockedWordsAction === 'refuse') {
      throw new Problem(422, 'blocked-word', 'This comment contains words this site does not accept');
    }
    const [html, editedAt] = [renderMarkdown(clean), this.#now()];
    const who = commenterOf(comment.authorEmail, comment.ipHash);
    const trusted = () => isTrusted(this.#moderation, site.id, who);
    const hold = comment.status === 'approved' ? await heldReason(settings, { links: countLinks(html), blocked, trusted }) : null;
    const edited = { ...comment, body: clean, html, editedAt, ...(hold ? { status: 'pending' as const, heldReason: hold } : {}) };
    const outbox = (await this.hooks?.updated(site, edited, hold !== null)) ?? [];
    const updated = await this.storage.updateCommentBody(comment.id, clean, html, editedAt, outbox, hold ?? undefined);
    this.changed(comment.siteId, comment.pageKey);
    return present(updated);
  }

  async remove(id: string, token: string | undefined, caller: Caller): Promise<void> {
    const { comment, site } = await this.#owned(id, token, caller);
    await this.storage.softDeleteComment(comment.id, (await this.hooks?.deleted(site, comment)) ?? []);
    this.changed(comment.siteId, comment.pageKey);
  }

  async vote(id: string, value: -1 | 0 | 1, caller: Caller): Promise<{ up: number; down: number; score: number }> {
    const comment = await this.storage.getComment(id);
    if (comment?.status !== 'approved') throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    this.assertOrigin(await this.site(comment.siteId), caller);
    const voter = prefixHash(await this.storage.secret(), 'vote', caller.ip);
    if (!voter) throw new Problem(400, 'bad-request', 'Cannot tell who is voting');
    const { up, down } = await this.storage.vote(id, voter, value, this.#now());
    this.changed(comment.siteId, comment.pageKey);
    return { up, down, score: up - down };
  }

  /**
   * One reader's flag on a comment: once per visitor (again changes nothing). The flag that
   * reaches the site's `flagThreshold` sends the comment back to the moderation queue.
   */
  async flag(id: string, caller: Caller): Promise<void> {
    const comment = await this.storage.getComment(id);
    // Pending ones too, so flagging stays idempotent after the comment left the thread.
    if (comment?.status !== 'approved' && comment?.status !== 'pending') {
      throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    }
    const site = await this.site(comment.siteId);
    this.assertOrigin(site, caller);
    const visitor = prefixHash(await this.storage.secret(), 'flag', caller.ip);
    if (!visitor) throw new Problem(400, 'bad-request', 'Cannot tell who is flagging');
    const { held } = await this.#moderation.flag(id, visitor, this.#now(), settingsOf(site).flagThreshold);
    if (held) this.changed(comment.siteId, comment.pageKey);
  }

  async counts(siteId: string, keys: string[]): Promise<Record<string, number>> {
    const unique = [...new Set(keys)];
    const found = await this.storage.countApproved(siteId, unique);
    // Counts found prove the site exists; only an all-zero answer needs to ask.
    if (found.size === 0) await this.site(siteId);
    return Object.fromEntries(unique.map((k) => [k, found.get(k) ?? 0]));
  }

  async #owned(id: string, token: string | undefined, caller: Caller): Promise<{ comment: CommentInContext; site: Site }> {
    const comment = await this.storage.getComment(id);
    if (!comment || comment.status === 'deleted') throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    const site = await this.site(comment.siteId);
    this.assertOrigin(site, caller);
    if (!token || !tokenMatches(token, comment.editTokenHash)) {
      throw new Problem(401, 'unauthorized', 'A valid edit token is required');
    }
    if (this.#now() > comment.createdAt + settingsOf(site).editWindowSeconds * 1000) {
      throw new Problem(403, 'edit-window-over', 'The time to edit or delete this comment is over');
    }
    return { comment, site };
  }
}
