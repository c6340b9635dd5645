import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import { serve } from '@hono/node-server';
import { buildSite } from './domain/sites.js';
import { createApp } from './http/app.js';
import { clientIpResolver } from './http/client-ip.js';
import type { SiteSettings } from './storage/types.js';
import { type Backend, ORIGIN } from './test-support.js';

/** Options of {@link httpTestServer}. */
export interface HttpTestOptions {
  /** Settings of the site `demo`; omitted keys keep the defaults of a new site (every rule on). */
  settings?: Partial<SiteSettings>;
  /** Addresses whose X-Forwarded-For is believed (`PARLEY_TRUSTED_PROXIES`). */
  trustedProxies?: string[];
  now?: () => number;
}

/**
 * The real server on 127.0.0.1 with a free port: real sockets, the real client-address resolver
 * (the peer is 127.0.0.1), over a fresh storage with one site `demo` allowing {@link ORIGIN}.
 * For the spam rules, which must hold against clients that control every header.
 */
export async function httpTestServer(backend: Backend, options: HttpTestOptions = {}) {
  const storage = await backend.open();
  await storage.createSite(buildSite({ id: 'demo', origins: [ORIGIN], settings: options.settings ?? {} }, Date.now()));
  const app = createApp({
    storage,
    clientIp: clientIpResolver(options.trustedProxies ?? []),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  );
  return {
    url,
    storage,
    /** A request as a browser on {@link ORIGIN} sends it, with extra headers. */
    send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      return fetch(url + path, {
        method,
        headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    /** POST /api/v1/comments on site `demo`. */
    post(fields: Record<string, unknown>, headers: Record<string, string> = {}) {
      return this.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', ...fields }, headers);
    },
    /** GET /api/v1/comments of `page` on `site`, parsed. */
    async list(page = '/p', site = 'demo') {
      const res = await this.send('GET', `/api/v1/comments?site=${site}&page=${encodeURIComponent(page)}`);
      if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
      return (await res.json()) as { page: { count: number }; comments: { id: string; body: string }[]; formToken: string };
    },
  };
}
