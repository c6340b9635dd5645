import { type ShareStorage, shareStorageOf } from '../storage/share-storage.js';
import type { Storage } from '../storage/types.js';
import type { Caller } from './comment-types.js';
import { prefixHash } from './identity.js';
import { invalid, Problem } from './problem.js';
import { charLength, cleanLine } from './text.js';

/** The services the share bar offers; anything else is refused with 422. */
export const SHARE_SERVICES = [
  'native',
  'copy',
  'email',
  'x',
  'facebook',
  'linkedin',
  'reddit',
  'hackernews',
  'whatsapp',
  'telegram',
  'bluesky',
  'threads',
  'mastodon',
  'pinterest',
  'print',
] as const;

export type ShareServiceName = (typeof SHARE_SERVICES)[number];

const DAY_MS = 86_400_000;

/**
 * First-party share counts. A share counts once per visitor (IP prefix), service, page and UTC
 * day: the visitor is a keyed hash of the prefix with the day in it, so yesterday's hashes cannot
 * be linked to today's and no address is stored.
 */
export class ShareService {
  readonly #storage: Storage;
  readonly #shares: ShareStorage;
  readonly #now: () => number;

  constructor(storage: Storage, shares: ShareStorage = shareStorageOf(storage), now: () => number = Date.now) {
    this.#storage = storage;
    this.#shares = shares;
    this.#now = now;
  }

  /** Counts one share; `counted` is false when this visitor was already counted today. */
  async record(input: { site: string; page: string; service: string }, caller: Caller): Promise<{ counted: boolean }> {
    const site = await this.#storage.getSite(input.site);
    if (!site) throw new Problem(404, 'site-not-found', `No site "${input.site}"`);
    if (caller.origin !== undefined && !site.origins.includes(caller.origin)) {
      throw new Problem(403, 'origin-not-allowed', `Origin ${caller.origin} may not write to site "${site.id}"`);
    }
    if (!(SHARE_SERVICES as readonly string[]).includes(input.service)) {
      throw invalid([{ path: 'service', message: `must be one of ${SHARE_SERVICES.join(', ')}` }]);
    }
    const pageKey = normalisePageKey(input.page);
    const day = Math.floor(this.#now() / DAY_MS);
    const secret = await this.#storage.secret();
    // Clients whose address is unknown share one slot: together they add at most one a day.
    const visitor = prefixHash(secret, `share:${day}`, caller.ip) ?? 'unknown';
    const counted = await this.#shares.recordShare({ siteId: site.id, pageKey, service: input.service, visitor, day });
    return { counted };
  }

  /** Totals by service for one page, zeros left out, and their sum. */
  async totals(siteId: string, page: string): Promise<{ counts: Record<string, number>; total: number }> {
    if (!(await this.#storage.getSite(siteId))) throw new Problem(404, 'site-not-found', `No site "${siteId}"`);
    const found = await this.#shares.shareTotals(siteId, normalisePageKey(page));
    const counts = Object.fromEntries([...found].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
    return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  }
}

/** The page key as comments store it: one clean line of 1-512 characters. */
function normalisePageKey(raw: string): string {
  const key = cleanLine(raw);
  if (!key || charLength(key) > 512) throw invalid([{ path: 'page', message: 'must be 1-512 characters' }]);
  return key;
}
