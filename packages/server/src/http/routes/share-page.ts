import { Problem } from '../../domain/problem.js';
import type { App } from '../env.js';
import { etagMatches } from '../static-files.js';
import { SHORT, type WidgetFiles } from './embed.js';

/**
 * The share page's policy. Its script asks the reader's own fediverse server, which may be any
 * https host, how it takes shares (WebFinger, NodeInfo), so `connect-src` allows every https
 * origin; plain http only on loopback, for tests, which the page's input check also limits it
 * to. Nothing else is loaded from anywhere but this origin, nothing may frame it, and every HTML
 * sink goes through Trusted Types, whose one policy is Lit's (`lit-html`).
 */
export const SHARE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'connect-src https: http://localhost:* http://127.0.0.1:*',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Serves the fediverse share page of the widget build: the shell at `/share/fediverse` (five
 * minutes, then revalidated by ETag, under {@link SHARE_PAGE_CSP}) and its scripts under
 * `/share/`, as `/embed/` serves the widget's chunks. The share bar opens the page in a new tab
 * with what to share in the URL fragment, which never reaches this server.
 */
export function sharePageRoutes(app: App, files: WidgetFiles): void {
  // Registered before `/share/:name`, so this handler answers first.
  app.get('/share/fediverse', async (c) => {
    const entry = await files.load('share/fediverse.html');
    if (!entry) throw new Problem(404, 'not-found', 'The share page is not built (pnpm build)');
    // A top-level page of its own: no CORS, no framing, no opener, no referrer to the server it
    // forwards to.
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': SHORT,
      etag: entry.etag,
      'content-security-policy': SHARE_PAGE_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      'x-frame-options': 'DENY',
    };
    if (etagMatches(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  });
  app.get('/share/:name', (c) => files.serve(c, 'share/', c.req.param('name')));
}
