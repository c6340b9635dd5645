import type { ImportedRow, ImportStorage, ImportWriter, StoredPlace } from '../storage/import-storage.js';
import type { Site } from '../storage/types.js';
import { ImportIdPool } from './import-ids.js';
import { normalise, normalisePage, type PageInfo } from './import-normalise.js';
import type { ImportedComment, ImportedPage, ImportedSite, ImportRecord, UrlRule } from './import-records.js';
import { ImportTally } from './import-tally.js';
import type { ImportCounts, ImportIssue, ImportOptions, ImportSummary } from './import-types.js';
import { Problem } from './problem.js';
import { buildSite } from './sites.js';

// The options, counts and summary types, the per-record validation, the issue tally and the id pool
// live in the modules beside this one; re-exported so callers keep importing them from here.
export { MAX_IMPORTED_LENGTH } from './import-normalise.js';
export type { ImportCounts, ImportIssue, ImportOptions, ImportSummary } from './import-types.js';

/**
 * The one place where imported records are validated, normalised and written. Records arrive
 * as an async iterable from a reader in `cli/import/`; comments are written in batches, each in
 * one transaction, and each source id is remembered so a second run skips it. Replies whose
 * parent has not been seen yet wait in memory until it arrives; at the end, replies whose
 * parent never came are kept as top-level comments (and reported).
 */
export class ImportRun {
  readonly #tally = new ImportTally();
  /** Live counts, read by the CLI's progress line while the run goes on. */
  readonly counts: ImportCounts = this.#tally.counts;
  readonly #options: Required<Omit<ImportOptions, 'urlRules'>> & { urlRules: UrlRule[] };
  readonly #pages = new Map<string, PageInfo>();
  readonly #pageIds = new Map<string, number>();
  #queue: ImportedComment[] = [];
  #standalone: PageInfo[] = [];
  readonly #waiting = new Map<string, ImportedComment[]>();
  #noPage: ImportedComment[] = [];
  #final = false;
  #site: Site | undefined;
  readonly #ids = new ImportIdPool();

  constructor(options: ImportOptions) {
    this.#options = { batchSize: 500, now: Date.now, dryRun: false, urlRules: [], ...options };
  }

  /** Reads every record and writes what is new; a dry run rolls everything back at the end. */
  async run(storage: ImportStorage, records: AsyncIterable<ImportRecord>): Promise<ImportSummary> {
    if (this.#options.dryRun) await storage.rehearse((s) => this.#consume(s, records));
    else await this.#consume(storage, records);
    return this.#tally.summary(this.#options.dryRun);
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
          this.#tally.skip(record.reason);
          break;
        case 'failure':
          this.counts.read++;
          this.#tally.fail({ sourceId: record.sourceId, reason: record.reason, ...(record.at ? { at: record.at } : {}) });
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
    const info = normalisePage(record, this.#options.urlRules);
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
        this.#tally.skip('already imported');
        continue;
      }
      if (placed.has(c.sourceId)) {
        this.#tally.skip('duplicate id in the file');
        continue;
      }
      const page = this.#pages.get(c.pageRef);
      if (!page) {
        if (this.#final) this.#tally.fail(issue(`unknown page "${c.pageRef}"`));
        else this.#noPage.push(c);
        continue;
      }
      if (page.invalid) {
        this.#tally.fail(issue(page.invalid));
        continue;
      }
      const clean = normalise(c);
      if (typeof clean === 'string') {
        this.#tally.fail(issue(clean));
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
        if (!parent) this.#tally.warn(issue(`parent "${c.parentSourceId}" is not in the file; kept as a top-level comment`));
      }
      const pageId = await this.#pageId(w, page, c.createdAt);
      if (parent && parent.pageId !== pageId) {
        this.#tally.warn(issue(`parent "${c.parentSourceId}" is on another page; kept as a top-level comment`));
        parent = undefined;
      }
      const id =
        source === 'parley' && !taken.has(c.sourceId) && /^[\w-]{1,64}$/.test(c.sourceId) ? c.sourceId : this.#ids.next();
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
}
