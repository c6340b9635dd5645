/** Shapes of the comment server's API (`/api/v1`), as the widget reads them. */
import { plainJson } from './plain-json.js';

export interface CommentAuthor {
  name: string;
  website: string | null;
  avatar: string;
}

export interface Comment {
  id: string;
  parentId: string | null;
  author: CommentAuthor | null;
  html: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  up: number;
  down: number;
  score: number;
  deleted?: true;
  /** Pinned by a moderator: listed first (on the first page). */
  pinned?: true;
  replies?: Comment[];
  /** A top-level comment: replies the listing left out (it carries the first 50), if any. */
  moreReplies?: number;
  /** With `moreReplies`: the cursor to them (`root=<id>`). */
  repliesCursor?: string;
}

export interface PageInfo {
  key: string;
  url: string;
  title: string;
  count: number;
  locked: boolean;
}

export interface CommentList {
  page: PageInfo;
  comments: Comment[];
  nextCursor: string | null;
  /** Sent back with a post (the server wants it 2 s to 24 h old). */
  formToken?: string;
  /** False when the server sends no e-mail (no notify or follow controls then); older servers omit it. */
  mail?: boolean;
}

/** One thread's replies (`root=<id>` after a cursor, or `around=<id>` for a permalink). */
export interface ReplyPage {
  root: string;
  /** Nested, in thread order; one whose parent is not here goes under a comment already shown. */
  replies: Comment[];
  moreReplies: number;
  nextCursor: string | null;
}

export interface NewComment {
  site: string;
  page: string;
  url?: string;
  title?: string;
  parentId?: string | null;
  body: string;
  author?: { name?: string; email?: string; website?: string };
  formToken?: string | undefined;
  /** The honeypot: people never fill it in. */
  homepage?: string | undefined;
  /** Mail replies to `author.email` (double opt-in on first use). */
  notify?: boolean;
  /** The reader's language, for those mails. */
  locale?: string;
}

/** The answer to a post: the comment, its edit token and until when that edits. */
export interface Posted {
  comment: Comment;
  editToken: string;
  /** ISO 8601; absent from older servers (then the default 15 minutes). */
  editableUntil?: string;
}

/**
 * One invalid field of a problem+json answer: `code` (and `max` with `too-long`) from servers
 * that send one (docs/api.md, "Field errors"), `message` in English.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  max?: number;
}

/**
 * A problem+json answer, or no usable answer: a network failure or a write the server did not
 * answer within {@link WRITE_TIMEOUT_MS} (status 0, code `network`), or an answer that is not the
 * API's (a captive portal's page, a proxy's empty JSON; code `bad-answer`). A write that failed
 * without a usable answer may or may not have been done; a post is sent again with its
 * `Idempotency-Key`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

/** How long a write waits for its answer before it counts as failed (a hung proxy or database). */
export const WRITE_TIMEOUT_MS = 30_000;

/** The path of one comment. */
const one = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

/** A thin client for one comment server. */
export class ParleyApi {
  readonly base: string;

  /** @param base the comment server's origin and path prefix, e.g. `https://comments.example.com` */
  constructor(base: string) {
    this.base = base.replace(/\/$/, '');
  }

  /**
   * A page of a thread's comments, or with `root` or `around` one thread's replies (a
   * {@link ReplyPage}); `signal` aborts the request (the thread moved on).
   */
  list<T = CommentList>(
    site: string,
    page: string,
    opts: { sort?: string; limit?: number; cursor?: string | null; root?: string; around?: string; signal?: AbortSignal } = {},
  ): Promise<T> {
    const q = new URLSearchParams({ site, page });
    for (const k of ['sort', 'limit', 'cursor', 'root', 'around'] as const) if (opts[k]) q.set(k, String(opts[k]));
    // A listing has `comments`, a thread's replies (`root`, `around`) `replies`.
    return this.#call('GET', `/api/v1/comments?${q}`, undefined, {}, opts.signal, (d) => Array.isArray(d.comments ?? d.replies));
  }

  /** Posts a comment; `key` is its `Idempotency-Key` (the same on every retry of this post). */
  post(input: NewComment, key: string): Promise<Posted> {
    return this.#call(
      'POST',
      '/api/v1/comments',
      input,
      { 'idempotency-key': key },
      undefined,
      (d) => isComment(d.comment) && typeof d.editToken === 'string',
    );
  }

  edit(id: string, token: string, body: string): Promise<{ comment: Comment }> {
    return this.#call('PATCH', one(id), { body }, bearer(token), undefined, (d) => isComment(d.comment));
  }

  remove(id: string, token: string): Promise<void> {
    return this.#call('DELETE', one(id), undefined, bearer(token));
  }

  vote(id: string, value: -1 | 0 | 1): Promise<{ up: number; down: number; score: number }> {
    return this.#call('POST', `${one(id)}/vote`, { value });
  }

  /** Reports a comment to the moderators (once per visitor; again is harmless). */
  flag(id: string): Promise<void> {
    return this.#call('POST', `${one(id)}/flag`, {});
  }

  /** The HTML a comment with `body` would get if posted now, for the form's preview (not sanitised here). */
  preview(site: string, page: string, body: string): Promise<{ html: string }> {
    return this.#call('POST', '/api/v1/preview', { site, page, body });
  }

  /** Follows a page by e-mail; the server mails a confirmation link first (double opt-in). */
  follow(input: { site: string; page: string; email: string; locale: string }): Promise<{ status: string }> {
    return this.#call('POST', '/api/v1/subscriptions', input);
  }

  counts(site: string, pages: string[]): Promise<{ counts: Record<string, number> }> {
    return this.#call('POST', '/api/v1/counts', { site, pages });
  }

  /**
   * One request. Writes give up after {@link WRITE_TIMEOUT_MS}. A 2xx answer other than 204 must be
   * JSON and pass `valid`, else it is a `bad-answer`: nothing is taken from it.
   */
  async #call<T>(
    method: string,
    path: string,
    body?: unknown,
    more: Record<string, string> = {},
    signal: AbortSignal | undefined = method === 'GET' ? undefined : AbortSignal.timeout(WRITE_TIMEOUT_MS),
    valid: (data: Record<string, unknown>) => boolean = () => true,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...more };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let data: Record<string, unknown> | undefined;
    try {
      res = await fetch(this.base + path, {
        method,
        headers,
        credentials: 'omit',
        signal,
        // No body for undefined: JSON.stringify(undefined) is undefined. plainJson: a page's
        // Array.prototype.toJSON (Prototype.js) would turn `counts`' `pages` into a string.
        body: plainJson(body),
      });
      if (res.status === 204) return undefined as T;
      // Read within the same timeout: an answer may stall after its headers.
      data = await res.json().catch((e: unknown) => (signal?.aborted ? Promise.reject(e) : undefined));
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : 'Network error');
    }
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        res.status,
        typeof data?.code === 'string' ? data.code : 'http-error',
        typeof data?.detail === 'string' ? data.detail : res.statusText,
        Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
    }
    if (!data || typeof data !== 'object' || !valid(data)) throw new ApiError(res.status, 'bad-answer', res.statusText);
    return data as T;
  }
}

/** The `Authorization` header of an edit token. */
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Whether `c` looks like a comment as the API sends it (what the widget reads of it first). */
const isComment = (c: unknown): boolean =>
  typeof (c as Comment | undefined)?.id === 'string' && typeof (c as Comment).createdAt === 'string';
