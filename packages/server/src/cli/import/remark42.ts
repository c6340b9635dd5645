import { type ImportRecord, MalformedImportError } from '../../domain/import-records.js';
import { isoTime, linesOf, openText, type ReadLimits, type ReadProgress } from './file.js';

interface Remark42Meta {
  version?: number;
  posts?: { url?: string; read_only?: boolean }[];
}

interface Remark42Comment {
  id?: string;
  pid?: string;
  text?: string;
  orig?: string;
  user?: { name?: string; email?: string };
  locator?: { site?: string; url?: string };
  score?: number;
  time?: string;
  edit?: { time?: string };
  delete?: boolean;
  title?: string;
}

/**
 * Reads a Remark42 backup (`remark42 backup`, backend/app/migrator/native.go): JSON lines, the
 * first one `{version, users, posts}` (posts carry `read_only`), then one comment per line
 * (`id`, `pid`, `orig` markdown and `text` HTML, `user`, `locator.url`, `time`, `delete`).
 * Gzip-compressed backups (the usual `.gz`) are inflated on the fly.
 */
export function readRemark42(path: string, limits?: ReadLimits): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  const file = openText(path, undefined, limits);
  async function* records(): AsyncIterable<ImportRecord> {
    const readOnly = new Set<string>();
    const pages = new Set<string>();
    for await (const { text, line } of linesOf(file.chunks)) {
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new MalformedImportError(`line ${line}`, `not valid JSON (${(err as Error).message.slice(0, 120)})`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new MalformedImportError(`line ${line}`, 'expected a JSON object');
      }
      const at = `line ${line}`;
      if (line === 1 || ('version' in value && !('id' in value))) {
        const meta = value as Remark42Meta;
        if (typeof meta.version !== 'number')
          throw new MalformedImportError(at, 'the first line must be the backup header {version, users, posts}');
        for (const p of meta.posts ?? []) if (p.read_only && p.url) readOnly.add(p.url);
        continue;
      }
      const c = value as Remark42Comment;
      if (typeof c.id !== 'string' || !c.id) {
        yield { kind: 'failure', sourceId: '?', reason: 'comment without id', at };
        continue;
      }
      const url = c.locator?.url;
      if (typeof url !== 'string' || !url) {
        yield { kind: 'failure', sourceId: c.id, reason: 'comment without locator.url', at };
        continue;
      }
      if (!pages.has(url)) {
        pages.add(url);
        yield { kind: 'page', ref: url, url, title: c.title ?? '', locked: readOnly.has(url), at };
      }
      const score = typeof c.score === 'number' ? c.score : 0;
      const markdown = typeof c.orig === 'string' && c.orig.trim() !== '';
      yield {
        kind: 'comment',
        sourceId: c.id,
        pageRef: url,
        parentSourceId: c.pid ? c.pid : null,
        authorName: c.user?.name ?? '',
        authorEmail: c.user?.email ?? null,
        authorWebsite: null,
        ...(markdown ? { body: c.orig } : { html: c.text ?? '' }),
        status: c.delete ? 'deleted' : 'approved',
        createdAt: isoTime(c.time),
        editedAt: c.edit?.time ? isoTime(c.edit.time) : null,
        up: Math.max(score, 0),
        down: Math.max(-score, 0),
        at,
      };
    }
  }
  return { records: records(), fraction: file.fraction };
}
