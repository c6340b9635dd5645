import type { Site, SiteSettings } from '../storage/types.js';
import { invalid } from './problem.js';
import { defaultSettings } from './site-settings-spec.js';
import { cleanLine, FieldErrors } from './text.js';

/** Settings of a new site unless it overrides them (from `site-settings-spec.ts`). */
export const DEFAULT_SETTINGS: SiteSettings = defaultSettings();

const SITE_ID = /^[a-z0-9-]{1,64}$/;

/** Normalises an origin such as `https://example.com:443/` to `https://example.com`, or undefined. */
export function parseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * `url` when it lies on one of the site's origins, else null. A page's URL is whatever its first
 * commenter sent, so only such a URL may be shown as a link (feeds, mails): anything else could
 * point readers of the site's feed at another site under its name.
 */
export function urlOnSite(site: Site, url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return site.origins.includes(new URL(url).origin) ? url : null;
  } catch {
    return null;
  }
}

/** Validates and builds a site record; throws a 422 Problem naming every bad field. */
export function buildSite(
  input: { id: string; name?: string; origins: string[]; settings?: Partial<SiteSettings> },
  now: number,
): Site {
  const errors = new FieldErrors();
  if (!SITE_ID.test(input.id)) errors.add('id', 'must be 1-64 characters of a-z, 0-9 and -');
  const origins: string[] = [];
  input.origins.forEach((o, i) => {
    const origin = parseOrigin(o);
    if (origin) origins.push(origin);
    else errors.add(`origins[${i}]`, `"${o}" is not an origin like https://example.com`);
  });
  if (!errors.empty) throw invalid(errors.list);
  return {
    id: input.id,
    name: cleanLine(input.name ?? '') || input.id,
    origins: [...new Set(origins)],
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    createdAt: now,
  };
}

/** A site's settings with defaults filled in for keys added after it was created. */
export function settingsOf(site: Site): SiteSettings {
  return { ...DEFAULT_SETTINGS, ...site.settings };
}
