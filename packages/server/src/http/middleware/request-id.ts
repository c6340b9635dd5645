import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Tags each request with an id that logs and 500 answers quote. */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
  };
}
