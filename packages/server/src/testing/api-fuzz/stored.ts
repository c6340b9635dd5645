import { ExportRun } from '../../domain/export.js';
import { CommentLine, PageLine, SiteLine } from '../../domain/export-format.js';
import { importStorageOf } from '../../storage/import-storage.js';
import type { Storage } from '../../storage/types.js';

/** What {@link checkStored} looked at. */
export interface StoredCheck {
  sites: number;
  pages: number;
  comments: number;
  /** Comments seen through the public listing. */
  listed: number;
}

// The characters domain/text.ts strips from stored text: controls other than tab and line feed
// (carriage returns are folded to line feeds), bidi overrides and isolates, the byte-order mark.
const FORBIDDEN = /(?![\t\n])[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface App {
  request(path: string): Response | Promise<Response>;
}

/**
 * After a fuzz run: every site exports in the interchange format and each line passes its
 * schema (docs/interchange.md); no stored text holds control characters, bidi overrides or lone
 * surrogates; every page's public listing parses (following every cursor) and shows only
 * approved comments that exist; its `count`, the counts endpoint and the approved comments in
 * the export agree. Throws on the first breach.
 */
export async function checkStored(app: App, storage: Storage): Promise<StoredCheck> {
  const out: StoredCheck = { sites: 0, pages: 0, comments: 0, listed: 0 };
  for (const site of await storage.listSites()) {
    out.sites++;
    const approved = new Map<string, Set<string>>();
    const pages: string[] = [];
    for await (const line of new ExportRun(importStorageOf(storage), site.id).lines()) {
      const value = JSON.parse(line) as { type: string };
      if (value.type === 'parley-export') {
        SiteLine.parse(value);
        cleanText(`site ${site.id}`, { name: site.name, origins: site.origins, settings: site.settings });
      } else if (value.type === 'page') {
        const page = PageLine.parse(value);
        out.pages++;
        pages.push(page.key);
        approved.set(page.key, new Set());
        cleanText(`page ${page.key}`, { url: page.url, title: page.title });
      } else {
        const c = CommentLine.parse(value);
        out.comments++;
        if (c.status === 'approved') approved.get(c.page)?.add(c.id);
        cleanText(`comment ${c.id}`, { body: c.body, author: c.author });
      }
    }
    for (const key of pages) {
      const expected = approved.get(key) ?? new Set();
      const q = `site=${site.id}&page=${encodeURIComponent(key)}`;
      const counts = await json<{ counts: Record<string, number> }>(app, `/api/v1/counts?${q}`);
      if ((counts.counts[key] ?? 0) !== expected.size)
        throw new Error(`page ${JSON.stringify(key)}: counts says ${counts.counts[key]}, ${expected.size} approved stored`);
      let cursor = '';
      for (let round = 0; round < 1000; round++) {
        const listing = await json<{ page: { count: number }; comments: Listed[]; nextCursor: string | null }>(
          app,
          `/api/v1/comments?${q}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (listing.page.count !== expected.size)
          throw new Error(`page ${JSON.stringify(key)}: listing count ${listing.page.count}, ${expected.size} approved stored`);
        for (const c of flatten(listing.comments)) {
          out.listed++;
          if (!c.deleted && !expected.has(c.id)) throw new Error(`listing shows ${c.id}, not an approved comment of the page`);
        }
        if (!listing.nextCursor) break;
        cursor = listing.nextCursor;
      }
    }
  }
  return out;
}

interface Listed {
  id: string;
  deleted?: true;
  replies?: Listed[];
}

function flatten(list: Listed[]): Listed[] {
  return list.flatMap((c) => [c, ...flatten(c.replies ?? [])]);
}

async function json<T>(app: App, path: string): Promise<T> {
  const res = await app.request(path);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function cleanText(where: string, value: unknown): void {
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) throw new Error(`${where}: ${path} holds a lone surrogate: ${JSON.stringify(v.slice(0, 80))}`);
      const bad = FORBIDDEN.exec(v);
      if (bad)
        throw new Error(
          `${where}: ${path} holds U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(v.slice(0, 80))}`,
        );
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(value, '');
}
