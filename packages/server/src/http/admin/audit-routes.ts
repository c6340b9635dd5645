import { z } from 'zod';
import { canModerate, visibleSites } from '../../domain/moderation.js';
import type { AdminApp, AdminDeps } from './env.js';
import { decodeCursor, encodeCursor, queryOf } from './validate.js';

const Query = z.object({
  site: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** The audit log, newest first; moderators see their sites' entries only. */
export function auditRoutes(app: AdminApp, deps: AdminDeps): void {
  app.get('/audit', async (c) => {
    const q = queryOf(c, Query);
    const actor = c.get('actor');
    let sites = visibleSites(actor);
    if (q.site) sites = canModerate(actor, q.site) ? [q.site] : [];
    const rows = await deps.moderation.mod.listAudit(sites, q.limit + 1, decodeCursor(q.cursor));
    const more = rows.length > q.limit;
    const shown = more ? rows.slice(0, q.limit) : rows;
    const last = shown[shown.length - 1];
    return c.json(
      {
        entries: shown.map((e) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          actor: { id: e.actorId, email: e.actorEmail, name: e.actorName },
          action: e.action,
          site: e.siteId,
          target: e.target,
          detail: e.detail,
        })),
        nextCursor: more && last ? encodeCursor(last.at, last.id) : null,
      },
      200,
    );
  });
}
