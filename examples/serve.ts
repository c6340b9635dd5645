import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A plain static server for the example sites, standing in for a publisher's web server on its
 * own origin. The pages name the comment server as http://localhost:3000 like a publisher would
 * write it; when Parley runs elsewhere (PORT, tests), that address is rewritten on the way out.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_PARLEY_URL = 'http://localhost:3000';
/** The widget build a publisher may copy to its own static host; served under `/parley/`. */
const WIDGET_DIR = fileURLToPath(new URL('../packages/widget/dist/cdn/', import.meta.url));
const NONCE = '__CSP_NONCE__';

/**
 * The strict policy of `/csp/` (docs/embedding.md): nonce and 'strict-dynamic' for scripts (the
 * host is a fallback for browsers without 'strict-dynamic'), no inline styles, Trusted Types
 * with the policies Parley and Lit create.
 */
export function strictCsp(nonce: string, parleyUrl: string): string {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic' ${parleyUrl}`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types parley lit-html',
  ].join('; ');
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

export interface ExampleServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves `examples/`: `/` is the article, `/blog-index/` the listing page, `/csp/` a page under
 * a strict Content-Security-Policy (a fresh nonce per response), `/static-host/` a page using
 * the widget files copied to this host, which serves them under `/parley/` like any static
 * host would (plain files, CORS allowed), `/double-include/` a page with the script tag twice.
 */
export function startExampleServer(options: {
  port: number;
  host?: string;
  parleyUrl: string;
  widgetDir?: string;
  /** Where pages load the copied widget files from (`/parley/…`); default this host. A CDN in tests. */
  widgetUrl?: string;
}): Promise<ExampleServer> {
  const widgetDir = options.widgetDir ?? WIDGET_DIR;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/parley/')) {
      const file = normalize(join(widgetDir, path.slice('/parley/'.length)));
      const body =
        file.startsWith(widgetDir) && /\.js(\.map)?$/.test(file) ? await readFile(file).catch(() => undefined) : undefined;
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const type = file.endsWith('.map') ? 'application/json' : TYPES['.js']!;
      res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-cache' }).end(body);
      return;
    }
    let file = normalize(join(ROOT, path === '/' ? 'article/index.html' : path));
    if (!file.startsWith(ROOT) || file.split(sep).includes('node_modules')) {
      res.writeHead(404).end('Not found');
      return;
    }
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (!body || extname(file) === '.ts' || extname(file) === '.json') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    let out: string | Buffer = body;
    if (type.startsWith('text/html')) {
      out = body.toString('utf8').replaceAll(DEFAULT_PARLEY_URL, options.parleyUrl);
      if (options.widgetUrl) out = out.replaceAll('src="/parley/', `src="${options.widgetUrl}/parley/`);
      if (out.includes(NONCE)) {
        const nonce = randomBytes(18).toString('base64');
        out = out.replaceAll(NONCE, nonce);
        headers['content-security-policy'] = strictCsp(nonce, options.parleyUrl);
      }
    }
    res.writeHead(200, headers).end(out);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
