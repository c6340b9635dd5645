import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorOf } from '../../domain/moderation.js';
import { Problem } from '../../domain/problem.js';
import type { AdminDeps, AdminEnv } from './env.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'parley_admin';
/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-parley-csrf';

/** Routes that work without a session (the auth middleware still checks their Origin). */
const OPEN = new Set(['/api/admin/login']);
/** Routes an account with a one-time password may still use. */
// `/me` only sets the console's language, which the console sends right after signing in.
const BEFORE_PASSWORD_CHANGE = new Set(['/api/admin/session', '/api/admin/password', '/api/admin/logout', '/api/admin/me']);

function mutating(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/**
 * Guards every admin route: a state change from a foreign page (Origin, Sec-Fetch-Site) is
 * refused first; then a session is required (401), then, for state changes, its CSRF token in
 * {@link CSRF_HEADER} (403). New routes are covered without opting in.
 */
export function adminAuth(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const write = mutating(c.req.method);
    const crossSite = write && !sameOrigin(c, deps);
    if (OPEN.has(c.req.path)) {
      if (crossSite) throw new Problem(403, 'csrf-failed', 'Cross-site request refused');
      return next();
    }
    const session = await deps.admins.resolve(getCookie(c, SESSION_COOKIE));
    if (!session) throw new Problem(401, 'session-required', 'Sign in first');
    if (write && (crossSite || !deps.admins.csrfMatches(session, c.req.header(CSRF_HEADER)))) {
      throw new Problem(403, 'csrf-failed', 'Missing or wrong CSRF token');
    }
    if (session.admin.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
      throw new Problem(403, 'password-change-required', 'Choose a new password first (POST /api/admin/password)');
    }
    c.set('session', session);
    c.set('actor', actorOf(session.admin));
    return next();
  };
}

/** False when a browser says the request comes from another origin or site. */
function sameOrigin(c: Context, deps: AdminDeps): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  return origin === undefined || origin === deps.ownOrigin(c);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, only for the admin API. */
export function setSessionCookie(c: Context, deps: AdminDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/api/admin',
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.isHttps(c),
    // No Max-Age: a browser session cookie; the server ends the session (idle, absolute) itself.
  });
}

export function clearSessionCookie(c: Context, deps: AdminDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/api/admin', httpOnly: true, sameSite: 'Strict', secure: deps.isHttps(c) });
}
