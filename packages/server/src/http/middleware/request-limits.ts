import type { MiddlewareHandler } from 'hono';
import { Problem } from '../../domain/problem.js';

/** Longest request target (path and query) accepted; page keys are at most 2,048 characters. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Most query parameters accepted; the counts endpoint takes up to 100 `page` parameters. */
export const MAX_QUERY_PARAMS = 200;

/**
 * Cheap checks on the request target before any route parses it: too long (414), too many query
 * parameters (400), or a NUL anywhere in it (400: no id, key or name holds one, and PostgreSQL
 * refuses to compare text that does). Node itself refuses request heads over 16 KiB (431).
 */
export function requestLimits(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const target = start < 0 ? '/' : url.slice(start);
    if (target.length > MAX_URL_LENGTH) {
      throw new Problem(414, 'uri-too-long', `The request URL is longer than ${MAX_URL_LENGTH} characters`);
    }
    const q = target.indexOf('?');
    if (q >= 0) {
      let params = 0;
      for (const part of target.slice(q + 1).split('&')) if (part !== '' && ++params > MAX_QUERY_PARAMS) break;
      if (params > MAX_QUERY_PARAMS) {
        throw new Problem(400, 'too-many-parameters', `At most ${MAX_QUERY_PARAMS} query parameters are accepted`);
      }
    }
    if (/%00|\0/i.test(target)) throw new Problem(400, 'bad-request', 'The request URL holds a NUL character');
    return next();
  };
}
