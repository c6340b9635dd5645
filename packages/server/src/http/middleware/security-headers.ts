import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. API answers are JSON only, so they may load nothing and be framed
 * nowhere; static widget files get nosniff and a referrer policy.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'no-referrer');
    if (!c.req.path.endsWith('.js') && !h.has('content-security-policy')) {
      h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
  };
}
