import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { NotifyDatabase, WebhookDeliveryTable, WebhookTable } from './notify-tables.js';
import { newId } from './subscription-storage.js';
import type { Dialect } from './types.js';

// `webhooks` and `webhook_deliveries`: a site's endpoints and the log of calls to them.
// `NotifyStorage` (notify-storage.ts) is the interface callers use.

/** One URL of a site with the events it wants and the secret its calls are signed with. */
export interface Webhook {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  secret: string;
  active: boolean;
  createdAt: number;
}

/** One attempt to deliver one event to one webhook. */
export interface WebhookDelivery {
  id: number;
  webhookId: string;
  outboxId: number;
  event: string;
  attempt: number;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  at: number;
}

type Db = Kysely<NotifyDatabase>;

/** Adds a webhook with a fresh signing secret. */
export async function createWebhook(db: Db, siteId: string, url: string, events: string[], now: number): Promise<Webhook> {
  const hook: Webhook = {
    id: newId(),
    siteId,
    url,
    events,
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    active: true,
    createdAt: now,
  };
  await db
    .insertInto('webhooks')
    .values({
      id: hook.id,
      site_id: siteId,
      url,
      events: JSON.stringify(events),
      secret: hook.secret,
      active: 1,
      created_at: now,
    })
    .execute();
  return hook;
}

/** A site's webhooks, oldest first. */
export async function listWebhooks(db: Db, siteId: string): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute();
  return rows.map(toWebhook);
}

/** One webhook by id. */
export async function getWebhook(db: Db, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

/**
 * Removes a webhook and, in the same transaction, marks the calls still queued for it
 * `dropped`: they will never be sent, and `sent` would claim they were. A row a worker holds
 * right now is left to that worker, which finds the webhook gone and drops it itself (or, if
 * its request went out before, records what the receiver answered). False if there is none.
 */
export async function deleteWebhook(db: Db, dialect: Dialect, siteId: string, id: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('webhooks').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    const target =
      dialect === 'postgres' ? sql<string>`(payload::jsonb ->> 'webhookId')` : sql<string>`json_extract(payload, '$.webhookId')`;
    await trx
      .updateTable('outbox')
      .set({ status: 'dropped', done_at: now, last_error: 'webhook deleted', lease_owner: null, lease_until: null })
      .where('site_id', '=', siteId)
      .where('kind', '=', 'webhook')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .where(target, '=', id)
      .execute();
    return true;
  });
}

/** Appends one attempt to the delivery log. */
export async function logDelivery(db: Db, d: Omit<WebhookDelivery, 'id'>): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: d.webhookId,
      outbox_id: d.outboxId,
      event: d.event,
      attempt: d.attempt,
      ok: d.ok ? 1 : 0,
      http_status: d.httpStatus,
      error: d.error,
      duration_ms: d.durationMs,
      at: d.at,
    })
    .execute();
}

/** A webhook's latest attempts, newest first. */
export async function listDeliveries(db: Db, webhookId: string, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toDelivery(r), webhookId: r.webhook_id }));
}

/** The columns of a delivery-log row every reader of the log shows. */
type DeliveryColumns = 'id' | 'outbox_id' | 'event' | 'attempt' | 'ok' | 'http_status' | 'error' | 'duration_ms' | 'at';

/** A delivery-log row as a record, less the webhook (the admin log is of one webhook already). */
export function toDelivery(r: Pick<Selectable<WebhookDeliveryTable>, DeliveryColumns>): Omit<WebhookDelivery, 'webhookId'> {
  return {
    id: Number(r.id),
    outboxId: Number(r.outbox_id),
    event: r.event,
    attempt: Number(r.attempt),
    ok: Number(r.ok) === 1,
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    error: r.error,
    durationMs: Number(r.duration_ms),
    at: Number(r.at),
  };
}

function toWebhook(row: Selectable<WebhookTable>): Webhook {
  return {
    id: row.id,
    siteId: row.site_id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    secret: row.secret,
    active: Number(row.active) === 1,
    createdAt: Number(row.created_at),
  };
}
