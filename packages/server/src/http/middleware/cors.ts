import type { MiddlewareHandler } from 'hono';
import { Problem } from '../../domain/problem.js';

/** Where the allowed origins come from: the union of every site's origins. */
export type OriginSource = () => Promise<Set<string>>;

const METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const HEADERS = 'Content-Type, Authorization, Idempotency-Key, Last-Event-ID';

/**
 * CORS limited to origins some site allows. Which site a write may reach is checked again in the
 * domain, against that one site's list, before anything is written. The set is cached and
 * re-read when an unknown origin shows up, so a site added by the CLI works at once.
 */
export function cors(source: OriginSource, refreshMs = 5_000): MiddlewareHandler {
  let cached: Set<string> | undefined;
  let loadedAt = 0;
  const allowed = async (origin: string): Promise<boolean> => {
    const now = Date.now();
    if (!cached || now - loadedAt > refreshMs || (!cached.has(origin) && now - loadedAt > 250)) {
      cached = await source();
      loadedAt = now;
    }
    return cached.has(origin);
  };
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) {
      // Vary even so: a shared cache must not hand this answer (no CORS headers) to a page's fetch.
      await next();
      c.res.headers.append('vary', 'Origin');
      return;
    }
    const ok = await allowed(origin);
    if (c.req.method === 'OPTIONS') {
      if (!ok) throw new Problem(403, 'origin-not-allowed', `Origin ${origin} is not allowed`);
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': METHODS,
          'access-control-allow-headers': HEADERS,
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }
    await next();
    c.res.headers.append('vary', 'Origin');
    if (ok) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'Retry-After, X-Request-Id');
    }
  };
}
