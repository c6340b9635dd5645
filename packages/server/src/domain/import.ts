import { randomBytes } from 'node:crypto';
import type { ImportedRow, ImportStorage, ImportWriter, StoredPlace } from '../storage/import-storage.js';
import type { Site } from '../storage/types.js';
import { htmlToText, sanitizeImportedHtml } from './import-html.js';
import {
  type ImportedComment,
  type ImportedPage,
  type ImportedSite,
  type ImportFormat,
  type ImportRecord,
  mapUrl,
  pageKeyOf,
  type UrlRule,
} from './import-records.js';
import { renderMarkdown } from './markdown.js';
import { Problem } from './problem.js';
import { buildSite } from './sites.js';
import { charLength, cleanLine, cleanMultiline, httpUrl, isEmail } from './text.js';

/** Longer bodies are refused: far above any site's limit, and a sign of a broken record. */
export const MAX_IMPORTED_LENGTH = 100_000;
const STATUSES = new Set(['approved', 'pending', 'spam', 'rejected', 'deleted']);
/** How many issues a summary lists one by one; the rest are only counted by reason. */
const LISTED = 50;

export interface ImportOptions {
  siteId: string;
  source: ImportFormat;
  urlRules?: UrlRule[];
  /** Reads, validates and writes everything inside one transaction that is rolled back. */
  dryRun?: boolean;
  /** Comments written per transaction; default 500. */
  batchSize?: number;
  now?: () => number;
}

export interface ImportCounts {
  /** Source records read (comments and unreadable records). */
  read: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Pages created. */
  pages: number;
}

/** One record that was skipped, failed, or imported with a change worth knowing. */
export interface ImportIssue {
  sourceId: string;
  reason: string;
  at?: string;
}

export interface ImportSummary extends ImportCounts {
  dryRun: boolean;
  /** How many records were skipped or failed, per reason. */
  skippedBy: Record<string, number>;
  failedBy: Record<string, number>;
  /** The first failures and warnings, one by one. */
  failures: ImportIssue[];
  warnings: ImportIssue[];
  warningCount: number;
}

interface PageInfo {
  key: string;
  url: string;
  title: string;
  locked: boolean;
  createdAt: number | undefined;
  invalid?: string;
}

/**
 * The one place where imported records are validated, normalised and written. Records arrive
 * as an async iterable from a reader in `cli/import/`; comments are written in batches, each in
 * one transaction, and each source id is remembered so a second run skips it. Replies whose
 * parent has not been seen yet wait in memory until it arrives; at the end, replies whose
 * parent never came are kept as top-level comments (and reported).
 */
export class ImportRun {
  readonly counts: ImportCounts = { read: 0, imported: 0, skipped: 0, failed: 0, pages: 0 };
  readonly #options: Required<Omit<ImportOptions, 'urlRules'>> & { urlRules: UrlRule[] };
  readonly #pages = new Map<string, PageInfo>();
  readonly #pageIds = new Map<string, number>();
  #queue: ImportedComment[] = [];
  #standalone: PageInfo[] = [];
  readonly #waiting = new Map<string, ImportedComment[]>();
  #noPage: ImportedComment[] = [];
  #final = false;
  #site: Site | undefined;
  readonly #skippedBy: Record<string, number> = {};
  readonly #failedBy: Record<string, number> = {};
  readonly #failures: ImportIssue[] = [];
  readonly #warnings: ImportIssue[] = [];
  #warningCount = 0;
  #idPool = Buffer.alloc(0);
  #idOffset = 0;

  constructor(options: ImportOptions) {
    this.#options = { batchSize: 500, now: Date.now, dryRun: false, urlRules: [], ...options };
  }

