import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { Problem } from '../../domain/problem.js';
import type { App } from '../env.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.js(\.map)?$/;
// Chunk names carry a content hash (rollup's [hash]); such files never change.
const HASHED = /-[A-Za-z0-9_-]{8,}\.js(\.map)?$/;

interface Cached {
  mtimeMs: number;
  body: Buffer;
  etag: string;
}

/**
 * Serves the widget bundle: `/embed.js` (short cache, revalidated by ETag) and the files beside
 * it under `/embed/` (immutable when hashed). Readable from any origin, since a page on the
 * publisher's site loads them as scripts and module chunks.
 */
export function embedRoutes(app: App, widgetDir: string): void {
  const cache = new Map<string, Cached>();
  const load = async (name: string): Promise<Cached | undefined> => {
    const file = join(widgetDir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(name);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const entry = {
      mtimeMs: info.mtimeMs,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    cache.set(name, entry);
    return entry;
  };
  const serve = async (c: Context, name: string, cacheControl: string) => {
    if (!SAFE_NAME.test(name)) throw new Problem(404, 'not-found', 'No such file');
    const entry = await load(name);
    if (!entry) throw new Problem(404, 'not-found', `No file ${name}; was the widget built?`);
    const headers = {
      'content-type': name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8',
      'cache-control': cacheControl,
      etag: entry.etag,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    };
    if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  };
  app.get('/embed.js', (c) => serve(c, 'embed.js', 'public, max-age=300, must-revalidate'));
  app.get('/embed/:name', (c) => {
    const name = c.req.param('name');
    return serve(c, name, HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate');
  });
}
