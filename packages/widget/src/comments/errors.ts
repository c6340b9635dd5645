import { ApiError, type FieldError } from '../api.js';
import type { Thread } from './thread.js';

/** What to tell the reader about a failed request, in their language. */
export function message(host: Thread, err: unknown): string {
  if (!(err instanceof ApiError)) return host.tr('error.generic', { message: String(err) });
  const { status } = err;
  return status === 0
    ? host.tr('error.network')
    : status === 429
      ? host.tr('error.rate', { n: err.retryAfter ?? 60 })
      : err.code === 'edit-window-over'
        ? host.tr('error.window')
        : status >= 500
          ? host.tr('error.server')
          : host.tr('error.generic', { message: err.message });
}

/** Tells the reader (the live region) and the page (`parley-error`) that an action failed. */
export function failed(host: Thread, error: unknown, text = message(host, error)): void {
  host.announce(text);
  host.emit('parley-error', { error });
}

/** Field error codes the widget says in the reader's language (docs/api.md, "Field errors"). */
const FIELD_CODES = ['required', 'too-long', 'invalid-email', 'invalid-url'];

/**
 * What to tell the reader about one invalid field: the translated term for its `code` (a
 * `too-long` needs its `max`), else the server's English text (an older server, a new code).
 */
export function fieldMessage(host: Thread, f: FieldError): string {
  const { code = '', max } = f;
  return FIELD_CODES.includes(code) && (code !== 'too-long' || typeof max === 'number')
    ? host.tr(`field.${code}` as 'field.required', { n: max ?? 0 })
    : String(f.message);
}
