/**
 * Batches the comment counts of every `<parley-count>` on a page into as few requests as
 * possible: the keys asked for in one go (one task, or until the document has been parsed) are
 * sent together, up to {@link MAX_KEYS} per request. GET keeps the answer in the HTTP cache
 * (the server allows 30 s) and needs no CORS preflight; POST is used when the URL would be long.
 */

/** The server's limit of page keys per counts request. */
export const MAX_KEYS = 100;
/** Longest GET URL sent; beyond it the keys go in a POST body (proxies cut long URLs). */
export const MAX_GET_URL = 2000;

/** Fetches counts for at most {@link MAX_KEYS} keys of one site. */
export type CountFetcher = (api: string, site: string, pages: string[]) => Promise<Record<string, number>>;

interface Waiter {
  resolve(n: number): void;
  reject(err: unknown): void;
}

/** Fetches counts from the comment server at `api` (origin and path prefix). */
export const fetchCounts: CountFetcher = async (api, site, pages) => {
  const base = api.replace(/\/$/, '');
  const query = new URLSearchParams({ site });
  for (const p of pages) query.append('page', p);
  const get = `${base}/api/v1/counts?${query}`;
  const res =
    get.length <= MAX_GET_URL
      ? await fetch(get, { credentials: 'omit', headers: { accept: 'application/json' } })
      : await fetch(`${base}/api/v1/counts`, {
          method: 'POST',
          credentials: 'omit',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ site, pages }),
        });
  if (!res.ok) throw new Error(`counts: HTTP ${res.status}`);
  return ((await res.json()) as { counts: Record<string, number> }).counts;
};

/** Runs `flush` once the current task is done, or once the document is parsed if it is not yet. */
export function afterParse(flush: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', flush, { once: true });
  else queueMicrotask(flush);
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Collects count requests and sends them in batches. */
export class CountBatcher {
  readonly #fetch: CountFetcher;
  readonly #schedule: (flush: () => void) => void;
  // api → site → page key → elements waiting for it
  #pending = new Map<string, Map<string, Map<string, Waiter[]>>>();
  #scheduled = false;

  constructor(fetcher: CountFetcher = fetchCounts, schedule: (flush: () => void) => void = afterParse) {
    this.#fetch = fetcher;
    this.#schedule = schedule;
  }

  /** The approved comment count of `page`, fetched together with the others asked for now. */
  count(api: string, site: string, page: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const sites = getOrAdd(this.#pending, api, () => new Map<string, Map<string, Waiter[]>>());
      const pages = getOrAdd(sites, site, () => new Map<string, Waiter[]>());
      getOrAdd(pages, page, () => [] as Waiter[]).push({ resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        this.#schedule(() => this.#flush());
      }
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = new Map();
    this.#scheduled = false;
    for (const [api, sites] of pending) {
      for (const [site, pages] of sites) {
        const keys = [...pages.keys()];
        for (let i = 0; i < keys.length; i += MAX_KEYS) {
          const batch = keys.slice(i, i + MAX_KEYS);
          this.#fetch(api, site, batch).then(
            (counts) => {
              for (const k of batch) for (const w of pages.get(k) ?? []) w.resolve(counts[k] ?? 0);
            },
            (err: unknown) => {
              for (const k of batch) for (const w of pages.get(k) ?? []) w.reject(err);
            },
          );
        }
      }
    }
  }
}

/** The page's one batcher, shared by every `<parley-count>`. */
export const counts = new CountBatcher();
