import type { ImportedRow } from '../storage/import-storage.js';
import { htmlToText, sanitizeImportedHtml } from './import-html.js';
import { type ImportedComment, type ImportedPage, mapUrl, pageKeyOf, type UrlRule } from './import-records.js';
import { renderMarkdown } from './markdown.js';
import { charLength, cleanLine, cleanMultiline, httpUrl, isEmail } from './text.js';

/** Longer bodies are refused: far above any site's limit, and a sign of a broken record. */
export const MAX_IMPORTED_LENGTH = 100_000;
const STATUSES = new Set(['approved', 'pending', 'spam', 'rejected', 'deleted']);

/** A page as the run keeps it: its key and URL after the URL rules; `invalid` says why it cannot be used. */
export interface PageInfo {
  key: string;
  url: string;
  title: string;
  locked: boolean;
  createdAt: number | undefined;
  invalid?: string;
}

/** A page record with the URL rules applied and its fields cleaned; a bad key marks it invalid. */
export function normalisePage(record: ImportedPage, rules: UrlRule[]): PageInfo {
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
  return info;
}

/** The fields of an imported comment that come from its record (its place is decided by the run). */
export type CleanFields = Omit<ImportedRow, 'sourceId' | 'id' | 'pageId' | 'parentId' | 'rootId' | 'depth'>;

/** Validates one comment; returns the reason it cannot be imported, or its clean fields. */
export function normalise(c: ImportedComment): CleanFields | string {
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

/** A vote count: a positive integer, else 0. */
function count(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : 0;
}
