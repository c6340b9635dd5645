import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the embed and admin-console routes share to serve a build folder: files read once and
 * kept with their ETag until their mtime changes, `If-None-Match` matching, and the client's
 * accepted codings for the precompressed siblings written at build time.
 */

/** One file of a build folder, as read from disk. */
export interface StaticFile {
  mtimeMs: number;
  body: Buffer;
  etag: string;
}

/** Precompressed siblings written at build time, best first. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** A year and `immutable`: for files whose name carries their content hash. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A loader for files of `dir` (names relative to it; callers check them first), answering
 * undefined for a missing file. Each file is read again only when its mtime changes, so a new
 * build is picked up without a restart.
 */
export function staticFiles(dir: string): (file: string) => Promise<StaticFile | undefined> {
  const cache = new Map<string, StaticFile>();
  return async (file) => {
    const path = join(dir, file);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(path);
    const entry = {
      mtimeMs: info.mtimeMs,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    cache.set(file, entry);
    return entry;
  };
}

/** Whether `If-None-Match` names `etag` (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** Codings the client accepts (`Accept-Encoding`, RFC 9110 §12.5.3); `q=0` refuses one. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part
      .toLowerCase()
      .split(';')
      .map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}
