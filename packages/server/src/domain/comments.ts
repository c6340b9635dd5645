import { idempotencyStorageOf } from '../storage/idempotency-storage.js';
import { type ModerationStorage, moderationStorageOf } from '../storage/moderation-storage.js';
import type { Site, Storage } from '../storage/types.js';
import { CommentEditing, type EditingDeps } from './comment-editing.js';
import { CommentListing, type Listing, type ListQuery } from './comment-listing.js';
import { CommentPosting } from './comment-posting.js';
import type { Caller, CommentHooks, Created, NewCommentInput } from './comment-types.js';
import { prefixHash, tokenMatches } from './identity.js';
import { ListCache } from './list-cache.js';
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
 * `CommentListing`'s (`comment-listing.ts`), posting is `CommentPosting`'s (`comment-posting.ts`),
 * an author's edits and deletions `CommentEditing`'s (`comment-editing.ts`); votes, flags and
 * counts are here.
 */
export class CommentService {
  readonly storage: Storage;
  /** Notifications and webhooks; none unless the app sets them up. */
  hooks: CommentHooks | undefined;
  readonly #now: () => number;
  readonly #listing: CommentListing;
  readonly #posting: CommentPosting;
  readonly #editing: CommentEditing;
  readonly #moderation: ModerationStorage;

  /**
   * @param freshMs how long a page's version, once read, is trusted without asking the database
   *   again. Writes through this service forget it at once; writes by other processes (another
   *   instance, an import) show after at most this long. 0 (the default) asks every time.
   * @param readNow the clock of the read path (closed-by-age, the form token), which stamps
   *   nothing. Apart from `now` so that a busy read path does not take ticks of a record clock
   *   (`clock.ts`) and run it ahead for as long as the load lasts.
   * @param replies how many replies each top-level comment brings in a listing (`LISTING_REPLIES`).
   */
  constructor(
    storage: Storage,
    now: () => number = Date.now,
    cache: ListCache = new ListCache(),
    freshMs = 0,
    readNow: () => number = now,
    replies?: number,
  ) {
    this.storage = storage;
    this.#now = now;
    this.#moderation = moderationStorageOf(storage);
    const site = (id: string) => this.site(id);
    this.#listing = new CommentListing(storage, site, readNow, cache, freshMs, replies);
    const deps: EditingDeps = {
      storage,
      moderation: this.#moderation,
      now,
      hooks: () => this.hooks,
      site,
      assertOrigin: (s, caller) => this.assertOrigin(s, caller),
      changed: (siteId, key) => this.changed(siteId, key),
    };
    this.#posting = new CommentPosting({ ...deps, idempotency: idempotencyStorageOf(storage) });
    this.#editing = new CommentEditing(deps);
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

  /** Replaces the text of an own comment (see `CommentEditing.edit`). */
  edit(id: string, token: string | undefined, body: string, caller: Caller): Promise<PublicComment> {
    return this.#editing.edit(id, token, body, caller);
  }

  /** Deletes an own comment within the edit window (see `CommentEditing.remove`). */
  remove(id: string, token: string | undefined, caller: Caller): Promise<void> {
    return this.#editing.remove(id, token, caller);
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
    const threshold = settingsOf(site).flagThreshold;
    // Only a flag that can still reach the threshold may hold the comment; plan its mail for that case.
    const mayHold = comment.status === 'approved' && threshold > 0 && comment.flags < threshold;
    const outbox = mayHold
      ? ((await this.hooks?.flagHeld(site, { ...comment, status: 'pending', heldReason: 'flags' })) ?? [])
      : [];
    const { held } = await this.#moderation.flag(id, visitor, this.#now(), threshold, outbox);
    if (held) this.changed(comment.siteId, comment.pageKey);
  }

  async counts(siteId: string, keys: string[]): Promise<Record<string, number>> {
    const unique = [...new Set(keys)];
    const found = await this.storage.countApproved(siteId, unique);
    // Counts found prove the site exists; only an all-zero answer needs to ask.
    if (found.size === 0) await this.site(siteId);
    return Object.fromEntries(unique.map((k) => [k, found.get(k) ?? 0]));
  }
}
