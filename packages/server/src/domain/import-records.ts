import type { CommentStatus, SiteSettings } from '../storage/types.js';

/** The systems `parley import --from` reads. */
export const IMPORT_FORMATS = ['disqus', 'wordpress', 'isso', 'remark42', 'commento', 'parley'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Where a record was found in its file (`line 12`, `<post> at line 40`), so a summary can point
 * at the record that failed.
 */
export type SourceLocation = string;

/** A page (thread) of the source system; comments refer to it by `ref`. */
export interface ImportedPage {
  kind: 'page';
  /** The source's own id of the thread (Disqus `dsq:id`, Isso thread id, or the URL itself). */
  ref: string;
  /** The page's old URL, or a path for systems that keep only paths (Isso, Commento). */
  url: string;
  /** An explicit page key (Parley exports); otherwise it is derived from the mapped URL. */
  key?: string;
  title: string;
  locked: boolean;
  createdAt?: number;
  /** Created even without comments (Parley exports list every page). */
  standalone?: boolean;
  at?: SourceLocation;
}

/** One comment as the source had it, before validation. */
export interface ImportedComment {
  kind: 'comment';
  /** The source's id of the comment; remembered so a second import skips it. */
  sourceId: string;
  pageRef: string;
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  /** Markdown source (Isso, Remark42, Commento, Parley) … */
  body?: string;
  /** … and/or HTML (Disqus, WordPress; Parley keeps both), always sanitised on the way in. */
  html?: string;
  status: CommentStatus;
  createdAt: number;
  editedAt?: number | null;
  up?: number;
  down?: number;
  at?: SourceLocation;
}

/** A whole site as a Parley export describes it; created on import when missing. */
export interface ImportedSite {
  kind: 'site';
  id: string;
  name: string;
  origins: string[];
  settings: Partial<SiteSettings>;
}

/** A record that could not be read into one of the above (`failure`), or is left out on purpose (`skip`). */
export interface ImportedFailure {
  kind: 'failure' | 'skip';
  sourceId: string;
  reason: string;
  at?: SourceLocation;
}

export type ImportRecord = ImportedPage | ImportedComment | ImportedSite | ImportedFailure;

/** A file that cannot be read at all; `at` names the line or element that broke. */
export class MalformedImportError extends Error {
  readonly at: SourceLocation;

  constructor(at: SourceLocation, message: string) {
    super(`${at}: ${message}`);
    this.name = 'MalformedImportError';
    this.at = at;
  }
}

/**
 * A file the readers refuse to hold in memory (`cli/import/file.ts`): it inflates past the
 * allowed size (`inflated`), or one record, a JSON line, an XML element or a whole Commento export,
 * is longer than {@link MAX_RECORD_CHARS} (`record`). A small gzip file can inflate a thousandfold,
 * and the readers hold one record at a time, so these bound what an import can make the process hold.
 */
export class ImportLimitError extends MalformedImportError {
  readonly limit: 'inflated' | 'record';

  constructor(at: SourceLocation, limit: 'inflated' | 'record', message: string) {
    super(at, message);
    this.name = 'ImportLimitError';
    this.limit = limit;
  }
}

/** The longest record (a JSON line, an XML element, a whole Commento export) a reader holds, in characters: 16 Mi. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** One `--map-url FROM=TO` rule: URLs starting with `from` start with `to` instead. */
export interface UrlRule {
  from: string;
  to: string;
}

/** Parses `FROM=TO`; throws on anything else. */
export function parseUrlRule(value: string): UrlRule {
  const at = value.indexOf('=');
  const from = value.slice(0, at);
  if (at <= 0) throw new Error(`--map-url needs FROM=TO, not "${value}"`);
  return { from, to: value.slice(at + 1) };
}

/** Applies the first rule whose `from` is a prefix of the URL; the longest prefix wins. */
export function mapUrl(url: string, rules: UrlRule[]): string {
  let best: UrlRule | undefined;
  for (const rule of rules) {
    if (url.startsWith(rule.from) && (!best || rule.from.length > best.from.length)) best = rule;
  }
  return best ? best.to + url.slice(best.from.length) : url;
}

/**
 * The page key the widget would send for this URL: the canonical URL without query and
 * fragment, as `new URL()` writes it (see `pageKeyFromUrl` in the widget). Paths (no scheme)
 * are kept as they are, without query and fragment.
 */
export function pageKeyOf(url: string): string {
  if (/^https?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      parsed.search = '';
      parsed.hash = '';
      return parsed.href;
    } catch {
      // Not a URL after all: treated as a path below.
    }
  }
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
