import type { Kysely } from 'kysely';
import { KyselyStorage } from './kysely-storage.js';
import * as moderatorMail from './moderator-mail-storage.js';
import type { NotifyDatabase } from './notify-tables.js';
import { queueOutbox } from './outbox-queue.js';
import { claimOutbox, type OutboxItem, type OutboxOutcome, outboxCounts, settleOutbox } from './outbox-storage.js';
import type { Database } from './schema.js';
import type { MailAddress, Recipient, Subscription, SubscriptionKind } from './subscription-storage.js';
import * as subscriptions from './subscription-storage.js';
import type { CommentStatus, CommentVersion, OutboxEntry, Storage } from './types.js';
import type { Webhook, WebhookDelivery } from './webhook-storage.js';
import * as webhooks from './webhook-storage.js';

// The queries live in one module per table or concern; callers import the types from here, as
// before the split.
export type { MailAddressTable, SubscriptionTable, WebhookDeliveryTable, WebhookTable } from './notify-tables.js';
export type { OutboxItem, OutboxOutcome } from './outbox-storage.js';
export {
  CONFIRM_RESEND_MS,
  type MailAddress,
  type Recipient,
  type Subscription,
  type SubscriptionKind,
} from './subscription-storage.js';
export type { Webhook, WebhookDelivery } from './webhook-storage.js';

/**
 * Subscriptions, the outbox and webhooks: kept apart from {@link Storage}, which the comment path
 * uses. The narrow interface the notification code depends on; each method is one query (or
 * transaction) of `subscription-storage.ts`, `outbox-storage.ts`, `webhook-storage.ts` or
 * `moderator-mail-storage.ts`, where each is documented.
 */
export class NotifyStorage {
  readonly #db: Kysely<NotifyDatabase>;
  readonly dialect: Storage['dialect'];

  constructor(db: Kysely<Database>, dialect: Storage['dialect']) {
    this.#db = db.withTables<Omit<NotifyDatabase, keyof Database>>();
    this.dialect = dialect;
  }

  // --- addresses and subscriptions ---

