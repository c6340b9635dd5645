import { z } from 'zod';
import type { BanRecord } from '../../storage/admin-moderation-storage.js';
import type { AdminApp, AdminDeps } from './env.js';
import { bodyOf, queryOf } from './validate.js';

const SiteId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const NewBan = z
  .object({
    site: SiteId.nullable(),
    kind: z.enum(['email', 'ip', 'visitor']),
    value: z.string().max(320).optional(),
    commentId: z.string().min(1).max(64).optional(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    reason: z.string().max(2000).optional(),
  })
  .refine((b) => (b.value === undefined) !== (b.commentId === undefined), {
    message: 'give either value or commentId',
    path: ['value'],
  });

function show(b: BanRecord) {
  return {
    id: b.id,
    site: b.siteId,
    kind: b.kind,
    label: b.label,
    reason: b.reason,
    createdAt: new Date(b.createdAt).toISOString(),
    expiresAt: b.expiresAt === null ? null : new Date(b.expiresAt).toISOString(),
    createdBy: b.createdBy,
  };
}

/** Bans by e-mail, IP prefix or visitor. */
export function banRoutes(app: AdminApp, deps: AdminDeps): void {
  app.get('/bans', async (c) => {
    const { site } = queryOf(c, z.object({ site: SiteId.optional() }));
    return c.json({ bans: (await deps.bans.list(c.get('actor'), site)).map(show) }, 200);
  });
  app.post('/bans', async (c) => {
    const b = await bodyOf(c, NewBan);
    const ban = await deps.bans.add(c.get('actor'), {
      site: b.site,
      kind: b.kind,
      value: b.value,
      commentId: b.commentId,
      expiresAt: b.expiresAt ? Date.parse(b.expiresAt) : null,
      reason: b.reason,
    });
    return c.json({ ban: show(ban) }, 201);
  });
  app.delete('/bans/:id', async (c) => {
    await deps.bans.remove(c.get('actor'), c.req.param('id'));
    return c.body(null, 204);
  });
}
