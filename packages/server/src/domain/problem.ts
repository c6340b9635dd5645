import { isDatabaseUnavailable, isUnstorableText } from '../storage/unavailable.js';

/**
 * The one error type the domain and storage layers throw. The HTTP layer turns it into an
 * RFC 9457 `application/problem+json` response; nothing below HTTP knows about Hono.
 */
export interface FieldError {
  /** JSON path of the offending field, e.g. `author.email`. */
  path: string;
  /** English, for people; clients show their own text for `code` where they have one. */
  message: string;
  /** What is wrong, where a client may say it in the reader's language (docs/api.md, "Field errors"). */
  code?: FieldErrorCode;
  /** The most characters allowed, with `too-long`. */
  max?: number;
}

/**
 * Stable codes of field errors, beside their English `message`: the widget maps them to translated
 * text (issue: field errors were always English). A field error without one names a rule no
 * reader can fix (a page key, the page URL off the site's origins), or comes from the admin API.
 */
export const FIELD_ERROR_CODES = ['required', 'too-long', 'invalid-email', 'invalid-url'] as const;

/** One of {@link FIELD_ERROR_CODES}. */
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * Stable machine-readable error codes; clients map them to translated messages. Each one is
 * documented in docs/api.md or docs/admin-api.md (`problem-codes.test.ts` checks both ways).
 */
export const PROBLEM_CODES = [
  'bad-request',
  'invalid-cursor',
  'malformed-json',
  'unsupported-media-type',
  'payload-too-large',
  'malformed-file',
  'inflated-too-large',
  'record-too-large',
  'invalid-fields',
  'not-found',
  'site-not-found',
  'page-not-found',
  'comment-not-found',
  'parent-not-found',
  'origin-not-allowed',
  'page-locked',
  'unauthorized',
  'session-required',
  'invalid-credentials',
  'csrf-failed',
  'password-change-required',
  'forbidden',
  'not-allowed',
  'ban-not-found',
  'edit-window-over',
  'comment-deleted',
  'rate-limited',
  'link-invalid',
  'invalid-locale',
  'webhook-not-found',
  'webhook-url-refused',
  'webhook-limit-reached',
  'subscription-not-found',
  'spam-suspected',
  'duplicate-comment',
  'blocked-word',
  'conflict',
  'unavailable',
  'database-unavailable',
  'idempotency-key-reused',
  'internal',
  'uri-too-long',
  'too-many-parameters',
  'method-not-allowed',
] as const;

/** One of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An expected failure with an HTTP status, a stable code and a human-readable detail. */
export class Problem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;
  /** Seconds, for 429 and 503 answers. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: ProblemCode, detail: string, extra: { errors?: FieldError[]; retryAfter?: number } = {}) {
    super(detail);
    this.name = 'Problem';
    this.status = status;
    this.code = code;
    this.errors = extra.errors;
    this.retryAfter = extra.retryAfter;
  }

  /** The `title` member: the standard reason phrase of the status. */
  get title(): string {
    return TITLES[this.status] ?? 'Error';
  }
}

/** Shorthand for a 422 with field errors. */
export function invalid(errors: FieldError[]): Problem {
  const first = errors[0];
  const detail = first ? `${first.path || 'body'}: ${first.message}` : 'Invalid request';
  return new Problem(422, 'invalid-fields', detail, { errors });
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The one mapping of failures that are not bugs: a Problem as it is; an unreachable database
 * (down, restarting, locked, disk full; see `storage/unavailable.ts`) as `503 database-unavailable`
 * with Retry-After; text PostgreSQL cannot hold (NUL) as `400 bad-request`; anything else undefined (a bug, answered with a logged 500).
 */
export function problemFromError(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  if (isDatabaseUnavailable(err)) {
    return new Problem(503, 'database-unavailable', 'The database cannot be reached right now; please retry shortly', {
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
  if (isUnstorableText(err))
    return new Problem(400, 'bad-request', 'The request holds a NUL or another character that cannot be stored');
  return undefined;
}
