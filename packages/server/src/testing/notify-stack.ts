import { after } from 'node:test';
import { smtpMailer } from '../domain/notify/mailer.js';
import type { NotifyConfig } from '../domain/notify/notify-config.js';
import { OutboxWorker } from '../domain/notify/outbox-worker.js';
import { webhookDeliverer } from '../domain/notify/webhook-delivery.js';
import { notifyStorageOf } from '../storage/notify-storage.js';
import type { SiteSettings } from '../storage/types.js';
import { type Backend, testApp } from '../test-support.js';
import { SmtpSink } from './smtp-sink.js';

export const PUBLIC = 'https://comments.example.org';

/** A test app with mail on, a real SMTP sink on loopback and an outbox worker with short backoff. */
export async function notifyStack(
  backend: Backend,
  settings: Partial<SiteSettings> = {},
  notify: Partial<NotifyConfig> = {},
  now?: () => number,
  app: { webhookAllowPrivate?: boolean; listFreshMs?: number } = {},
) {
  const sink = new SmtpSink();
  await sink.start();
  const t = await testApp(backend, settings, now, {
    publicUrl: PUBLIC,
    notify: { mail: true, from: 'Parley <parley@comments.example.org>', moderators: ['mod@example.org'], ...notify },
    ...app,
  });
  const outbox = notifyStorageOf(t.storage);
  const mailer = smtpMailer(sink.url, 'Parley <parley@comments.example.org>');
  const worker = (extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) =>
    new OutboxWorker({
      storage: outbox,
      mailer,
      webhooks: webhookDeliverer(outbox, { allowPrivate: true }),
      beforeRun: () => t.app.notifier.queueDigests(),
      baseDelayMs: 1,
      maxDelayMs: 5,
      // As in server.ts: the worker reads the app's clock, which stamped the outbox rows.
      now: t.app.now,
      ...extra,
    });
  after(async () => {
    mailer.close();
    await sink.stop();
  });
  /** Runs the worker until the outbox has nothing due (bounded: a bug cannot spin forever). */
  async function drain(w = worker()): Promise<void> {
    for (let i = 0; i < 50; i++) {
      // One run even when nothing is queued: a run may queue digests first.
      await w.runOnce();
      const counts = await outbox.outboxCounts();
      if (!counts.pending) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`outbox did not drain: ${JSON.stringify(await outbox.outboxCounts())}`);
  }
  return { ...t, sink, outbox, worker, drain };
}

/** The first link in a text part that starts with `prefix`. */
export function linkIn(text: string | undefined, prefix: string): string {
  const found = (text ?? '').split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} link in:\n${text}`);
  return found;
}

/** Path and query of an absolute URL under {@link PUBLIC}, for `app.request`. */
export function local(url: string): string {
  if (!url.startsWith(PUBLIC)) throw new Error(`not a link to this server: ${url}`);
  return url.slice(PUBLIC.length);
}
