import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.js';
import { createApp } from './http/app.js';
import { clientIpResolver } from './http/client-ip.js';
import { openStorage } from './storage/open.js';

/** A running comment server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage(config.databaseUrl);
  const app = createApp({
    storage,
    clientIp: clientIpResolver(config.trustedProxies),
    widgetDir: config.widgetDir,
    adminDir: config.adminDir,
    listFreshMs: config.listFreshMs,
    publicUrl: config.publicUrl,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open; end idle ones now.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await storage.close();
    },
  };
}
