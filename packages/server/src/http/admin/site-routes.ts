import { z } from 'zod';
import { canModerate, visibleSites } from '../../domain/moderation.js';
import { Problem } from '../../domain/problem.js';
import { applySitePatch } from '../../domain/site-patch.js';
import { SETTING_KEYS, specList } from '../../domain/site-settings-spec.js';
import { settingsOf } from '../../domain/sites.js';
import type { Site } from '../../storage/types.js';
import type { AdminApp, AdminDeps } from './env.js';
import { bodyOf } from './validate.js';

const Patch = z
  .object({
    name: z.string().max(200).optional(),
    origins: z.array(z.string().max(2048)).max(100).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

function siteBody(site: Site) {
  const settings = settingsOf(site);
  return {
    site: { id: site.id, name: site.name, origins: site.origins, createdAt: new Date(site.createdAt).toISOString() },
    settings: Object.fromEntries(SETTING_KEYS.map((k) => [k, settings[k]])),
  };
}

/** The settings table, the sites the admin may see, and (owners) changing them. */
export function siteRoutes(app: AdminApp, deps: AdminDeps): void {
  const visibleSite = async (actor: Parameters<typeof canModerate>[0], id: string): Promise<Site> => {
    const site = canModerate(actor, id) ? await deps.storage.getSite(id) : undefined;
    if (!site) throw new Problem(404, 'site-not-found', `No site "${id}"`);
    return site;
  };

  app.get('/settings-spec', (c) => c.json({ settings: specList() }, 200));
  app.get('/sites', async (c) => {
    const visible = visibleSites(c.get('actor'));
    const sites = (await deps.storage.listSites()).filter((s) => !visible || visible.includes(s.id));
    return c.json({ sites: sites.map((s) => ({ id: s.id, name: s.name, origins: s.origins })) }, 200);
  });
  app.get('/sites/:id', async (c) => c.json(siteBody(await visibleSite(c.get('actor'), c.req.param('id'))), 200));
  app.patch('/sites/:id', async (c) => {
    const actor = c.get('actor');
    const current = await visibleSite(actor, c.req.param('id'));
    if (actor.role === 'moderator') throw new Problem(403, 'forbidden', 'Only owners may change site settings');
    const { site, changed } = applySitePatch(current, await bodyOf(c, Patch));
    await deps.storage.updateSite(site);
    await deps.moderation.audit(actor, 'site.update', site.id, site.id, { changed });
    return c.json(siteBody(site), 200);
  });
}
