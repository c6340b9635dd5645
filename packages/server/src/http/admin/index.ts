import { Hono } from 'hono';
import { jsonBody } from '../middleware/json-body.js';
import { auditRoutes } from './audit-routes.js';
import { adminAuth } from './auth.js';
import { banRoutes } from './ban-routes.js';
import { commentRoutes } from './comment-routes.js';
import type { AdminDeps, AdminEnv } from './env.js';
import { importRoutes } from './import-routes.js';
import { notifyAdminRoutes } from './notify-routes.js';
import { sessionRoutes } from './session-routes.js';
import { siteRoutes } from './site-routes.js';

/**
 * The admin API, mounted at `/api/admin` (see docs/admin-api.md). The auth middleware runs
 * before everything else, so no route can be added that works without a session.
 */
export function adminApi(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', adminAuth(deps));
  const json = jsonBody();
  // Actions without a body (approve, logout…) need no content type; a body must be JSON.
  app.use('*', async (c, next) => {
    // An import upload is the export file itself, streamed by its own route.
    if (c.req.path === '/api/admin/import') return next();
    const length = c.req.header('content-length');
    const body = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') || c.req.header('content-type');
    return body ? json(c, next) : next();
  });
  sessionRoutes(app, deps);
  commentRoutes(app, deps);
  siteRoutes(app, deps);
  banRoutes(app, deps);
  auditRoutes(app, deps);
  notifyAdminRoutes(app, deps.notify);
  importRoutes(app, deps);
  return app;
}
