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

/** Serves `examples/`: `/` is the article, `/blog-index/` the listing page. */
export function startExampleServer(options: { port: number; host?: string; parleyUrl: string }): Promise<ExampleServer> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
    const out = type.startsWith('text/html') ? body.toString('utf8').replaceAll(DEFAULT_PARLEY_URL, options.parleyUrl) : body;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(out);
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
