import type { PageRecord, Site, SortOrder, Storage } from '../storage/types.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';
import { decodeCursor, encodeCursor } from './comment-cursor.js';
import { FORM_TOKEN_STEP_MS, issueFormToken } from './form-token.js';
import { Limiter, type ListCache } from './list-cache.js';
import type { PublicComment } from './present.js';
import { invalid, Problem } from './problem.js';
import { LISTING_REPLIES, replyPage, withReplies } from './reply-paging.js';
import { settingsOf } from './sites.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What `GET /api/v1/comments` asks for: a page of top-level comments, or with `root` or `around` one thread's replies. */
export interface ListQuery {
  site: string;
  page: string;
  sort: SortOrder;
  limit: number;
  cursor?: string | undefined;
  /** The top-level comment whose replies to list after `cursor` (see `reply-paging.ts`). */
  root?: string | undefined;
  /** A comment to list with its ancestors and the replies after it (a permalink). */
  around?: string | undefined;
}

/** One page of a thread as `GET /api/v1/comments` answers it. */
export interface Listing {
  page: PageSummary;
  comments: PublicComment[];
  nextCursor: string | null;
}

/** The page a listing belongs to, with its count of published comments. */
export interface PageSummary {
  key: string;
  url: string;
  title: string;
  count: number;
  locked: boolean;
}

/** True if the page's thread is older than `days` (0: never closes by age). */
export function isClosedByAge(page: Pick<PageRecord, 'createdAt'>, days: number, now: number): boolean {
  return days > 0 && now - page.createdAt > days * DAY_MS;
}

/**
 * The read path of threads (see `CommentService`): listings, cached as serialised bytes under
 * the page's version, and the form token served beside them. Pages and sites once read are
 * trusted for `freshMs`; {@link forget} drops a page this process just changed.
 */
export class CommentListing {
  readonly #storage: Storage;
  readonly #now: () => number;
  /** The site by id; 404 if there is none. */
  readonly #site: (id: string) => Promise<Site>;
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
  /** Replies each top-level comment brings in a listing ({@link LISTING_REPLIES} by default). */
  readonly #replies: number;

  constructor(
    storage: Storage,
    site: (id: string) => Promise<Site>,
    now: () => number,
    cache: ListCache,
    freshMs: number,
    replies = LISTING_REPLIES,
  ) {
    this.#storage = storage;
    this.#site = site;
    this.#now = now;
    this.#cache = cache;
    this.#freshMs = freshMs;
    this.#replies = replies;
  }

  async list(q: ListQuery): Promise<Listing> {
    const page = await this.#page(q.site, q.page);
    if (!page) return emptyListing(q.page);
    const locked = await this.#closed(page);
    return this.#builds.run(() => this.#listPage(page, q, locked));
  }

  /**
   * The listing (or with `root` or `around`, the reply page) serialised to UTF-8, as the API sends
   * it. Served from the cache while the page's version is unchanged: a hit costs two indexed reads
   * (site, page), no serialisation and no encoding. Every change to a page's comments, replies
   * included, raises its version, so a thread's reply pages are never served stale either.
   */
  async listBody(q: ListQuery): Promise<Uint8Array> {
    if (q.root !== undefined || q.around !== undefined) return this.#replyBody(q);
    const page = await this.#freshPage(q.site, q.page);
    if (!page) return Buffer.from(JSON.stringify(emptyListing(q.page)));
    // Closing by age changes no version, so whether the page is closed is part of the key.
    const locked = await this.#closed(page);
    const key = `${page.id}\n${page.version}\n${locked ? 1 : 0}\n${q.sort}\n${q.limit}\n${q.cursor ?? ''}`;
    return this.#cached(key, () => this.#listPage(page, q, locked));
  }

  /** The cached bytes under `key`, else `build`'s answer serialised (a few at a time) and cached. */
  async #cached(key: string, build: () => Promise<unknown>): Promise<Uint8Array> {
    const hit = this.#cache.get(key);
    if (hit !== undefined) return hit;
    const body = await this.#builds.run(async () => Buffer.from(JSON.stringify(await build())));
    this.#cache.set(key, body);
    return body;
  }

  /** {@link listBody} for `root` or `around`: the page must have comments, and the thread must be on it. */
  async #replyBody(q: ListQuery): Promise<Uint8Array> {
    if (q.root !== undefined && q.around !== undefined)
      throw invalid([{ path: 'around', message: 'Give root or around, not both' }]);
    if (q.around !== undefined && q.cursor !== undefined) throw invalid([{ path: 'cursor', message: 'around takes no cursor' }]);
    const page = await this.#freshPage(q.site, q.page);
    const id = q.root ?? q.around;
    if (!page) throw new Problem(404, 'comment-not-found', `No comment "${id}" is listed on this page`);
    const key = `${page.id}\n${page.version}\n${q.root === undefined ? 'around' : 'root'}\n${id}\n${q.limit}\n${q.cursor ?? ''}`;
    return this.#cached(key, () => replyPage(this.#storage, page.id, q));
  }

  /**
   * A form token for the site (see `form-token.ts`), served beside every listing. It names no
   * visitor, so the cached listing bytes stay shared; only this short string is made per request.
   */
  async formToken(siteId: string): Promise<string> {
    const step = Math.ceil(this.#now() / FORM_TOKEN_STEP_MS);
    const memo = this.#tokens.get(siteId);
    if (memo?.step === step) return memo.token;
    const token = issueFormToken(await this.#storage.secret(), siteId, step * FORM_TOKEN_STEP_MS);
    // The query's site is not checked yet when this runs beside the listing, so a flood of
    // made-up site ids must not grow the memo without bound.
    if (this.#tokens.size >= 1000) this.#tokens.clear();
    this.#tokens.set(siteId, { step, token });
    return token;
  }

  /** Forgets what {@link #freshPage} remembers of a page this process just changed. */
  forget(siteId: string, key: string): void {
    this.#pages.delete(`${siteId}\n${key}`);
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
        const site = await this.#site(page.siteId);
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

  /** The page, or undefined if it has no comments yet; 404 if the site does not exist. */
  async #page(siteId: string, key: string): Promise<PageRecord | undefined> {
    // A page exists only inside its site, so finding it proves the site: one read on the hot path.
    const page = await this.#storage.getPage(siteId, key);
    if (!page) await this.#site(siteId);
    return page;
  }

  async #listPage(page: PageRecord, q: ListQuery, locked: boolean): Promise<Listing> {
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, q.sort);
    const top = await this.#storage.listTopLevel(page.id, q.sort, q.limit + 1, after);
    const more = top.length > q.limit;
    const shown = more ? top.slice(0, q.limit) : top;
    // Pinned comments lead the first page only, so later pages neither repeat nor skip them.
    const pinned = after === undefined ? await this.#storage.listPinned(page.id) : [];
    const comments = await withReplies(this.#storage, [...pinned, ...shown], this.#replies);
    const counts = await this.#storage.countApproved(q.site, [q.page]);
    const last = shown[shown.length - 1];
    return {
      page: { ...summary(page, counts.get(page.key) ?? 0), locked },
      comments,
      nextCursor: more && last ? encodeCursor(last, q.sort) : null,
    };
  }
}

function emptyListing(key: string): Listing {
  return { page: { key, url: '', title: '', count: 0, locked: false }, comments: [], nextCursor: null };
}

function summary(page: PageRecord, count: number): PageSummary {
  return { key: page.key, url: page.url, title: page.title, count, locked: page.locked };
}
