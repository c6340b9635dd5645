import { ImportLimitError, type ImportRecord, MAX_RECORD_CHARS, MalformedImportError } from '../../domain/import-records.js';
import type { CommentStatus } from '../../storage/types.js';
import { isoTime, openText, type ReadLimits, type ReadProgress } from './file.js';

interface CommentoComment {
  commentHex?: string;
  domain?: string;
  url?: string;
  commenterHex?: string;
  markdown?: string;
  html?: string;
  parentHex?: string;
  score?: number;
  state?: string;
  creationDate?: string;
  deleted?: boolean;
}

interface CommentoCommenter {
  commenterHex?: string;
  email?: string;
  name?: string;
  link?: string;
}

const STATES: Record<string, CommentStatus> = { approved: 'approved', unapproved: 'pending', flagged: 'spam' };

/**
 * Reads a Commento export (api/domain_export.go: `{version, comments, commenters}`, usually
 * gzip-compressed). Commento writes it as one JSON document, so this reader parses it whole;
 * exports are a few megabytes at most, and one longer than {@link MAX_RECORD_CHARS} (inflated)
 * is refused before it is parsed. Comments carry `markdown`, `parentHex` (`root` for
 * top-level), `state` (`approved`, `unapproved`, `flagged`) and `deleted`; `url` is the page
 * path and `domain` its host, joined as `https://domain/path`.
 */
export function readCommento(path: string, limits?: ReadLimits): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  const file = openText(path, undefined, limits);
  let done = 0;
  let total = 0;
  async function* records(): AsyncIterable<ImportRecord> {
    const pieces: string[] = [];
    let length = 0;
    for await (const chunk of file.chunks) {
      length += chunk.length;
      // JSON.parse makes many times the text's size in objects: a few MB of `{},` are a GB.
      if (length > MAX_RECORD_CHARS) {
        throw new ImportLimitError('file', 'record', `a Commento export longer than ${MAX_RECORD_CHARS} characters`);
      }
      pieces.push(chunk);
    }
    const text = pieces.join('');
    let doc: { version?: unknown; comments?: unknown; commenters?: unknown };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch (err) {
      throw new MalformedImportError('file', `not valid JSON (${(err as Error).message.slice(0, 160)})`);
    }
    if (doc === null || typeof doc !== 'object' || !Array.isArray(doc.comments)) {
      throw new MalformedImportError('file', 'expected {version, comments: [...], commenters: [...]}');
    }
    const commenters = new Map<string, CommentoCommenter>();
    for (const c of Array.isArray(doc.commenters) ? (doc.commenters as CommentoCommenter[]) : []) {
      if (c && typeof c.commenterHex === 'string') commenters.set(c.commenterHex, c);
    }
    const comments = doc.comments as CommentoComment[];
    total = comments.length;
    const pages = new Set<string>();
    for (const [i, c] of comments.entries()) {
      done = i + 1;
      const at = `comments[${i}]`;
      if (c === null || typeof c !== 'object' || typeof c.commentHex !== 'string') {
        yield { kind: 'failure', sourceId: '?', reason: 'comment without commentHex', at };
        continue;
      }
      const path = typeof c.url === 'string' ? c.url : '';
      const url = c.domain ? `https://${c.domain}${path.startsWith('/') ? '' : '/'}${path}` : path;
      if (!url) {
        yield { kind: 'failure', sourceId: c.commentHex, reason: 'comment without url', at };
        continue;
      }
      if (!pages.has(url)) {
        pages.add(url);
        yield { kind: 'page', ref: url, url, title: '', locked: false, at };
      }
      const who = commenters.get(c.commenterHex ?? '');
      const score = typeof c.score === 'number' ? c.score : 0;
      yield {
        kind: 'comment',
        sourceId: c.commentHex,
        pageRef: url,
        parentSourceId: c.parentHex && c.parentHex !== 'root' ? c.parentHex : null,
        authorName: who?.name ?? (c.commenterHex === 'anonymous' ? 'Anonymous' : ''),
        authorEmail: who?.email ?? null,
        authorWebsite: who?.link ?? null,
        ...(typeof c.markdown === 'string' ? { body: c.markdown } : { html: c.html ?? '' }),
        status: c.deleted ? 'deleted' : (STATES[c.state ?? 'approved'] ?? 'pending'),
        createdAt: isoTime(c.creationDate),
        up: Math.max(score, 0),
        down: Math.max(-score, 0),
        at,
      };
    }
  }
  return { records: records(), fraction: () => (total ? done / total : file.fraction()) };
}
