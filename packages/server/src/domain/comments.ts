import { IdempotencyKeyTaken, type IdempotencyStorage, idempotencyStorageOf } from '../storage/idempotency-storage.js';
import { type Commenter, type ModerationStorage, moderationStorageOf } from '../storage/moderation-storage.js';
import type {
  CommentInContext,
  CommentRecord,
  CursorKey,
  NewComment,
  OutboxEntry,
  PageRecord,
  Site,
  SortOrder,
  Storage,
} from '../storage/types.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';
import { findBlockedWord } from './blocked-words.js';
import { assertHuman, FORM_TOKEN_STEP_MS, issueFormToken } from './form-token.js';
import { editTokenForKey, hashIdempotencyKey, hashRequest, IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { hashToken, newCommentId, newToken, prefixHash, tokenMatches } from './identity.js';
import { Limiter, ListCache } from './list-cache.js';
import { countLinks, renderMarkdown } from './markdown.js';
import { heldReason } from './moderation.js';
import { buildThreads, type PublicComment, present } from './present.js';
import { invalid, Problem } from './problem.js';
import { enforceRate } from './rate-limit.js';
import { settingsOf } from './sites.js';
import { charLength, cleanLine, cleanMultiline, FieldErrors, httpUrl, isEmail } from './text.js';

/** Who is asking: what the HTTP layer knows of the caller, nothing more. */
export interface Caller {
  /** The browser's Origin header, if any; non-browser clients send none. */
  origin?: string | undefined;
  /** The client's address as resolved from the connection and trusted proxies. */
  ip?: string | undefined;
}

export interface ListQuery {
  site: string;
  page: string;
  sort: SortOrder;
  limit: number;
  cursor?: string | undefined;
}

export interface NewCommentInput {
  site: string;
  page: string;
  url?: string | undefined;
  title?: string | undefined;
  parentId?: string | null | undefined;
  body: string;
  author?: { name?: string | undefined; email?: string | undefined; website?: string | undefined } | undefined;
  /** "Notify me of replies" (needs an e-mail; double opt-in, see `domain/notify/`). */
  notify?: boolean | undefined;
  /** The reader's language (BCP 47), for the mails they will get. */
  locale?: string | undefined;
  /** From the listing; required when the site sets `requireFormToken`. */
  formToken?: string | undefined;
  /** The honeypot: the widget's hidden field, named to tempt form-filling scripts; must stay empty. */
  homepage?: string | undefined;
}

/**
 * What else happens when a comment changes (mails, webhooks: `domain/notify/`). The entries each
 * method returns are written to the outbox in the same transaction as the change.
 */
export interface CommentHooks {
  created(site: Site, comment: NewComment, parent: CommentRecord | undefined): Promise<OutboxEntry[]>;
  /** After the comment is stored (the author's own reply subscription); a failure is logged, not answered. */
  afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void>;
  /** `held`: the edit sent a published comment back to the moderation queue. */
  updated(site: Site, comment: CommentInContext, held?: boolean): Promise<OutboxEntry[]>;
  deleted(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One page of a thread as `GET /api/v1/comments` answers it. */
export interface Listing {
  page: PageSummary;
  comments: PublicComment[];
  nextCursor: string | null;
}

export interface PageSummary {
  key: string;
  url: string;
  title: string;
  count: number;
  locked: boolean;
}

/** The answer to a post (201); `replayed` marks a stored first answer sent again for its Idempotency-Key. */
export interface Created {
  comment: PublicComment;
  editToken: string;
  replayed?: true;
}

/** The comment rules: who may post what where, and how it is stored and shown. */
export class CommentService {
  readonly storage: Storage;
  readonly #now: () => number;
  /** The current step's form token per site: ten HMACs a second instead of one a listing. */
  readonly #tokens = new Map<string, { step: number; token: string }>();
  readonly #cache: ListCache;
  /** Listings built at once; the rest wait, so a burst of misses cannot balloon memory. */
  readonly #builds = new Limiter(4);
  /** Pages (with their version) read in the last `#freshMs`; this process's own writes drop them at once. */
  readonly #pages = new Map<string, { page: PageRecord; at: number }>();
  /** Sites read in the last `#freshMs`, for {@link #closed}. */
  readonly #sites = new Map<string, { site: Site; at: number }>();
  readonly #freshMs: number;
  /** Notifications and webhooks; none unless the app sets them up. */
  hooks: CommentHooks | undefined;
  readonly #moderation: ModerationStorage;
  readonly #idempotency: IdempotencyStorage;

  /**
   * @param freshMs how long a page's version, once read, is trusted without asking the database
   *   again. Writes through this service forget it at once; writes by other processes (another
   *   instance, an import) show after at most this long. 0 (the default) asks every time.
   */
  constructor(storage: Storage, now: () => number = Date.now, cache: ListCache = new ListCache(), freshMs = 0) {
    this.storage = storage;
    this.#now = now;
    this.#cache = cache;
    this.#freshMs = freshMs;
    this.#moderation = moderationStorageOf(storage);
    this.#idempotency = idempotencyStorageOf(storage);
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

  async list(q: ListQuery): Promise<Listing> {
    const page = await this.#page(q.site, q.page);
    if (!page) return emptyListing(q.page);
    const locked = await this.#closed(page);
    return this.#builds.run(() => this.#listPage(page, q, locked));
  }

  /**
   * The listing serialised to UTF-8, as the API sends it. Served from the cache while the page's
   * version is unchanged: a hit costs two indexed reads (site, page), no serialisation and no encoding.
   */
  async listBody(q: ListQuery): Promise<Uint8Array> {
    const page = await this.#freshPage(q.site, q.page);
    if (!page) return Buffer.from(JSON.stringify(emptyListing(q.page)));
    // Closing by age changes no version, so whether the page is closed is part of the key.
    const locked = await this.#closed(page);
    const key = `${page.id}\n${page.version}\n${locked ? 1 : 0}\n${q.sort}\n${q.limit}\n${q.cursor ?? ''}`;
    const hit = this.#cache.get(key);
    if (hit !== undefined) return hit;
    const body = await this.#builds.run(async () => Buffer.from(JSON.stringify(await this.#listPage(page, q, locked))));
    this.#cache.set(key, body);
    return body;
  }

  /**
   * A form token for the site (see `form-token.ts`), served beside every listing. It names no
   * visitor, so the cached listing bytes stay shared; only this short string is made per request.
   */
  async formToken(siteId: string): Promise<string> {
    const step = Math.ceil(this.#now() / FORM_TOKEN_STEP_MS);
    const memo = this.#tokens.get(siteId);
    if (memo?.step === step) return memo.token;
    const token = issueFormToken(await this.storage.secret(), siteId, step * FORM_TOKEN_STEP_MS);
    // The query's site is not checked yet when this runs beside the listing, so a flood of
    // made-up site ids must not grow the memo without bound.
    if (this.#tokens.size >= 1000) this.#tokens.clear();
    this.#tokens.set(siteId, { step, token });
    return token;
  }

  /** {@link #page}, trusted for `freshMs` after it was read (see the constructor). */
  async #freshPage(siteId: string, key: string): Promise<PageRecord | undefined> {
    if (this.#freshMs <= 0) return this.#page(siteId, key);
    const memoKey = `${siteId}\n${key}`;
    const now = Date.now();
    const memo = this.#pages.get(memoKey);
    if (memo && now - memo.at < this.#freshMs) return memo.page;
    let page: PageRecord | undefined;
    try {
      page = await this.#page(siteId, key);
    } catch (err) {
      // With the database away, the page as last read still finds its cached listing: readers
      // keep a (slightly stale) thread instead of an error.
      if (memo && isDatabaseUnavailable(err)) return memo.page;
      throw err;
    }
    if (this.#pages.size >= 10_000) this.#pages.clear();
    if (page) this.#pages.set(memoKey, { page, at: now });
    else this.#pages.delete(memoKey);
    return page;
  }

  /**
   * Whether the page takes no new comments: locked by a moderator, or older than the site's
   * `autoCloseDays` (counted from its first comment). The site is read as pages are: trusted
   * for `freshMs`, so a listing costs no extra query on a busy page.
   */
  async #closed(page: PageRecord): Promise<boolean> {
    if (page.locked) return true;
    let memo = this.#sites.get(page.siteId);
    const at = Date.now();
    if (!memo || at - memo.at >= this.#freshMs) {
      try {
        const site = await this.site(page.siteId);
        memo = { site, at };
        if (this.#sites.size >= 10_000) this.#sites.clear();
        this.#sites.set(page.siteId, memo);
      } catch (err) {
        // As for the page: with the database away, the site as last read keeps listings served.
        if (!memo || !isDatabaseUnavailable(err)) throw err;
      }
    }
    return isClosedByAge(page, settingsOf(memo.site).autoCloseDays, this.#now());
  }

  /** For writers outside this service (moderation): the page changed, forget what is remembered of it. */
  changed(siteId: string, key: string): void {
    this.#changed(siteId, key);
  }

  /** Forgets what {@link #freshPage} remembers of a page this process just changed. */
  #changed(siteId: string, key: string): void {
    this.#pages.delete(`${siteId}\n${key}`);
  }

  /** The page, or undefined if it has no comments yet; 404 if the site does not exist. */
  async #page(siteId: string, key: string): Promise<PageRecord | undefined> {
    // A page exists only inside its site, so finding it proves the site: one read on the hot path.
    const page = await this.storage.getPage(siteId, key);
    if (!page) await this.site(siteId);
    return page;
  }

  async #listPage(page: PageRecord, q: ListQuery, locked: boolean): Promise<Listing> {
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, q.sort);
    const top = await this.storage.listTopLevel(page.id, q.sort, q.limit + 1, after);
    const more = top.length > q.limit;
    const shown = more ? top.slice(0, q.limit) : top;
    // Pinned comments lead the first page only, so later pages neither repeat nor skip them.
    const pinned = after === undefined ? await this.storage.listPinned(page.id) : [];
    const replies = await this.storage.listReplies([...pinned, ...shown].map((c) => c.id));
    const counts = await this.storage.countApproved(q.site, [q.page]);
    const last = shown[shown.length - 1];
    return {
      page: { ...summary(page, counts.get(page.key) ?? 0), locked },
      comments: buildThreads([...pinned, ...shown], replies),
      nextCursor: more && last ? encodeCursor(last, q.sort) : null,
    };
  }

  /**
   * Posts a comment. With an `idempotencyKey` the first answer is stored with the comment, and a
   * retry with the same key and body within 24 h gets that answer again (`replayed`) and creates
   * nothing; the same key with another body is a 422.
   */
  async create(input: NewCommentInput, caller: Caller, options: { idempotencyKey?: string | undefined } = {}): Promise<Created> {
    const site = await this.site(input.site);
    this.assertOrigin(site, caller);
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
    const secret = await this.storage.secret();
    const now = this.#now();
    // Before anything else touches the database: a refused bot leaves no trace, not even a rate event.
    if (settings.requireFormToken) assertHuman(secret, site.id, input, now);
    const page = await this.storage.getPage(site.id, clean.page.key);
    if (page && (page.locked || isClosedByAge(page, settings.autoCloseDays, now))) {
      throw new Problem(403, 'page-locked', 'This discussion is closed');
    }

    let parent: CommentRecord | undefined;
    if (input.parentId) {
      const found = await this.storage.getComment(input.parentId);
      if (!found || found.siteId !== site.id || found.pageKey !== clean.page.key || found.status !== 'approved') {
        throw new Problem(404, 'parent-not-found', `No comment "${input.parentId}" to reply to on this page`);
      }
      parent = found;
      // Beyond the site's maximum depth a reply joins its parent's siblings instead.
      while (settings.maxDepth > 0 && parent.depth >= settings.maxDepth && parent.parentId) {
        const up: CommentRecord | undefined = await this.storage.getComment(parent.parentId);
        if (!up) break;
        parent = up;
      }
    }

    const ipHash = prefixHash(secret, 'ip', caller.ip);
    const who = commenterOf(clean.email, ipHash);
    if (settings.refuseDuplicates && who && (await this.#moderation.hasPosted(site.id, who, clean.body, now - DAY_MS))) {
      throw new Problem(422, 'duplicate-comment', 'You already posted this comment');
    }
    const blocked = findBlockedWord(settings.blockedWords, clean.body, clean.name, clean.website ?? '') !== undefined;
    if (blocked && settings.blockedWordsAction === 'refuse') {
      throw new Problem(422, 'blocked-word', 'This comment contains words this site does not accept');
    }
    await this.#rateLimit(site, ipHash, now);

    const html = renderMarkdown(clean.body);
    const reason = await heldReason(settings, { links: countLinks(html), blocked, trusted: () => this.#trusted(site.id, who) });
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
    const outbox = (await this.hooks?.created(site, input2, parent)) ?? [];
    if (!idem) {
      const { comment } = await this.storage.insertComment(input2, outbox);
      this.#changed(site.id, clean.page.key);
      await this.#afterCreate(site, comment, input);
      return { comment: present(comment), editToken };
    }
    // The answer is fixed before the insert and stored with it; the first caller gets exactly
    // what a retry will get.
    const response = JSON.stringify({ comment: present(recordOf(input2)) });
    try {
      await this.storage.insertComment(
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
    this.#changed(site.id, clean.page.key);
    await this.#afterCreate(site, recordOf(input2), input);
    return { ...(JSON.parse(response) as { comment: PublicComment }), editToken };
  }

  /** The hooks' work after a post is stored; its failure is logged, since the comment is already saved. */
  async #afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void> {
    await this.hooks?.afterCreate(site, comment, input).catch((err: unknown) => console.error('after comment created:', err));
  }

  /** The stored first answer to the key, or undefined; 422 if the key came with another request. */
  async #replay(siteId: string, idem: { key: string; keyHash: string; requestHash: string }): Promise<Created | undefined> {
    const found = await this.#idempotency.find(siteId, idem.keyHash, this.#now() - IDEMPOTENCY_TTL_MS);
    if (!found) return undefined;
    if (found.requestHash !== idem.requestHash) {
      throw new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request');
    }
    const editToken = editTokenForKey(await this.storage.secret(), siteId, idem.key);
    // Only created comments are stored (status 201): a refused request created nothing and may
    // simply be sent again.
    return { ...(JSON.parse(found.response) as { comment: PublicComment }), editToken, replayed: true };
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
    const hold =
      comment.status === 'approved'
        ? await heldReason(settings, { links: countLinks(html), blocked, trusted: () => this.#trusted(site.id, who) })
        : null;
    const edited = { ...comment, body: clean, html, editedAt, ...(hold ? { status: 'pending' as const, heldReason: hold } : {}) };
    const outbox = (await this.hooks?.updated(site, edited, hold !== null)) ?? [];
    const updated = await this.storage.updateCommentBody(comment.id, clean, html, editedAt, outbox, hold ?? undefined);
    this.#changed(comment.siteId, comment.pageKey);
    return present(updated);
  }

  async remove(id: string, token: string | undefined, caller: Caller): Promise<void> {
    const { comment, site } = await this.#owned(id, token, caller);
    await this.storage.softDeleteComment(comment.id, (await this.hooks?.deleted(site, comment)) ?? []);
    this.#changed(comment.siteId, comment.pageKey);
  }

  async vote(id: string, value: -1 | 0 | 1, caller: Caller): Promise<{ up: number; down: number; score: number }> {
    const comment = await this.storage.getComment(id);
    if (comment?.status !== 'approved') throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    this.assertOrigin(await this.site(comment.siteId), caller);
    const voter = prefixHash(await this.storage.secret(), 'vote', caller.ip);
    if (!voter) throw new Problem(400, 'bad-request', 'Cannot tell who is voting');
    const { up, down } = await this.storage.vote(id, voter, value, this.#now());
    this.#changed(comment.siteId, comment.pageKey);
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
    if (held) this.#changed(comment.siteId, comment.pageKey);
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

  async #rateLimit(site: Site, subject: string | null, now: number): Promise<void> {
    const { rateLimitPerMinute: perMinute, rateLimitPerHour: perHour } = settingsOf(site);
    if (!subject) return;
    const windows = [
      { limit: perMinute, spanMs: 60_000 },
      { limit: perHour, spanMs: 3_600_000 },
    ];
    await enforceRate(this.storage, site.id, subject, windows, now, 'Too many comments; please wait a moment');
  }

  /**
   * Whether `first` mode trusts the commenter: someone with an approved comment on the site,
   * known by the e-mail they give or, without one, by their IP prefix. Neither is proof of
   * identity; the mode is a speed bump for drive-by spam, not authentication.
   */
  async #trusted(siteId: string, who: Commenter | undefined): Promise<boolean> {
    return who !== undefined && this.#moderation.hasApproved(siteId, who);
  }
}

/** True if the page's thread is older than `days` (0: never closes by age). */
export function isClosedByAge(page: Pick<PageRecord, 'createdAt'>, days: number, now: number): boolean {
  return days > 0 && now - page.createdAt > days * DAY_MS;
}

function commenterOf(email: string | null, ipHash: string | null): Commenter | undefined {
  if (email) return { email };
  return ipHash ? { ipHash } : undefined;
}

/** The record `insertComment` stores for `input`, as `present` needs it (the page id is not shown). */
export function recordOf(input: NewComment): CommentRecord {
  return {
    id: input.id,
    pageId: 0,
    parentId: input.parentId,
    rootId: input.rootId,
    depth: input.depth,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    authorWebsite: input.authorWebsite,
    body: input.body,
    html: input.html,
    status: input.status,
    createdAt: input.createdAt,
    editedAt: null,
    up: 0,
    down: 0,
    editTokenHash: input.editTokenHash,
    ipHash: input.ipHash,
    heldReason: input.heldReason ?? null,
    flags: 0,
  };
}

function emptyListing(key: string): Listing {
  return { page: { key, url: '', title: '', count: 0, locked: false }, comments: [], nextCursor: null };
}

function summary(page: PageRecord, count: number): PageSummary {
  return { key: page.key, url: page.url, title: page.title, count, locked: page.locked };
}

function normaliseBody(raw: string, maxLength: number): string {
  const body = cleanMultiline(raw);
  if (!body) throw invalid([{ path: 'body', message: 'must not be empty' }]);
  if (charLength(body) > maxLength) throw invalid([{ path: 'body', message: `must be at most ${maxLength} characters` }]);
  return body;
}

/** Every untrusted field of a new comment, normalised and checked in one place. */
export function normaliseComment(input: NewCommentInput, site: Site) {
  const settings = settingsOf(site);
  const errors = new FieldErrors();
  const key = cleanLine(input.page);
  if (!key || charLength(key) > 512) errors.add('page', 'must be 1-512 characters');
  let url = '';
  if (input.url) {
    const parsed = httpUrl(cleanLine(input.url));
    if (!parsed || parsed.length > 2048) errors.add('url', 'must be an http(s) URL');
    else url = parsed;
  }
  const title = cleanLine(input.title ?? '').slice(0, 300);
  const name = cleanLine(input.author?.name ?? '');
  if (charLength(name) > 80) errors.add('author.name', 'must be at most 80 characters');
  if (!name && settings.requireName) errors.add('author.name', 'is required');
  const email = cleanLine(input.author?.email ?? '').toLowerCase();
  if (email && !isEmail(email)) errors.add('author.email', 'is not a valid e-mail address');
  if (!email && settings.requireEmail) errors.add('author.email', 'is required');
  let website: string | null = null;
  const rawSite = cleanLine(input.author?.website ?? '');
  if (rawSite) {
    website = httpUrl(rawSite) ?? null;
    if (!website || website.length > 300) errors.add('author.website', 'must be an http(s) URL');
  }
  const body = cleanMultiline(input.body);
  if (!body) errors.add('body', 'must not be empty');
  else if (charLength(body) > settings.maxLength) errors.add('body', `must be at most ${settings.maxLength} characters`);
  if (!errors.empty) throw invalid(errors.list);
  return { page: { key, url, title }, name, email: email || null, website, body };
}

interface CursorPayload {
  s: SortOrder;
  c: number;
  i: string;
  v?: number;
}

function encodeCursor(c: CommentRecord, sort: SortOrder): string {
  const payload: CursorPayload = { s: sort, c: c.createdAt, i: c.id, ...(sort === 'top' ? { v: c.up - c.down } : {}) };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(cursor: string, sort: SortOrder): CursorKey {
  const bad = () => new Problem(400, 'bad-request', 'Invalid cursor; start again without one');
  let p: Partial<CursorPayload>;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPayload>;
  } catch {
    throw bad();
  }
  if (p === null || typeof p !== 'object' || p.s !== sort || typeof p.c !== 'number' || typeof p.i !== 'string') throw bad();
  return { createdAt: p.c, id: p.i, ...(typeof p.v === 'number' ? { score: p.v } : {}) };
}
