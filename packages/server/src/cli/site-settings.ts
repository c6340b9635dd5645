import { Problem } from '../domain/problem.js';
import { applySitePatch } from '../domain/site-patch.js';
import { findSetting, formatValue, parseCliValue, SETTING_KEYS, SETTINGS_SPEC } from '../domain/site-settings-spec.js';
import { settingsOf } from '../domain/sites.js';
import { UsageError } from './args.js';
import { print, problemText, withStorage } from './common.js';

/** The help lines for `site show` and `site set`, listing every setting from the spec table. */
export function settingsHelp(): string {
  const rows = SETTING_KEYS.map((k) => {
    const s = SETTINGS_SPEC[k];
    const kind =
      s.type === 'enum'
        ? s.values.join('|')
        : s.type === 'integer'
          ? `${s.min}-${s.max}`
          : s.type === 'boolean'
            ? 'true|false'
            : 'a,b,c';
    return `  ${s.cli.padEnd(24)} ${kind.padEnd(16)} ${s.description} (default ${formatValue(s.default)})`;
  });
  return [
    'Settings (site set <id> name=value…):',
    '  name                     text             Display name',
    '  origins                  URL,URL          Origins allowed to embed and post',
    ...rows,
  ].join('\n');
}

/** `parley site show <id>`: every setting with its value, one `name=value` per line. */
export async function siteShow(id: string): Promise<void> {
  await withStorage(async (storage) => {
    const site = await storage.getSite(id);
    if (!site) throw new Problem(404, 'site-not-found', `no site "${id}"; see parley site list`);
    const settings = settingsOf(site);
    print(`name=${site.name}`);
    print(`origins=${site.origins.join(',')}`);
    for (const k of SETTING_KEYS) print(`${SETTINGS_SPEC[k].cli}=${formatValue(settings[k])}`);
  });
}

/**
 * `parley site set <id> name=value…`: checks every pair first and changes nothing unless all
 * are right; an unknown name or a bad value is a usage error (exit 2) naming each.
 */
export async function siteSet(id: string, pairs: string[]): Promise<void> {
  if (!pairs.length) throw new UsageError('site set needs at least one name=value; see parley site --help');
  const settings: Record<string, unknown> = {};
  const errors: string[] = [];
  let name: string | undefined;
  let origins: string[] | undefined;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      errors.push(`"${pair}" is not name=value`);
      continue;
    }
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    if (key === 'name') name = raw;
    else if (key === 'origins')
      origins = raw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
    else {
      const found = findSetting(key);
      if (!found) {
        errors.push(`unknown setting "${key}" (see parley site --help)`);
        continue;
      }
      const checked = parseCliValue(found.spec, raw);
      if (checked.ok) settings[found.key] = checked.value;
      else errors.push(`${found.spec.cli} ${checked.message}, not "${raw}"`);
    }
  }
  if (errors.length) throw new UsageError(errors.join('; '));
  await withStorage(async (storage) => {
    const current = await storage.getSite(id);
    if (!current) throw new Problem(404, 'site-not-found', `no site "${id}"; see parley site list`);
    let updated: ReturnType<typeof applySitePatch>;
    try {
      updated = applySitePatch(current, { name, origins, settings });
    } catch (err) {
      if (err instanceof Problem) throw new UsageError(problemText(err));
      throw err;
    }
    await storage.updateSite(updated.site);
    print(`Updated site ${id}: ${updated.changed.join(', ')}`);
  });
}