  /** Reads every record and writes what is new; a dry run rolls everything back at the end. */
  async run(storage: ImportStorage, records: AsyncIterable<ImportRecord>): Promise<ImportSummary> {
    if (this.#options.dryRun) await storage.rehearse((s) => this.#consume(s, records));
    else await this.#consume(storage, records);
    return {
      ...this.counts,
      dryRun: this.#options.dryRun,
      skippedBy: this.#skippedBy,
      failedBy: this.#failedBy,
      failures: this.#failures,
      warnings: this.#warnings,
      warningCount: this.#warningCount,
    };
  }

  async #consume(storage: ImportStorage, records: AsyncIterable<ImportRecord>): Promise<void> {
    for await (const record of records) {
      switch (record.kind) {
        case 'site':
          await storage.batch((w) => this.#siteRecord(w, record));
          break;
        case 'page':
          this.#pageRecord(record);
          if (this.#standalone.length >= this.#options.batchSize) await this.#flush(storage);
          break;
        case 'comment':
          this.counts.read++;
          this.#queue.push(record);
          if (this.#queue.length >= this.#options.batchSize) await this.#flush(storage);
          break;
        case 'skip':
          this.counts.read++;
          this.#skip(record.reason);
          break;
        case 'failure':
          this.counts.read++;
          this.#fail({ sourceId: record.sourceId, reason: record.reason, ...(record.at ? { at: record.at } : {}) });
          break;
      }
    }
    await this.#flush(storage);
    // Comments whose page came later in the file, then replies whose parent never came.
    this.#final = true;
    this.#queue = this.#noPage;
    this.#noPage = [];
    await this.#flush(storage);
    while (this.#waiting.size) {
      this.#queue = this.#takeOrphans();
      await this.#flush(storage);
    }
  }

  /** Waiting replies whose missing parent is not itself waiting: the tops of what is left. */
  #takeOrphans(): ImportedComment[] {
    const waitingIds = new Set<string>();
    for (const list of this.#waiting.values()) for (const c of list) waitingIds.add(c.sourceId);
    const taken: ImportedComment[] = [];
    for (const [parent, list] of this.#waiting) {
      if (waitingIds.has(parent)) continue;
      this.#waiting.delete(parent);
      taken.push(...list);
    }
    if (!taken.length) {
      // Only a cycle of replies is left; break it anywhere.
      const [parent, list] = this.#waiting.entries().next().value as [string, ImportedComment[]];
      this.#waiting.delete(parent);
      taken.push(...list);
    }
    return taken;
  }

  async #siteRecord(w: ImportWriter, record: ImportedSite): Promise<void> {
    const existing = await w.getSite(this.#options.siteId);
    if (existing) {
      this.#site = existing;
      return;
    }
    const site = buildSite(
      { id: this.#options.siteId, name: record.name, origins: record.origins, settings: record.settings },
      this.#options.now(),
    );
    await w.createSite(site);
    this.#site = site;
  }

  async #ensureSite(w: ImportWriter): Promise<Site> {
    if (this.#site) return this.#site;
    const site = await w.getSite(this.#options.siteId);
    if (!site) {
      throw new Problem(
        404,
        'site-not-found',
        `No site "${this.#options.siteId}"; add it first with: parley site add ${this.#options.siteId} --origin https://…`,
      );
    }
    this.#site = site;
    return site;
  }

  #pageRecord(record: ImportedPage): void {
    const rules = this.#options.urlRules;
    const mapped = mapUrl(cleanLine(record.url), rules);
    const key = record.key === undefined ? pageKeyOf(mapped) : mapUrl(cleanLine(record.key), rules);
    const info: PageInfo = {
      key,
      url: httpUrl(mapped) ?? '',
      title: cleanLine(record.title).slice(0, 300),
      locked: record.locked,
      createdAt: record.createdAt,
    };
    if (!key || charLength(key) > 512) info.invalid = `page key must be 1-512 characters (page ${record.ref})`;
    this.#pages.set(record.ref, info);
    if (record.standalone && !info.invalid) this.#standalone.push(info);
  }

  async #pageId(w: ImportWriter, page: PageInfo, fallbackTime: number): Promise<number> {
    const known = this.#pageIds.get(page.key);
    if (known !== undefined) return known;
    const site = await this.#ensureSite(w);
    const { id, created } = await w.ensurePage(site.id, {
      key: page.key,
      url: page.url,
      title: page.title,
      locked: page.locked,
      createdAt: page.createdAt ?? fallbackTime,
    });
    if (created) this.counts.pages++;
    this.#pageIds.set(page.key, id);
    return id;
  }

  async #flush(storage: ImportStorage): Promise<void> {
    const batch = this.#queue;
    const pages = this.#standalone;
    this.#queue = [];
    this.#standalone = [];
    if (!batch.length && !pages.length) return;
    await storage.batch(async (w) => {
      const site = await this.#ensureSite(w);
      for (const page of pages) await this.#pageId(w, page, this.#options.now());
      if (!batch.length) return;
      await this.#writeComments(w, site, batch);
    });
  }

  async #writeComments(w: ImportWriter, site: Site, batch: ImportedComment[]): Promise<void> {
    const source = this.#options.source;
    const lookup = batch.flatMap((c) => (c.parentSourceId === null ? [c.sourceId] : [c.sourceId, c.parentSourceId]));
    const known = await w.findImported(site.id, source, lookup);
    // A Parley export keeps its comment ids (so a round trip is exact) unless one is taken.
    const taken = source === 'parley' ? await w.takenIds(batch.map((c) => c.sourceId)) : new Set<string>();
    const placed = new Map<string, StoredPlace>();
    const rows: ImportedRow[] = [];
    const work = [...batch];
    for (let i = 0; i < work.length; i++) {
      const c = work[i] as ImportedComment;
      const issue = (reason: string): ImportIssue => ({ sourceId: c.sourceId, reason, ...(c.at ? { at: c.at } : {}) });
      if (known.has(c.sourceId)) {
        this.#skip('already imported');
        continue;
      }
      if (placed.has(c.sourceId)) {
        this.#skip('duplicate id in the file');
        continue;
      }
      const page = this.#pages.get(c.pageRef);
      if (!page) {
        if (this.#final) this.#fail(issue(`unknown page "${c.pageRef}"`));
        else this.#noPage.push(c);
        continue;
      }
      if (page.invalid) {
        this.#fail(issue(page.invalid));
        continue;
      }
      const clean = normalise(c);
      if (typeof clean === 'string') {
        this.#fail(issue(clean));
        continue;
      }
      let parent: StoredPlace | undefined;
      if (c.parentSourceId !== null) {
        parent = placed.get(c.parentSourceId) ?? known.get(c.parentSourceId);
        if (!parent && !this.#final) {
          const list = this.#waiting.get(c.parentSourceId);
          if (list) list.push(c);
          else this.#waiting.set(c.parentSourceId, [c]);
          continue;
        }
        if (!parent) this.#warn(issue(`parent "${c.parentSourceId}" is not in the file; kept as a top-level comment`));
      }
      const pageId = await this.#pageId(w, page, c.createdAt);
      if (parent && parent.pageId !== pageId) {
        this.#warn(issue(`parent "${c.parentSourceId}" is on another page; kept as a top-level comment`));
        parent = undefined;
      }
      const id = source === 'parley' && !taken.has(c.sourceId) && /^[\w-]{1,64}$/.test(c.sourceId) ? c.sourceId : this.#newId();
      const rootId = parent ? (parent.rootId ?? parent.commentId) : null;
      const depth = parent ? parent.depth + 1 : 0;
      rows.push({ sourceId: c.sourceId, id, pageId, parentId: parent?.commentId ?? null, rootId, depth, ...clean });
      placed.set(c.sourceId, { commentId: id, pageId, rootId, depth });
      const children = this.#waiting.get(c.sourceId);
      if (children) {
        this.#waiting.delete(c.sourceId);
        work.push(...children);
      }
    }
    await w.insertComments(site.id, source, rows);
    this.counts.imported += rows.length;
  }

  /** A comment id like `newCommentId()` (72 random bits, base64url), drawn from a pooled buffer. */
  #newId(): string {
    if (this.#idOffset + 9 > this.#idPool.length) {
      this.#idPool = randomBytes(9 * 1024);
      this.#idOffset = 0;
    }
    this.#idOffset += 9;
    return this.#idPool.subarray(this.#idOffset - 9, this.#idOffset).toString('base64url');
  }

  #skip(reason: string): void {
    this.counts.skipped++;
    this.#skippedBy[reason] = (this.#skippedBy[reason] ?? 0) + 1;
  }

