import Database from 'better-sqlite3';
import { type ImportRecord, MalformedImportError } from '../../domain/import-records.js';
import type { CommentStatus } from '../../storage/types.js';
import { assertReadable, type ReadProgress } from './file.js';

interface IssoThread {
  id: number;
  uri: string;
  title: string | null;
}

interface IssoComment {
  tid: number;
  id: number;
  parent: number | null;
  created: number;
  modified: number | null;
  mode: number;
  text: string | null;
  author: string | null;
  email: string | null;
  website: string | null;
  likes: number | null;
  dislikes: number | null;
}

// isso/db/comments.py: 1 = accepted, 2 = waiting for moderation, 4 = deleted (kept for its replies).
const MODES: Record<number, CommentStatus> = { 1: 'approved', 2: 'pending', 4: 'deleted' };

/**
 * Reads an Isso database (isso/db/threads.py, isso/db/comments.py), opened read-only so a live
 * Isso is never disturbed. Thread `uri`s are paths; map them to full URLs with
 * `--map-url /=https://example.com/`. Comment `text` is markdown, times are Unix seconds.
 */
export function readIsso(path: string): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  assertReadable(path);
  let done = 0;
  let total = 0;
  async function* records(): AsyncIterable<ImportRecord> {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new MalformedImportError('file', `not an Isso database: ${(err as Error).message}`);
    }
    try {
      let threads: IssoThread[];
      let rows: IterableIterator<IssoComment>;
      try {
        threads = db.prepare('SELECT id, uri, title FROM threads ORDER BY id').all() as IssoThread[];
        total = (db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n;
        rows = db
          .prepare(
            `SELECT tid, id, parent, created, modified, mode, text, author, email, website, likes, dislikes
             FROM comments ORDER BY id`,
          )
          .iterate() as IterableIterator<IssoComment>;
      } catch (err) {
        throw new MalformedImportError('file', `not an Isso database: ${(err as Error).message}`);
      }
      for (const t of threads) {
        yield { kind: 'page', ref: String(t.id), url: t.uri, title: t.title ?? '', locked: false, at: `threads row ${t.id}` };
      }
      for (const c of rows) {
        done++;
        yield {
          kind: 'comment',
          sourceId: String(c.id),
          pageRef: String(c.tid),
          parentSourceId: c.parent === null ? null : String(c.parent),
          authorName: c.author ?? '',
          authorEmail: c.email,
          authorWebsite: c.website,
          body: c.text ?? '',
          status: MODES[c.mode] ?? 'pending',
          createdAt: Math.round(c.created * 1000),
          editedAt: c.modified === null ? null : Math.round(c.modified * 1000),
          up: c.likes ?? 0,
          down: c.dislikes ?? 0,
          at: `comments row ${c.id}`,
        };
      }
    } finally {
      db.close();
    }
  }
  return { records: records(), fraction: () => (total ? done / total : undefined) };
}
