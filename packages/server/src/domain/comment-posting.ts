import { IdempotencyKeyTaken, type IdempotencyStorage } from '../storage/idempotency-storage.js';
import type { ModerationStorage } from '../storage/moderation-storage.js';
import type { CommentRecord, NewComment, Site, Storage } from '../storage/types.js';
import { findBlockedWord } from './blocked-words.js';
import { commenterOf, isTrusted, normaliseComment, recordOf } from './comment-input.js';
import { isClosedByAge } from './comment-listing.js';
import type { Caller, CommentHooks, Created, NewCommentInput } from './comment-types.js';
import { assertHuman } from './form-token.js';
import { heldReason } from './held-reason.js';
import { editTokenForKey, hashIdempotencyKey, hashRequest, IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { hashToken, newCommentId, newToken, prefixHash } from './identity.js';
import { countLinks, renderMarkdown } from './markdown.js';
import { present } from './present.js';
import { Problem } from './problem.js';
import { enforceRate } from './rate-limit.js';
import { settingsOf } from './sites.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What posting needs of `CommentService`: its storage, clock and hooks, and its site checks. */
export interface PostingDeps {
  readonly storage: Storage;
  readonly moderation: ModerationStorage;
  readonly idempotency: IdempotencyStorage;
  now(): number;
  /** Read at each post: the app sets the hooks after the service is built. */
  hooks(): CommentHooks | undefined;
  site(id: string): Promise<Site>;
  assertOrigin(site: Site, caller: Caller): void;
  /** The page changed: forget what is remembered of it. */
  changed(siteId: string, key: string): void;
}

/**
 * The write path of a new comment (`CommentService.create`): every check a post passes, in the
 * order that keeps a refused request cheap and traceless, then one transaction for the comment,
 * its page and its outbox entries.
 */
export class CommentPosting {
  readonly #d: PostingDeps;

  constructor(deps: PostingDeps) {
    this.#d = deps;
  }

  /**
   * Posts a comment. With an `idempotencyKey` the first answer is stored with the comment, and a
   * retry with the same key and body within 24 h gets that answer again (`replayed`) and creates
   * nothing; the same key with another body is a 422.
   */
  async create(input: NewCommentInput, caller: Caller, options: { idempotencyKey?: string | undefined } = {}): Promise<Created> {
    const d = this.#d;
    const site = await d.site(input.site);
    d.assertOrigin(site, caller);
    const key = options.idempotencyKey;
    // The spam fields are not part of what was asked: a retry may carry a fresher form token.
    const { formToken: _token, homepage: _honeypot, ...request } = input;
    const idem = key === undefined ? undefined : { key, keyHash: hashIdempotencyKey(key), requestHash: hashRequest(request) };
    if (idem) {
      const replay = await this.#replay(site.id, idem);
      if (replay) return replay;
    }
    const settings = settingsOf(site);
    const clean = normaliseComment(input, site);
    const secret = await d.storage.secret();
    const now = d.now();
    // Before anything else touches the database: a refused bot leaves no trace, not even a rate event.
    if (settings.requireFormToken) assertHuman(secret, site.id, input, now);
    const page = await d.storage.getPage(site.id, clean.page.key);
    if (page && (page.locked || isClosedByAge(page, settings.autoCloseDays, now))) {
      throw new Problem(403, 'page-locked', 'This discussion is closed');
    }

    let parent: CommentRecord | undefined;
    if (input.parentId) {
      const found = await d.storage.getComment(input.parentId);
      if (!found || found.siteId !== site.id || found.pageKey !== clean.page.key || found.status !== 'approved') {
        throw new Problem(404, 'parent-not-found', `No comment "${input.parentId}" to reply to on this page`);
      }
      parent = found;
      // Beyond the site's maximum depth a reply joins its parent's siblings instead.
      while (settings.maxDepth > 0 && parent.depth >= settings.maxDepth && parent.parentId) {
        const up: CommentRecord | undefined = await d.storage.getComment(parent.parentId);
        if (!up) break;
        parent = up;
      }
    }

    const ipHash = prefixHash(secret, 'ip', caller.ip);
    const who = commenterOf(clean.email, ipHash);
    if (settings.refuseDuplicates && who && (await d.moderation.hasPosted(site.id, who, clean.body, now - DAY_MS))) {
      throw new Problem(422, 'duplicate-comment', 'You already posted this comment');
    }
    const blocked = findBlockedWord(settings.blockedWords, clean.body, clean.name, clean.website ?? '') !== undefined;
    if (blocked && settings.blockedWordsAction === 'refuse') {
      throw new Problem(422, 'blocked-word', 'This comment contains words this site does not accept');
    }
    await this.#rateLimit(site, ipHash, now);

    const html = renderMarkdown(clean.body);
    const trusted = () => isTrusted(d.moderation, site.id, who);
    const reason = await heldReason(settings, { links: countLinks(html), blocked, trusted });
    const editToken = idem ? editTokenForKey(secret, site.id, idem.key) : newToken();
    const input2: NewComment = {
      id: newCommentId(),
      siteId: site.id,
      page: clean.page,
      parentId: parent?.id ?? null,
      rootId: parent ? (parent.rootId ?? parent.id) : null,
      depth: parent ? parent.depth + 1 : 0,
      authorName: clean.name,
      authorEmail: clean.email,
      authorWebsite: clean.website,
      body: clean.body,
      html,
      status: reason ? 'pending' : 'approved',
      createdAt: now,
      editTokenHash: hashToken(editToken),
      ipHash,
      heldReason: reason,
    };
    const outbox = (await d.hooks()?.created(site, input2, parent)) ?? [];
    // Told to the author so the widget offers Edit exactly as long as the server allows it (the
    // window is per site); the edit check allows the last millisecond too (comment-editing.ts).
    const editableUntil = new Date(now + settings.editWindowSeconds * 1000).toISOString();
    if (!idem) {
      const { comment } = await d.storage.insertComment(input2, outbox);
      d.changed(site.id, clean.page.key);
      await this.#afterCreate(site, comment, input);
      return { comment: present(comment), editableUntil, editToken };
    }
    // The answer is fixed before the insert and stored with it; the first caller gets exactly
    // what a retry will get.
    const response = JSON.stringify({ comment: present(recordOf(input2)), editableUntil });
    try {
      await d.storage.insertComment(
        {
          ...input2,
          idempotency: {
            keyHash: idem.keyHash,
            requestHash: idem.requestHash,
            status: 201,
            response,
            forgetBefore: now - IDEMPOTENCY_TTL_MS,
          },
        },
        outbox,
      );
    } catch (err) {
      if (!(err instanceof IdempotencyKeyTaken)) throw err;
      // Another request with this key won the race; answer with its result.
      const replay = await this.#replay(site.id, idem);
      if (replay) return replay;
      throw err;
    }
    d.changed(site.id, clean.page.key);
    await this.#afterCreate(site, recordOf(input2), input);
    return { ...(JSON.parse(response) as Omit<Created, 'editToken'>), editToken };
  }

  /** The hooks' work after a post is stored; its failure is logged, since the comment is already saved. */
  async #afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void> {
    await this.#d
      .hooks()
      ?.afterCreate(site, comment, input)
      .catch((err: unknown) => console.error('after comment created:', err));
  }

  /** The stored first answer to the key, or undefined; 422 if the key came with another request. */
  async #replay(siteId: string, idem: { key: string; keyHash: string; requestHash: string }): Promise<Created | undefined> {
    const found = await this.#d.idempotency.find(siteId, idem.keyHash, this.#d.now() - IDEMPOTENCY_TTL_MS);
    if (!found) return undefined;
    if (found.requestHash !== idem.requestHash) {
      throw new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request');
    }
    const editToken = editTokenForKey(await this.#d.storage.secret(), siteId, idem.key);
    // Only created comments are stored (status 201): a refused request created nothing and may
    // simply be sent again.
    return { ...(JSON.parse(found.response) as Omit<Created, 'editToken'>), editToken, replayed: true };
  }

  async #rateLimit(site: Site, subject: string | null, now: number): Promise<void> {
    const { rateLimitPerMinute: perMinute, rateLimitPerHour: perHour } = settingsOf(site);
    if (!subject) return;
    const windows = [
      { limit: perMinute, spanMs: 60_000 },
      { limit: perHour, spanMs: 3_600_000 },
    ];
    await enforceRate(this.#d.storage, site.id, subject, windows, now, 'Too many comments; please wait a moment');
  }
}
