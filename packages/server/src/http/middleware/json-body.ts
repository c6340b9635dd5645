import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Problem } from '../../domain/problem.js';

/** Largest accepted request body; a 10,000-character comment in 4-byte UTF-8 fits with room. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * For requests that carry a body: JSON only (415 otherwise) and at most {@link MAX_BODY_BYTES}
 * (413, also for chunked bodies without Content-Length, which body-limit counts as they stream).
 */
export function jsonBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new Problem(413, 'payload-too-large', `Request body is larger than ${maxBytes} bytes`);
    },
  });
  return async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PATCH' && c.req.method !== 'PUT') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/json' && !type.endsWith('+json')) {
      throw new Problem(415, 'unsupported-media-type', 'Send the request body as application/json');
    }
    return limit(c, next);
  };
}
