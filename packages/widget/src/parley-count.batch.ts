/**
 * Batches the comment counts of every `<parley-count>` on a page into as few requests as
 * possible: the keys asked for in one go (one task, or until the document has been parsed) are
 * sent together, up to {@link MAX_KEYS} per request. GET keeps the answer in the HTTP cache
 * (the server allows 30 s) and needs no CORS preflight; POST is used when the URL would be long.
 */
import { plainJson } from './plain-json.js';

/** The server's limit of page keys per counts request. */
export const MAX_KEYS = 100;
/** Longest GET URL sent; beyond it the keys go in a POST body (proxies cut long URLs). */
export const MAX_GET_URL = 2000;

/** Fetches counts for at most {@link MAX_KEYS} keys of one site. */
export type CountFetcher = (api: string, site: string, pages: string[]) => Promise<Record<string, number>>;

/** The settle functions of one waiting element. */
type Waiter = [resolve: (n: number) => void, reject: (err: unknown) => void];

/** Fetches counts from the comment server at `api` (origin and path prefix). */
export const fetchCounts: CountFetcher = async (api, site, pages) => {
  const base = `${api.replace(/\/$/, '')}/api/v1/counts`;
  const get = `${base}?${new URLSearchParams([['site', site], ...pages.map((p) => ['page', p])])}`;
  const post = get.length > MAX_GET_URL;
  // The GET sends no content type, so it needs no CORS preflight; the POST's JSON body does.
  const json = 'application/json';
  const res = await fetch(post ? base : get, {
    credentials: 'omit',
    headers: post ? { accept: json, 'content-type': json } : { accept: json },
    ...(post ? { method: 'POST', body: plainJson({ site, pages }) } : {}),
  });
  if (!res.ok) throw new Error(`counts: HTTP ${res.status}`);
  return ((await res.json()) as { counts: Record<string, number> }).counts;
};

/** Runs `flush` once the current task is done, or once the document is parsed if it is not yet. */
export function afterParse(flush: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', flush, { once: true });
  else queueMicrotask(flush);
}

/** Collects count requests and sends them in batches. */
export class CountBatcher {
  readonly #fetch: CountFetcher;
  readonly #schedule: (flush: () => void) => void;
  // comment server → site → page key → elements waiting for it. Nested maps rather than one key
  // made of both: no separator is safe in free text, and a JSON key breaks on pages whose
  // Array.prototype.toJSON returns a string (Prototype.js).
  #pending = new Map<string, Map<string, Map<string, Waiter[]>>>();

  constructor(fetcher: CountFetcher = fetchCounts, schedule: (flush: () => void) => void = afterParse) {
    this.#fetch = fetcher;
    this.#schedule = schedule;
  }

  /** The approved comment count of `page`, fetched together with the others asked for now. */
  count(api: string, site: string, page: string): Promise<number> {
    return new Promise<number>((...waiter) => {
      if (!this.#pending.size) this.#schedule(() => this.#flush());
      const sites = this.#pending.get(api) ?? new Map<string, Map<string, Waiter[]>>();
      const pages = sites.get(site) ?? new Map<string, Waiter[]>();
      this.#pending.set(api, sites.set(site, pages.set(page, [...(pages.get(page) ?? []), waiter])));
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = new Map();
    for (const [api, sites] of pending)
      for (const [site, pages] of sites) {
        const keys = [...pages.keys()];
        for (let i = 0; i < keys.length; i += MAX_KEYS) {
          const batch = keys.slice(i, i + MAX_KEYS);
          const settle = (how: 0 | 1, value: (k: string) => unknown) => {
            for (const k of batch) for (const w of pages.get(k) ?? []) (w[how] as (v: unknown) => void)(value(k));
          };
          this.#fetch(api, site, batch).then(
            (counts) => settle(0, (k) => counts[k] ?? 0),
            (err: unknown) => settle(1, () => err),
          );
        }
      }
  }
}

/** The page's one batcher, shared by every `<parley-count>`. */
export const counts = new CountBatcher();
