import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Problem } from '../../domain/problem.js';
import { jsonMediaType } from '../media-type.js';

/** Largest accepted request body; a 10,000-character comment in 4-byte UTF-8 fits with room. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * For requests that carry a body: JSON only (415 otherwise) and at most {@link MAX_BODY_BYTES}
 * (413, also for chunked bodies without Content-Length, which body-limit counts as they stream).
 *
 * Any RFC 9110 spelling of a JSON type is taken (`application/JSON`, `application/json ; x=y`…)
 * and the header is rewritten to its bare lower-case essence before the routes see it: the
 * OpenAPI validator of @hono/zod-openapi matches Content-Type with a narrower pattern of its own
 * and would refuse such spellings with a 415. JSON has no parameters that change how it is read
 * (RFC 8259 §11: always UTF-8, no charset), so dropping them loses nothing.
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
    const type = jsonMediaType(c.req.header('content-type'));
    if (type === undefined) {
      throw new Problem(415, 'unsupported-media-type', 'Send the request body as application/json');
    }
    c.req.raw.headers.set('content-type', type);
    return limit(c, next);
  };
}
