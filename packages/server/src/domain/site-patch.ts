import type { Site, SiteSettings } from '../storage/types.js';
import { type FieldError, invalid } from './problem.js';
import { checkValue, findSetting } from './site-settings-spec.js';
import { parseOrigin, settingsOf } from './sites.js';
import { cleanLine } from './text.js';

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
      errors.push({ path: `settings.${name}`, message: 'is not a setting (see the settings spec)' });
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
  // Cleaned like every other stored line of text (controls, bidi overrides, lone surrogates).
  const name = patch.name === undefined ? site.name : cleanLine(patch.name) || site.id;
  if (patch.name !== undefined) changed.push('name');
  if (errors.length) throw invalid(errors);
  return { site: { ...site, name, origins, settings }, changed };
}
