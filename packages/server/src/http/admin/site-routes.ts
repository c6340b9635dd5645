import { z } from 'zod';
import { canModerate, visibleSites } from '../../domain/moderation.js';
import type { FieldError } from '../../domain/problem.js';
import { invalid, Problem } from '../../domain/problem.js';
import { checkValue, findSetting, SETTING_KEYS, specList } from '../../domain/site-settings-spec.js';
import { parseOrigin, settingsOf } from '../../domain/sites.js';
import type { Site, SiteSettings } from '../../storage/types.js';
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

/**
 * Applies a partial update to a site: unknown settings and bad values are refused all together
 * (422 naming each), so nothing changes unless everything is right. Shared with the CLI's `site set`.
 */
export function applySitePatch(
  site: Site,
  patch: { name?: string | undefined; origins?: string[] | undefined; settings?: Record<string, unknown> | undefined },
): { site: Site; changed: string[] } {
  const errors: FieldError[] = [];
  const settings: SiteSettings = { ...settingsOf(site) };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(patch.settings ?? {})) {
    const found = findSetting(name);
    if (!found || found.key !== name) {
      errors.push({ path: `settings.${name}`, message: 'is not a setting (see GET /api/admin/settings-spec)' });
      continue;
    }
    const checked = checkValue(found.spec, value);
    if (!checked.ok) errors.push({ path: `settings.${name}`, message: checked.message });
    else {
      (settings as unknown as Record<string, unknown>)[found.key] = checked.value;
      changed.push(found.key);
    }
  }
  let origins = site.origins;
  if (patch.origins) {
    origins = [];
    patch.origins.forEach((o, i) => {
      const origin = parseOrigin(o);
      if (origin) origins.push(origin);
      else errors.push({ path: `origins.${i}`, message: `"${o}" is not an origin like https://example.com` });
    });
    origins = [...new Set(origins)];
    changed.push('origins');
  }
  const name = patch.name === undefined ? site.name : patch.name.trim() || site.id;
  if (patch.name !== undefined) changed.push('name');
  if (errors.length) throw invalid(errors);
  return { site: { ...site, name, origins, settings }, changed };
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
