import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerConfig, ServerTimeouts } from './config.js';
import { smtpMailer } from './domain/notify/mailer.js';
import { OutboxWorker } from './domain/notify/outbox-worker.js';
import { webhookDeliverer } from './domain/notify/webhook-delivery.js';
import { createApp } from './http/app.js';
import { clientIpResolver, requestOriginResolver } from './http/client-ip.js';
import { notifyStorageOf } from './storage/notify-storage.js';
import { openStorage } from './storage/open.js';

/** A running comment server. */
export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, asks live-update readers to reconnect elsewhere (`retry:` then
   * end of stream), lets requests under way finish (for at most `graceMs`, default 10 s), then
   * closes the database.
   */
  close(graceMs?: number): Promise<void>;
  /**
   * Set only on a fresh install (no administrator yet): the one-time password of the owner
   * `admin@localhost` created just now. Print it once; it is good only for choosing a new one.
   */
  initialPassword?: string | undefined;
}

/** Opens the database (migrating it), builds the app and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  // Refuses, before migrating anything, a database that could lose acknowledged comments.
  const storage = await openStorage(config.databaseUrl, { durability: { allowUnsafe: config.allowUnsafeDurability } });
  const app = createApp({
    storage,
    clientIp: clientIpResolver(config.trustedProxies),
    widgetDir: config.widgetDir,
    adminDir: config.adminDir,
    importMaxBytes: config.importMaxBytes,
    importInflatedMaxBytes: config.importInflatedMaxBytes,
    listFreshMs: config.listFreshMs,
    publicUrl: config.publicUrl,
    ...requestOriginResolver(config.trustedProxies, config.publicUrl),
    notify: {
      mail: config.notify.smtpUrl !== undefined,
      from: config.notify.from,
      moderators: config.notify.moderators,
      moderatorMail: config.notify.moderatorMail,
      digestMinutes: config.notify.digestMinutes,
      linkHours: config.notify.linkHours,
    },
    webhookAllowPrivate: config.notify.webhookAllowPrivate,
  });
  const notify = notifyStorageOf(storage);
  const mailer = config.notify.smtpUrl ? smtpMailer(config.notify.smtpUrl, config.notify.from) : undefined;
  const worker = new OutboxWorker({
    storage: notify,
    mailer,
    webhooks: webhookDeliverer(notify, { allowPrivate: config.notify.webhookAllowPrivate }),
    beforeRun: () => app.notifier.queueDigests(),
    // The app's clock stamps the outbox rows; the worker reads the same one, so a row stamped a
    // few ms ahead of Date.now() (a burst, see domain/clock.ts) is due at once, not a run later.
    now: app.now,
  });
  worker.start(config.notify.outboxIntervalMs);
  const initialPassword = await app.admins.ensureInitialOwner();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: serverOptions(config.timeouts) },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host}:${port}`,
    initialPassword,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      app.live.shutdown(1_000);
      // Keep-alive sockets would hold close() open: end each as soon as its last request is done.
      const http1 = 'closeIdleConnections' in server ? server : undefined;
      http1?.closeIdleConnections();
      const sweep = setInterval(() => http1?.closeIdleConnections(), 50);
      const deadline = setTimeout(() => http1?.closeAllConnections(), graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await app.live.close();
      await worker.stop();
      mailer?.close();
      await storage.close();
    },
  };
}

/**
 * Node's timeouts, set on purpose rather than left at its defaults: a client that sends its head
 * or its body too slowly is answered 408 and disconnected, an idle keep-alive socket is closed.
 * Node checks the head and request timers every `connectionsCheckingInterval` (30 s by default),
 * so that interval follows the head timeout: a slow client is cut off within about 1.25 times it.
 */
export function serverOptions(t: ServerTimeouts): ServerOptions {
  return {
    headersTimeout: t.headersMs,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(t.headersMs / 4))),
  };
}
