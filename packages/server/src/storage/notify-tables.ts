import type { Generated } from 'kysely';
import type { OutboxTable } from './outbox-queue.js';
import type { Database } from './schema.js';

/** `mail_addresses`: one reader's address on one site; `confirmed_at` set by the double opt-in link. */
export interface MailAddressTable {
  id: string;
  site_id: string;
  email: string;
  locale: string;
  confirmed_at: number | null;
  /** When the last confirmation mail was queued: at most one per `CONFIRM_RESEND_MS`. */
  confirm_sent_at: number | null;
  created_at: number;
}

/** `subscriptions`: `replies` to a comment (target = comment id) or a whole `thread` (target = page key). */
export interface SubscriptionTable {
  id: string;
  site_id: string;
  address_id: string;
  kind: string;
  target: string;
  confirmed: number;
  created_at: number;
}

/** `webhooks`: one URL of a site with the events it wants and its signing secret. */
export interface WebhookTable {
  id: string;
  site_id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret: string;
  active: number;
  created_at: number;
}

/** `webhook_deliveries`: one attempt to deliver one event to one webhook. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: string;
  outbox_id: number;
  event: string;
  attempt: number;
  ok: number;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  at: number;
}

/** The base tables plus those of migration `0020-notify`, which every notification module queries. */
export type NotifyDatabase = Database & {
  mail_addresses: MailAddressTable;
  subscriptions: SubscriptionTable;
  outbox: OutboxTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
};
