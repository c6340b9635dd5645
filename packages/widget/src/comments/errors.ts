import { ApiError, type FieldError } from '../api.js';
import type { TermKey } from '../i18n/index.js';
import type { Thread } from './thread.js';

/** What to tell the reader about a failed request, in their language. */
export function message(host: Thread, err: unknown): string {
  if (!(err instanceof ApiError)) return host.tr('error.generic', { message: String(err) });
  const { status } = err;
  return status === 0 || err.code === 'bad-answer'
    ? host.tr('error.network')
    : status === 429
      ? host.tr('error.rate', { n: err.retryAfter ?? 60 })
      : err.code === 'edit-window-over'
        ? host.tr('error.window')
        : err.code === 'spam-suspected'
          ? host.tr('error.spam')
          : status >= 500
            ? host.tr('error.server')
            : host.tr('error.generic', { message: err.message });
}

/**
 * Whether sending the same again may work: no usable answer (a post is sent again with its
 * `Idempotency-Key`, so it is never stored twice), a conflict, a rate limit, a server failure, or
 * a failure of the widget's own. A refusal (4xx) stays a refusal.
 */
export const retryable = (err: unknown): boolean =>
  !(err instanceof ApiError) ||
  !err.status ||
  err.code === 'bad-answer' ||
  err.status === 409 ||
  err.status === 429 ||
  err.status >= 500;

/** Tells the reader (the live region) and the page (`parley-error`) that an action failed. */
export function failed(host: Thread, error: unknown, text = message(host, error)): void {
  host.announce(text);
  host.emit('parley-error', { error });
}

/**
 * What to tell the reader about one invalid field: the term `field.<code>` (docs/api.md, "Field
 * errors"), else the server's English text: for an older server (no code), a code this widget does
 * not know (the translator gives the key back), a `too-long` without its `max` (`{n}` left).
 */
export function fieldMessage(host: Thread, { code, max, message }: FieldError): string {
  const text = host.tr(`field.${code}` as TermKey, { n: max as number });
  return /^field\.|\{n}/.test(text) ? String(message) : text;
}
