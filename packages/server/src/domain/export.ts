import type { ImportStorage } from '../storage/import-storage.js';
import type { CommentRecord, PageRecord } from '../storage/types.js';
import { type CommentLine, INTERCHANGE_VERSION, type PageLine, type SiteLine } from './export-format.js';
import { Problem } from './problem.js';

const PAGES_PER_READ = 200;
const COMMENTS_PER_READ = 1000;

/**
 * Writes a whole site in the Parley interchange format (docs/interchange.md), one JSON line at a
 * time, reading the database in keyset-paginated slices so memory stays flat. The file holds
 * authors' e-mail addresses: it is an administrator's backup, not something to publish.
 * Nothing time-dependent is written, so exporting the same data twice gives the same bytes.
 */
export class ExportRun {
  readonly counts = { pages: 0, comments: 0 };
  readonly #storage: ImportStorage;
  readonly #siteId: string;

  constructor(storage: ImportStorage, siteId: string) {
    this.#storage = storage;
    this.#siteId = siteId;
  }

  /** The lines of the export, without line breaks. */
  async *lines(): AsyncIterable<string> {
    const site = await this.#storage.getSite(this.#siteId);
    if (!site) throw new Problem(404, 'site-not-found', `No site "${this.#siteId}"`);
    const header: SiteLine = {
      type: 'parley-export',
      version: INTERCHANGE_VERSION,
      site: { id: site.id, name: site.name, origins: site.origins, settings: { ...site.settings } },
    };
    yield JSON.stringify(header);
    let afterKey: string | undefined;
    for (;;) {
      const pages = await this.#storage.exportPages(site.id, afterKey, PAGES_PER_READ);
      for (const page of pages) {
        yield JSON.stringify(pageLine(page));
        this.counts.pages++;
        yield* this.#comments(page);
      }
      if (pages.length < PAGES_PER_READ) break;
      afterKey = pages[pages.length - 1]?.key;
    }
  }

  async *#comments(page: PageRecord): AsyncIterable<string> {
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const comments = await this.#storage.exportComments(page.id, after, COMMENTS_PER_READ);
      for (const c of comments) {
        yield JSON.stringify(commentLine(c, page.key));
        this.counts.comments++;
      }
      const last = comments[comments.length - 1];
      if (!last || comments.length < COMMENTS_PER_READ) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}

function pageLine(page: PageRecord): PageLine {
  return {
    type: 'page',
    key: page.key,
    url: page.url,
    title: page.title,
    locked: page.locked,
    createdAt: new Date(page.createdAt).toISOString(),
  };
}

function commentLine(c: CommentRecord, pageKey: string): CommentLine {
  return {
    type: 'comment',
    id: c.id,
    page: pageKey,
    parentId: c.parentId,
    status: c.status,
    author: { name: c.authorName, email: c.authorEmail, website: c.authorWebsite },
    body: c.body,
    html: c.html,
    createdAt: new Date(c.createdAt).toISOString(),
    editedAt: c.editedAt === null ? null : new Date(c.editedAt).toISOString(),
    up: c.up,
    down: c.down,
  };
}