  /** The address row of `email` on the site, created (unconfirmed) on first use. */
  address(siteId: string, email: string, locale: string, now: number): Promise<MailAddress> {
    return subscriptions.upsertAddress(this.#db, siteId, email, locale, now);
  }

  getAddress(id: string): Promise<MailAddress | undefined> {
    return subscriptions.getAddress(this.#db, id);
  }

  /** Adds a subscription (or finds the same one); it starts confirmed only if asked and the address is confirmed. */
  subscribe(
    address: MailAddress,
    kind: SubscriptionKind,
    target: string,
    confirmed: boolean,
    now: number,
  ): Promise<Subscription> {
    return subscriptions.subscribe(this.#db, address, kind, target, confirmed, now);
  }

  /** Queues a confirmation mail unless one went out within `CONFIRM_RESEND_MS`; whether it queued. */
  queueConfirmation(address: MailAddress, now: number, build: () => OutboxEntry): Promise<boolean> {
    return subscriptions.queueConfirmation(this.#db, address, now, build);
  }

  /** Confirms the address and every subscription it has asked for so far. */
  confirm(addressId: string, now: number): Promise<boolean> {
    return subscriptions.confirmAddress(this.#db, addressId, now);
  }

  getSubscription(id: string): Promise<Subscription | undefined> {
    return subscriptions.getSubscription(this.#db, id);
  }

  deleteSubscription(id: string): Promise<boolean> {
    return subscriptions.deleteSubscription(this.#db, id);
  }

  /** Forgets the address and all its subscriptions (unsubscribe from everything on the site). */
  deleteAddress(id: string): Promise<boolean> {
    return subscriptions.deleteAddress(this.#db, id);
  }

  /** Confirmed subscribers to replies to `parentId` (if any) and to the page's thread, one per address. */
  recipients(siteId: string, parentId: string | null, pageKey: string): Promise<Recipient[]> {
    return subscriptions.recipients(this.#db, siteId, parentId, pageKey);
  }

  // --- moderation from a mail link ---

  /** Whether the comment's reply and thread mails went out already. */
  announced(commentId: string): Promise<boolean> {
    return moderatorMail.announced(this.#db, commentId);
  }

  /** Moves a comment from `from` to `to` and queues `outbox` in one transaction; false if it was no longer at `from`. */
  moveStatus(commentId: string, from: CommentVersion, to: CommentStatus, outbox: OutboxEntry[], now: number): Promise<boolean> {
    return moderatorMail.moveStatus(this.#db, commentId, from, to, outbox, now);
  }

  async queue(entries: OutboxEntry[], now: number): Promise<void> {
    await queueOutbox(this.#db, entries, now);
  }

  // --- the outbox worker ---

  /** Takes up to `limit` due rows for `owner` until `now + leaseMs` (concurrent workers take disjoint sets). */
  claim(owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxItem[]> {
    return claimOutbox(this.#db, this.dialect, owner, now, leaseMs, limit);
  }

  /** Records the outcome of one attempt; false if the lease was lost meanwhile (another worker owns the row). */
  settle(id: number, owner: string, outcome: OutboxOutcome, now: number): Promise<boolean> {
    return settleOutbox(this.#db, id, owner, outcome, now);
  }

  /** Rows by status (for tests, the admin console and `/readyz`-style checks). */
  outboxCounts(): Promise<Record<string, number>> {
    return outboxCounts(this.#db);
  }

  // --- webhooks ---

  createWebhook(siteId: string, url: string, events: string[], now: number): Promise<Webhook> {
    return webhooks.createWebhook(this.#db, siteId, url, events, now);
  }

  listWebhooks(siteId: string): Promise<Webhook[]> {
    return webhooks.listWebhooks(this.#db, siteId);
  }

  getWebhook(id: string): Promise<Webhook | undefined> {
    return webhooks.getWebhook(this.#db, id);
  }

  /** Removes a webhook and drops the calls still queued for it, in one transaction; false if there is none. */
  deleteWebhook(siteId: string, id: string, now: number): Promise<boolean> {
    return webhooks.deleteWebhook(this.#db, this.dialect, siteId, id, now);
  }

  logDelivery(d: Omit<WebhookDelivery, 'id'>): Promise<void> {
    return webhooks.logDelivery(this.#db, d);
  }

  listDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    return webhooks.listDeliveries(this.#db, webhookId, limit);
  }

  // --- flags kept in parley_meta (muted moderator addresses) ---

  getFlag(key: string): Promise<boolean> {
    return moderatorMail.getMetaFlag(this.#db, key);
  }

  setFlag(key: string): Promise<void> {
    return moderatorMail.setMetaFlag(this.#db, key);
  }

  // --- moderator digests ---

  /** Held comments of a site that went to the queue after `since`, oldest first, each once (for a digest). */
  pendingSince(siteId: string, since: number, limit: number) {
    return moderatorMail.pendingSince(this.#db, siteId, since, limit);
  }

  /** Moves the site's digest mark from `previous` to `next` and queues `outbox`, once across instances. */
  advanceDigest(siteId: string, previous: number | undefined, next: number, outbox: OutboxEntry[]): Promise<boolean> {
    return moderatorMail.advanceDigest(this.#db, siteId, previous, next, outbox);
  }

  digestMark(siteId: string): Promise<number | undefined> {
    return moderatorMail.digestMark(this.#db, siteId);
  }

  // --- moderators' accounts ---

  /** The administrator accounts of moderator addresses (lower-cased), with their role, sites and console language. */
  moderatorAccounts(emails: string[]): Promise<Map<string, moderatorMail.ModeratorAccount>> {
    return moderatorMail.moderatorAccounts(this.#db, emails);
  }

  /** The console language of the administrator account `id`, if it sent one. */
  adminLocale(id: string): Promise<string | undefined> {
    return moderatorMail.adminLocale(this.#db, id);
  }
}

/** The notification storage over the same database as `storage` (a {@link KyselyStorage}). */
export function notifyStorageOf(storage: Storage): NotifyStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('notifications need the Kysely storage');
  return new NotifyStorage(storage.db, storage.dialect);
}
