import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.js';
import { smtpMailer } from './domain/notify/mailer.js';
import { OutboxWorker } from './domain/notify/outbox-worker.js';
import { webhookDeliverer } from './domain/notify/webhook-delivery.js';
import { createApp } from './http/app.js';
import { clientIpResolver } from './http/client-ip.js';
import { notifyStorageOf } from './storage/notify-storage.js';
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
    notify: {
      mail: config.notify.smtpUrl !== undefined,
      from: config.notify.from,
      moderators: config.notify.moderators,
      moderatorMail: config.notify.moderatorMail,
      digestMinutes: config.notify.digestMinutes,
      linkHours: config.notify.linkHours,
    },
  });
  const notify = notifyStorageOf(storage);
  const mailer = config.notify.smtpUrl ? smtpMailer(config.notify.smtpUrl, config.notify.from) : undefined;
  const worker = new OutboxWorker({
    storage: notify,
    mailer,
    webhooks: webhookDeliverer(notify, { allowPrivate: config.notify.webhookAllowPrivate }),
    beforeRun: () => app.notifier.queueDigests(),
  });
  worker.start(config.notify.outboxIntervalMs);
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
      await worker.stop();
      mailer?.close();
      await storage.close();
    },
  };
}
