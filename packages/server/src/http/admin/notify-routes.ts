import { z } from 'zod';
import type { NotifyAdmin } from '../../domain/notify/notify-admin.js';
import { WEBHOOK_EVENTS } from '../../domain/notify/webhook-events.js';
import { WEBHOOK_URL_MAX } from '../../domain/notify/webhook-url.js';
import type { DeliveryLogEntry } from '../../storage/notify-admin-storage.js';
import type { AdminApp } from './env.js';
import { bodyOf, decodeCursor, encodeCursor, queryOf } from './validate.js';

const NewWebhook = z
  .object({
    // Longer than the stored limit so that checkWebhookUrl answers with its own code.
    url: z
      .string()
      .min(1)
      .max(WEBHOOK_URL_MAX * 2),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1)
      .max(WEBHOOK_EVENTS.length * 2),
  })
  .strict();
const Limit = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
const SubscriptionQuery = Limit.extend({ page: z.string().min(1).max(512).optional(), cursor: z.string().max(512).optional() });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function delivery(d: DeliveryLogEntry) {
  return {
    id: d.id,
    deliveryId: d.outboxId,
    event: d.event,
    attempt: d.attempt,
    ok: d.ok,
    status: d.httpStatus,
    error: d.error,
    durationMs: d.durationMs,
    at: iso(d.at),
    state: d.outboxStatus,
    attempts: d.outboxAttempts,
    nextRetryAt: iso(d.nextAt),
  };
}

/** Webhooks (owners) and subscriptions (a site's moderators) of a site; see docs/admin-api.md. */
export function notifyAdminRoutes(app: AdminApp, admin: NotifyAdmin): void {
  app.get('/sites/:id/webhooks', async (c) => {
    const hooks = await admin.listWebhooks(c.get('actor'), c.req.param('id'));
    return c.json({ webhooks: hooks.map((h) => ({ ...h, createdAt: iso(h.createdAt) })) }, 200);
  });
  app.post('/sites/:id/webhooks', async (c) => {
    const input = await bodyOf(c, NewWebhook);
    const { webhook, secret } = await admin.createWebhook(c.get('actor'), c.req.param('id'), input);
    return c.json({ webhook: { ...webhook, createdAt: iso(webhook.createdAt) }, secret }, 201);
  });
  app.delete('/sites/:id/webhooks/:hook', async (c) => {
    await admin.deleteWebhook(c.get('actor'), c.req.param('id'), c.req.param('hook'));
    return c.body(null, 204);
  });
  app.get('/sites/:id/webhooks/:hook/deliveries', async (c) => {
    const { limit } = queryOf(c, Limit);
    const log = await admin.deliveries(c.get('actor'), c.req.param('id'), c.req.param('hook'), limit);
    return c.json({ deliveries: log.map(delivery) }, 200);
  });

  app.get('/sites/:id/subscriptions', async (c) => {
    const q = queryOf(c, SubscriptionQuery);
    const rows = await admin.subscriptions(c.get('actor'), c.req.param('id'), {
      pageKey: q.page,
      limit: q.limit + 1,
      before: decodeCursor(q.cursor),
    });
    const shown = rows.slice(0, q.limit);
    const last = shown[shown.length - 1];
    return c.json(
      {
        subscriptions: shown.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
      },
      200,
    );
  });
  app.delete('/sites/:id/subscriptions/:sub', async (c) => {
    await admin.deleteSubscription(c.get('actor'), c.req.param('id'), c.req.param('sub'));
    return c.body(null, 204);
  });
}
