import type { Kysely } from 'kysely';
import { KyselyStorage } from './kysely-storage.js';
import type {
  MailAddressTable,
  SubscriptionKind,
  SubscriptionTable,
  WebhookDelivery,
  WebhookDeliveryTable,
  WebhookTable,
} from './notify-storage.js';
import type { OutboxTable } from './outbox-queue.js';
import type { Database } from './schema.js';
import type { Storage } from './types.js';
import { toDelivery } from './webhook-storage.js';

type Tables = Database & {
  mail_addresses: MailAddressTable;
  subscriptions: SubscriptionTable;
  outbox: OutboxTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
};

/** One attempt of the delivery log, with the state of the outbox row it belongs to. */
export interface DeliveryLogEntry extends Omit<WebhookDelivery, 'webhookId'> {
  /** The outbox row now: `pending` (retrying), `sent`, `failed`, `dropped`; null once the row is gone. */
  outboxStatus: string | null;
  /** Attempts made so far for this event. */
  outboxAttempts: number | null;
  /** When the next attempt is due, while the row is pending. */
  nextAt: number | null;
}

/** A subscription as the admin console sees it: the address itself stays here; callers mask it. */
export interface SubscriptionRow {
  id: string;
  kind: SubscriptionKind;
  /** The page key of a thread subscription, the comment id of a reply subscription. */
  target: string;
  /** The page the subscription is about (for replies: the page of the comment); null if the comment is gone. */
  pageKey: string | null;
  confirmed: boolean;
  createdAt: number;
  email: string;
}

/**
 * The reads and deletions the admin API needs on subscriptions and webhook deliveries, apart from
 * {@link NotifyStorage} (which the comment path and the worker use) to keep both small.
 */
export class NotifyAdminStorage {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<Omit<Tables, keyof Database>>();
  }

  /** Number of webhooks a site has (for the per-site limit). */
  async countWebhooks(siteId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The newest `limit` attempts for a webhook, newest first, each with its outbox row's state. */
  async deliveryLog(webhookId: string, limit: number): Promise<DeliveryLogEntry[]> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries as d')
      .leftJoin('outbox as o', 'o.id', 'd.outbox_id')
      .select([
        'd.id',
        'd.outbox_id',
        'd.event',
        'd.attempt',
        'd.ok',
        'd.http_status',
        'd.error',
        'd.duration_ms',
        'd.at',
        'o.status as outbox_status',
        'o.attempts as outbox_attempts',
        'o.next_at as outbox_next_at',
      ])
      .where('d.webhook_id', '=', webhookId)
      .orderBy('d.at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...toDelivery(r),
      outboxStatus: r.outbox_status ?? null,
      outboxAttempts: r.outbox_attempts === null ? null : Number(r.outbox_attempts),
      nextAt: r.outbox_status === 'pending' && r.outbox_next_at !== null ? Number(r.outbox_next_at) : null,
    }));
  }

  /**
   * A site's subscriptions, newest first, optionally only those about one page (a thread
   * subscription to it, or a reply subscription to one of its comments). `before` pages on
   * `createdAt` then id.
   */
  async subscriptions(
    siteId: string,
    options: { pageKey?: string | undefined; limit: number; before?: { at: number; id: string } | undefined },
  ): Promise<SubscriptionRow[]> {
    let q = this.#db
      .selectFrom('subscriptions as s')
      .innerJoin('mail_addresses as a', 'a.id', 's.address_id')
      .leftJoin('comments as c', (j) => j.onRef('c.id', '=', 's.target').on('s.kind', '=', 'replies'))
      .leftJoin('pages as p', 'p.id', 'c.page_id')
      .select(['s.id', 's.kind', 's.target', 's.confirmed', 's.created_at', 'a.email', 'p.key as reply_page'])
      .where('s.site_id', '=', siteId);
    if (options.pageKey !== undefined) {
      const key = options.pageKey;
      q = q.where((eb) => eb.or([eb.and([eb('s.kind', '=', 'thread'), eb('s.target', '=', key)]), eb('p.key', '=', key)]));
    }
    const before = options.before;
    if (before) {
      q = q.where((eb) =>
        eb.or([eb('s.created_at', '<', before.at), eb.and([eb('s.created_at', '=', before.at), eb('s.id', '<', before.id)])]),
      );
    }
    const rows = await q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(options.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as SubscriptionKind,
      target: r.target,
      pageKey: r.kind === 'thread' ? r.target : (r.reply_page ?? null),
      confirmed: Number(r.confirmed) === 1,
      createdAt: Number(r.created_at),
      email: r.email,
    }));
  }

  /** Removes one subscription of the site; false if there is none with that id there. */
  async deleteSubscription(siteId: string, id: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('subscriptions').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

/** The admin notification storage over the same database as `storage`. */
export function notifyAdminStorageOf(storage: Storage): NotifyAdminStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('notifications need the Kysely storage');
  return new NotifyAdminStorage(storage.db);
}
