import { html, nothing, type TemplateResult } from 'lit';
import { embedConfig } from '../config.js';
import type { ParleyShare } from '../parley-share.js';
import { serverOf } from './actions.js';
import type { ShareTerms } from './terms.js';

/**
 * First-party share counts: a cookie-less beacon to the comment server on each share, and the
 * per-service totals it keeps. Nothing is sent to, or read from, any network's count API.
 */

/** Totals by service name; services nobody shared are absent or 0. */
export type ShareTotals = Record<string, number>;

/**
 * Where a share bar's counts live: its `api`, `site` and `page` attributes, else the script
 * tag's `data-*`; the page defaults to the shared link without query and fragment (`data-page`
 * only counts when the bar shares this page, not a `url` of its own).
 */
// The page key is config.ts's pageKeyFromUrl written out (`bar.link` is already absolute):
// importing it into this lazy chunk would add an export to the first-load chunk, whose budget
// is tight (docs/decisions/0007-embed-size-budget.md).
function where(bar: ParleyShare): { base: string; site: string; page: string } {
  const config = embedConfig();
  return {
    base: serverOf(bar),
    site: bar.getAttribute('site') || config?.site || '',
    page: bar.getAttribute('page') || (bar.url ? '' : config?.page) || bar.link.replace(/[?#].*/, ''),
  };
}

/**
 * Reads the totals of a bar's page; an unreachable server gives no totals rather than an error,
 * and so does a bar with no site (attribute or `data-site`), without asking anyone.
 */
export async function fetchTotals(bar: ParleyShare): Promise<ShareTotals> {
  const { base, site, page } = where(bar);
  if (!site) return {};
  try {
    const res = await fetch(`${base}/api/v1/shares?site=${encodeURIComponent(site)}&page=${encodeURIComponent(page)}`, {
      credentials: 'omit',
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return {};
    const data = (await res.json()) as { counts?: unknown };
    return data.counts && typeof data.counts === 'object' ? (data.counts as ShareTotals) : {};
  } catch {
    return {};
  }
}

/**
 * Records one share. `keepalive` lets the request outlive the page when the reader follows a
 * share link in the same tab; `credentials: 'omit'` sends no cookies either way.
 */
export function sendBeacon(bar: ParleyShare, service: string): void {
  const { base, site, page } = where(bar);
  if (!site) return;
  void fetch(`${base}/api/v1/shares`, {
    method: 'POST',
    credentials: 'omit',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ site, page, service }),
  }).catch(() => undefined);
}

/** The badge beside a service: a compact number, read out in full (plural-aware); nothing at zero. */
export function countBadge(n: number | undefined, i18n: ShareTerms): TemplateResult | typeof nothing {
  if (!n || !(n > 0)) return nothing;
  const short = new Intl.NumberFormat(i18n.lang, { notation: 'compact' }).format(n);
  const term = i18n.term('share.count');
  const text = typeof term === 'string' ? term : (term[new Intl.PluralRules(i18n.lang).select(n)] ?? term.other);
  const full = text.replace('{n}', n.toLocaleString(i18n.lang));
  return html`<span part="count"><span aria-hidden="true">${short}</span><span class="sr">${full}</span></span>`;
}