  #fail(issue: ImportIssue): void {
    this.counts.failed++;
    // Group by the reason without the quoted ids, so "unknown page" counts as one reason.
    const reason = issue.reason.replace(/"[^"]*"/g, '…');
    this.#failedBy[reason] = (this.#failedBy[reason] ?? 0) + 1;
    if (this.#failures.length < LISTED) this.#failures.push(issue);
  }

  #warn(issue: ImportIssue): void {
    this.#warningCount++;
    if (this.#warnings.length < LISTED) this.#warnings.push(issue);
  }
}

type CleanFields = Omit<ImportedRow, 'sourceId' | 'id' | 'pageId' | 'parentId' | 'rootId' | 'depth'>;

/** Validates one comment; returns the reason it cannot be imported, or its clean fields. */
function normalise(c: ImportedComment): CleanFields | string {
  if (!STATUSES.has(c.status)) return `unknown status "${c.status}"`;
  if (!Number.isFinite(c.createdAt)) return 'missing or invalid creation date';
  const editedAt = c.editedAt !== undefined && c.editedAt !== null && Number.isFinite(c.editedAt) ? c.editedAt : null;
  const votes = { up: count(c.up), down: count(c.down) };
  if (c.status === 'deleted') {
    // Deleted comments keep their place in the thread and nothing else, as in Parley itself.
    return {
      authorName: '',
      authorEmail: null,
      authorWebsite: null,
      body: '',
      html: '',
      status: 'deleted',
      createdAt: c.createdAt,
      editedAt,
      ...votes,
    };
  }
  let body: string;
  let html: string;
  if (c.html !== undefined) {
    html = sanitizeImportedHtml(cleanMultiline(c.html));
    body = c.body === undefined ? htmlToText(html) : cleanMultiline(c.body);
  } else {
    body = cleanMultiline(c.body ?? '');
    html = renderMarkdown(body);
  }
  if (!body.trim() && !html) return 'empty body';
  if (charLength(body) > MAX_IMPORTED_LENGTH) return `body longer than ${MAX_IMPORTED_LENGTH} characters`;
  const name = [...cleanLine(c.authorName)].slice(0, 80).join('');
  const email = cleanLine(c.authorEmail ?? '').toLowerCase();
  const website = httpUrl(cleanLine(c.authorWebsite ?? ''));
  return {
    authorName: name,
    authorEmail: email && isEmail(email) ? email : null,
    authorWebsite: website && website.length <= 300 ? website : null,
    body,
    html,
    status: c.status,
    createdAt: c.createdAt,
    editedAt,
    ...votes,
  };
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : 0;
}
