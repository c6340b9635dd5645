import type { Context } from 'hono';
import { Problem } from '../../domain/problem.js';
import type { App } from '../env.js';
import { acceptedEncodings, ENCODINGS, etagMatches, IMMUTABLE, type StaticFile, staticFiles } from '../static-files.js';

/**
 * The console's policy: its own scripts and stylesheets only (Lit's styles are constructed
 * stylesheets, which CSP does not govern), requests to this origin only, no framing, no base or
 * foreign form targets, and Trusted Types for every HTML sink — the two policies are Lit's and
 * the comment sanitiser's (packages/widget/src/trusted-types.ts).
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types parley lit-html',
].join('; ');

// Names rollup gives the console's files (`name.[hash].ext`, packages/admin/rollup.config.mjs):
// the hash changes with the content, so they may be kept a year.
const ASSET = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.[A-Za-z0-9_-]{8}\.(js|css)(\.map)?$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/**
 * Serves the admin console built into `adminDir` (packages/admin/dist): the shell at `/admin/`
 * (never cached without revalidation, so a new build is picked up at once; `/admin` redirects
 * there so the shell's relative asset paths resolve) and its hashed files under
 * `/admin/assets/`, immutable, sent precompressed when the client accepts brotli or gzip.
 */
export function adminConsoleRoutes(app: App, adminDir: string): void {
  const load = staticFiles(adminDir);
  const send = (c: Context, entry: StaticFile, headers: Record<string, string>) => {
    headers.etag = entry.etag;
    if (etagMatches(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  };

  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/', async (c) => {
    const entry = await load('index.html');
    if (!entry) throw new Problem(404, 'not-found', 'The admin console is not built (pnpm build)');
    return send(c, entry, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': ADMIN_CSP,
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
  });
  app.get('/admin/assets/:name', async (c) => {
    const name = c.req.param('name');
    // Checked whole (no `/`, no leading dot), so the file stays inside the assets folder.
    const match = ASSET.exec(name);
    if (!match) throw new Problem(404, 'not-found', 'No such file');
    const file = `assets/${name}`;
    let entry: StaticFile | undefined;
    let encoding: string | undefined;
    if (!name.endsWith('.map')) {
      const accepted = acceptedEncodings(c.req.header('accept-encoding'));
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
    if (!entry) throw new Problem(404, 'not-found', `No file ${name}`);
    const headers: Record<string, string> = {
      'content-type': TYPES[match[2] ? 'map' : match[1]!]!,
      'cache-control': IMMUTABLE,
      vary: 'Accept-Encoding',
      'cross-origin-resource-policy': 'same-origin',
    };
    if (encoding) headers['content-encoding'] = encoding;
    return send(c, entry, headers);
  });
}
