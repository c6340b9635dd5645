import type { Context } from 'hono';
import { Problem } from '../../domain/problem.js';
import type { App } from '../env.js';
import { acceptedEncodings, ENCODINGS, etagMatches, IMMUTABLE, type StaticFile, staticFiles } from '../static-files.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.js(\.map)?$/;
// Chunk names carry rollup's content hash (`name.[hash].js`, see the widget's rollup.config.mjs);
// such files never change, so browsers and CDNs may keep them for a year.
const HASHED = /\.[A-Za-z0-9_-]{8}\.js(\.map)?$/;
/** Five minutes, then revalidated by ETag: for files whose name stays the same across builds. */
export const SHORT = 'public, max-age=300, must-revalidate';

/** The widget build folder, read through one cache by every route that serves from it. */
export interface WidgetFiles {
  /** A file of the build by its path relative to widgetDir (callers check it first). */
  load: (file: string) => Promise<StaticFile | undefined>;
  /**
   * Answers with the script (or source map) `name` of `folder` (`''` or ending in `/`): 404
   * problem for a name that is not a plain `.js`/`.js.map` file name or is not there, else the
   * brotli or gzip sibling the client accepts, a year and `immutable` when the name carries a
   * content hash, five minutes and revalidation otherwise. Readable from any origin.
   */
  serve: (c: Context, folder: string, name: string) => Promise<Response>;
}

/** The loader and server of the widget build in `widgetDir`, shared by the embed and share routes. */
export function widgetFiles(widgetDir: string): WidgetFiles {
  const load = staticFiles(widgetDir);
  // `name` is checked whole (no `/`, no leading dot), so `file` stays inside widgetDir.
  const serve = async (c: Context, folder: string, name: string) => {
    if (!SAFE_NAME.test(name)) throw new Problem(404, 'not-found', 'No such file');
    const file = folder + name;
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    let entry: StaticFile | undefined;
    let encoding: string | undefined;
    if (name.endsWith('.js')) {
      for (const e of ENCODINGS) {
        if (!accepted.has(e.name)) continue;
        entry = await load(file + e.suffix);
        if (entry) {
          encoding = e.name;
          break;
        }
      }
    }
    entry ??= await load(file);
    if (!entry) throw new Problem(404, 'not-found', `No file ${name}; was the widget built?`);
    const headers: Record<string, string> = {
      'content-type': name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8',
      'cache-control': HASHED.test(name) ? IMMUTABLE : SHORT,
      etag: entry.etag,
      vary: 'Accept-Encoding',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    };
    if (encoding) headers['content-encoding'] = encoding;
    if (etagMatches(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  };
  return { load, serve };
}

/**
 * Serves the widget build: `/embed.js`, the loader a page includes (short cache, revalidated
 * by ETag), and the files beside it under `/embed/` (a year and `immutable` when their name
 * carries a content hash). Brotli or gzip siblings made at build time are sent as they are when
 * the client accepts them. Readable from any origin, since a page on the publisher's site loads
 * them as a script and as module chunks (which are fetched with CORS).
 */
export function embedRoutes(app: App, files: WidgetFiles): void {
  app.get('/embed.js', (c) => files.serve(c, '', 'embed.js'));
  app.get('/embed/:name', (c) => files.serve(c, 'embed/', c.req.param('name')));
}
