import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in fediverse server on loopback for the share bar's end-to-end tests: it answers
 * WebFinger and NodeInfo as the given software would (with the open CORS real servers send),
 * serves a `/share` page, and records every request so tests can see what the browser asked.
 */
export interface FakeFediverse {
  /** `localhost:PORT`, what a reader would type as the server. */
  host: string;
  url: string;
  /** Paths with query of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

export function startFakeFediverse(software: 'mastodon' | 'misskey'): Promise<FakeFediverse> {
  const requests: string[] = [];
  let host = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    requests.push(url.pathname + url.search);
    const json = (status: number, body: unknown, type = 'application/json') =>
      res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/webfinger') {
      const resource = url.searchParams.get('resource') ?? '';
      if (resource !== `acct:me@${host}`) return json(404, { error: 'not found' });
      return json(
        200,
        {
          subject: resource,
          links: [{ rel: 'self', type: 'application/activity+json', href: `http://${host}/users/me` }],
        },
        'application/jrd+json',
      );
    }
    if (url.pathname === '/.well-known/nodeinfo') {
      return json(200, {
        links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `http://${host}/nodeinfo/2.0` }],
      });
    }
    if (url.pathname === '/nodeinfo/2.0') {
      return json(200, { version: '2.0', software: { name: software, version: '4.3.0' }, protocols: ['activitypub'] });
    }
    if (url.pathname === '/share') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${software} share</title>`);
      return;
    }
    json(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      host = `localhost:${port}`;
      resolve({
        host,
        url: `http://${host}`,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
