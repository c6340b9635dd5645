import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { KyselyStorage } from './kysely-storage.js';
import { type OutboxTable, queueOutbox } from './outbox-queue.js';
import type { Database } from './schema.js';
import type { CommentStatus, OutboxEntry, Storage } from './types.js';

/** `mail_addresses`: one reader's address on one site; `confirmed_at` set by the double opt-in link. */
export interface MailAddressTable {
  id: string;
  site_id: string;
  email: string;
  locale: string;
  confirmed_at: number | null;
  /** When the last confirmation mail was queued: at most one per {@link CONFIRM_RESEND_MS}. */
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
  id: import('kysely').Generated<number>;
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

type NotifyDatabase = Database & {
  mail_addresses: MailAddressTable;
  subscriptions: SubscriptionTable;
  outbox: OutboxTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
};

/** A confirmation mail is queued at most this often per address, so a form cannot be used to flood a mailbox. */
export const CONFIRM_RESEND_MS = 60 * 60 * 1000;

export type SubscriptionKind = 'replies' | 'thread';

export interface MailAddress {
  id: string;
  siteId: string;
  email: string;
  locale: string;
  confirmed: boolean;
}

export interface Subscription {
  id: string;
  siteId: string;
  addressId: string;
  kind: SubscriptionKind;
  target: string;
  confirmed: boolean;
  createdAt: number;
}

/** A confirmed subscriber of a new comment, with the address to write to. */
export interface Recipient {
  subscriptionId: string;
  kind: SubscriptionKind;
  email: string;
  locale: string;
}

/** One outbox row as a worker holds it. */
export interface OutboxItem {
  id: number;
  siteId: string;
  kind: 'mail' | 'webhook';
  payload: unknown;
  attempts: number;
  createdAt: number;
}

export interface Webhook {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  secret: string;
  active: boolean;
  createdAt: number;
}

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

/** Subscriptions, the outbox and webhooks: kept apart from {@link Storage}, which the comment path uses. */
export class NotifyStorage {
  readonly #db: Kysely<NotifyDatabase>;
  readonly dialect: Storage['dialect'];

  constructor(db: Kysely<Database>, dialect: Storage['dialect']) {
    this.#db = db.withTables<Omit<NotifyDatabase, keyof Database>>();
    this.dialect = dialect;
  }

  // --- addresses and subscriptions ---

  /** The address row of `email` on the site, created (unconfirmed) on first use. */
  async address(siteId: string, email: string, locale: string, now: number): Promise<MailAddress> {
    await this.#db
      .insertInto('mail_addresses')
      .values({ id: newId(), site_id: siteId, email, locale, confirmed_at: null, confirm_sent_at: null, created_at: now })
      .onConflict((oc) => oc.columns(['site_id', 'email']).doUpdateSet({ locale }))
      .execute();
    const row = await this.#db
      .selectFrom('mail_addresses')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return toAddress(row);
  }

  async getAddress(id: string): Promise<MailAddress | undefined> {
    const row = await this.#db.selectFrom('mail_addresses').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAddress(row);
  }

  /** Adds a subscription (or finds the same one); it starts confirmed only if asked and the address is confirmed. */
  async subscribe(
    address: MailAddress,
    kind: SubscriptionKind,
    target: string,
    confirmed: boolean,
    now: number,
  ): Promise<Subscription> {
    await this.#db
      .insertInto('subscriptions')
      .values({
        id: newId(),
        site_id: address.siteId,
        address_id: address.id,
        kind,
        target,
        confirmed: confirmed && address.confirmed ? 1 : 0,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['address_id', 'kind', 'target']).doNothing())
      .execute();
    const row = await this.#db
      .selectFrom('subscriptions')
      .selectAll()
      .where('address_id', '=', address.id)
      .where('kind', '=', kind)
      .where('target', '=', target)
      .executeTakeFirstOrThrow();
    return toSubscription(row);
  }

  /**
   * Queues the confirmation mail `build` makes unless one was queued for this address within
   * {@link CONFIRM_RESEND_MS}; the check and the queueing are one statement and one transaction,
   * so two instances cannot both send. Returns whether it queued.
   */
  async queueConfirmation(address: MailAddress, now: number, build: () => OutboxEntry): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('mail_addresses')
        .set({ confirm_sent_at: now })
        .where('id', '=', address.id)
        .where((eb) => eb.or([eb('confirm_sent_at', 'is', null), eb('confirm_sent_at', '<=', now - CONFIRM_RESEND_MS)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      await queueOutbox(trx, [build()], now);
      return true;
    });
  }

  /** Confirms the address and every subscription it has asked for so far. */
  async confirm(addressId: string, now: number): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('mail_addresses')
        .set({ confirmed_at: now })
        .where('id', '=', addressId)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      const found = await trx.selectFrom('mail_addresses').select('id').where('id', '=', addressId).executeTakeFirst();
      await trx.updateTable('subscriptions').set({ confirmed: 1 }).where('address_id', '=', addressId).execute();
      return Number(done.numUpdatedRows) > 0 || found !== undefined;
    });
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = await this.#db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSubscription(row);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Forgets the address and all its subscriptions (unsubscribe from everything on the site). */
  async deleteAddress(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('subscriptions').where('address_id', '=', id).execute();
      const r = await trx.deleteFrom('mail_addresses').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  /** Confirmed subscribers to replies to `parentId` (if any) and to the page's thread, one per address. */
  async recipients(siteId: string, parentId: string | null, pageKey: string): Promise<Recipient[]> {
    const rows = await this.#db
      .selectFrom('subscriptions')
      .innerJoin('mail_addresses', 'mail_addresses.id', 'subscriptions.address_id')
      .select(['subscriptions.id', 'subscriptions.kind', 'mail_addresses.email', 'mail_addresses.locale'])
      .where('subscriptions.site_id', '=', siteId)
      .where('subscriptions.confirmed', '=', 1)
      .where('mail_addresses.confirmed_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('subscriptions.kind', '=', 'thread'), eb('subscriptions.target', '=', pageKey)]),
          ...(parentId ? [eb.and([eb('subscriptions.kind', '=', 'replies'), eb('subscriptions.target', '=', parentId)])] : []),
        ]),
      )
      // Reply subscriptions first: a reader who follows both hears "a reply to you", not "a new comment".
      .orderBy(sql`case when subscriptions.kind = 'replies' then 0 else 1 end`)
      .orderBy('subscriptions.id')
      .execute();
    const seen = new Set<string>();
    const out: Recipient[] = [];
    for (const r of rows) {
      if (seen.has(r.email)) continue;
      seen.add(r.email);
      out.push({ subscriptionId: r.id, kind: r.kind as SubscriptionKind, email: r.email, locale: r.locale });
    }
    return out;
  }

  /** A site's subscriptions for the admin console, newest first; e-mail addresses masked. */
  async listSubscriptions(siteId: string, limit: number): Promise<(Subscription & { email: string })[]> {
    const rows = await this.#db
      .selectFrom('subscriptions')
      .innerJoin('mail_addresses', 'mail_addresses.id', 'subscriptions.address_id')
      .selectAll('subscriptions')
      .select('mail_addresses.email')
      .where('subscriptions.site_id', '=', siteId)
      .orderBy('subscriptions.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...toSubscription(r), email: r.email }));
  }

  // --- moderation from a mail link ---

  /** Whether the comment's reply and thread mails went out already (see `announced-migration.ts`). */
  async announced(commentId: string): Promise<boolean> {
    const row = await this.#db.selectFrom('comments').select('announced').where('id', '=', commentId).executeTakeFirst();
    return Number(row?.announced ?? 1) === 1;
  }

  /**
   * Moves a comment from `from` to `to` and queues `outbox` in the same transaction; false if it
   * was not in `from`. Moving to `approved` marks it announced.
   */
  async moveStatus(commentId: string, from: CommentStatus, to: string, outbox: OutboxEntry[], now: number): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('comments')
        .set(to === 'approved' ? { status: to, announced: 1 } : { status: to })
        .where('id', '=', commentId)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await queueOutbox(trx, outbox, now);
      return true;
    });
  }

  async queue(entries: OutboxEntry[], now: number): Promise<void> {
    await queueOutbox(this.#db, entries, now);
  }

  // --- the outbox worker ---

  /**
   * Takes up to `limit` due rows for `owner` until `now + leaseMs`. On PostgreSQL the candidate
   * rows are locked with FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint sets without
   * waiting; SQLite runs one writer at a time, so the UPDATE alone decides. Either way a row is
   * only taken while its lease is free or expired, and every later write checks the owner.
   */
  async claim(owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxItem[]> {
    const due = this.#db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_at')
      .orderBy('id')
      .limit(limit);
    const rows = await this.#db
      .updateTable('outbox')
      .set({ lease_owner: owner, lease_until: now + leaseMs })
      .where('id', 'in', this.dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    return rows
      .map((r) => ({
        id: Number(r.id),
        siteId: r.site_id,
        kind: r.kind as OutboxItem['kind'],
        payload: JSON.parse(r.payload) as unknown,
        attempts: Number(r.attempts),
        createdAt: Number(r.created_at),
      }))
      .sort((a, b) => a.id - b.id);
  }

  /** Records the outcome of one attempt; false if the lease was lost meanwhile (another worker owns the row). */
  async settle(
    id: number,
    owner: string,
    outcome: { status: 'sent' | 'failed' | 'dropped' | 'pending'; nextAt?: number; error?: string | null },
    now: number,
  ): Promise<boolean> {
    const r = await this.#db
      .updateTable('outbox')
      .set((eb) => ({
        status: outcome.status,
        attempts: eb('attempts', '+', 1),
        next_at: outcome.nextAt ?? now,
        last_error: outcome.error ?? null,
        lease_owner: null,
        lease_until: null,
        done_at: outcome.status === 'pending' ? null : now,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Rows by status (for tests, the admin console and `/readyz`-style checks). */
  async outboxCounts(): Promise<Record<string, number>> {
    const rows = await this.#db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  // --- webhooks ---

  async createWebhook(siteId: string, url: string, events: string[], now: number): Promise<Webhook> {
    const hook: Webhook = {
      id: newId(),
      siteId,
      url,
      events,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      active: true,
      createdAt: now,
    };
    await this.#db
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

  async listWebhooks(siteId: string): Promise<Webhook[]> {
    const rows = await this.#db.selectFrom('webhooks').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute();
    return rows.map(toWebhook);
  }

  async getWebhook(id: string): Promise<Webhook | undefined> {
    const row = await this.#db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  }

  /**
   * Removes a webhook and, in the same transaction, marks the calls still queued for it
   * `dropped`: they will never be sent, and `sent` would claim they were. A row a worker holds
   * right now is left to that worker, which finds the webhook gone and drops it itself (or, if
   * its request went out before, records what the receiver answered). False if there is none.
   */
  async deleteWebhook(siteId: string, id: string, now: number): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('webhooks').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      const target =
        this.dialect === 'postgres'
          ? sql<string>`(payload::jsonb ->> 'webhookId')`
          : sql<string>`json_extract(payload, '$.webhookId')`;
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

  async logDelivery(d: Omit<WebhookDelivery, 'id'>): Promise<void> {
    await this.#db
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

  async listDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      webhookId: r.webhook_id,
      outboxId: Number(r.outbox_id),
      event: r.event,
      attempt: Number(r.attempt),
      ok: Number(r.ok) === 1,
      httpStatus: r.http_status === null ? null : Number(r.http_status),
      error: r.error,
      durationMs: Number(r.duration_ms),
      at: Number(r.at),
    }));
  }

  // --- flags kept in parley_meta (muted moderator addresses) ---

  async getFlag(key: string): Promise<boolean> {
    const row = await this.#db.selectFrom('parley_meta').select('value').where('key', '=', key).executeTakeFirst();
    return row !== undefined;
  }

  async setFlag(key: string): Promise<void> {
    await this.#db
      .insertInto('parley_meta')
      .values({ key, value: '1' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  // --- moderator digests ---

  /**
   * Held comments of a site that went to the queue after `since`, oldest first (for a digest):
   * posted held, or held again after an edit (`held_at`). An edit of a comment already held
   * does not move it, so each is listed once.
   */
  async pendingSince(siteId: string, since: number, limit: number) {
    const heldAt = sql<number>`coalesce(comments.held_at, comments.created_at)`;
    return this.#db
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .select([
        'comments.id',
        'comments.author_name',
        'comments.body',
        'comments.created_at',
        'pages.key',
        'pages.url',
        'pages.title',
      ])
      .where('pages.site_id', '=', siteId)
      .where('comments.status', '=', 'pending')
      .where(heldAt, '>', since)
      .orderBy(heldAt)
      .orderBy('comments.id')
      .limit(limit)
      .execute();
  }

  /**
   * Moves a site's digest mark from `previous` to `next` and queues `outbox` with it, in one
   * transaction; only the instance whose compare-and-set succeeds queues, so a digest goes out once.
   */
  async advanceDigest(siteId: string, previous: number | undefined, next: number, outbox: OutboxEntry[]): Promise<boolean> {
    const key = `digest:${siteId}`;
    return this.#db.transaction().execute(async (trx) => {
      const moved =
        previous === undefined
          ? await trx
              .insertInto('parley_meta')
              .values({ key, value: String(next) })
              .onConflict((oc) => oc.column('key').doNothing())
              .executeTakeFirst()
          : await trx
              .updateTable('parley_meta')
              .set({ value: String(next) })
              .where('key', '=', key)
              .where('value', '=', String(previous))
              .executeTakeFirst();
      const n = 'numUpdatedRows' in moved ? Number(moved.numUpdatedRows) : Number(moved.numInsertedOrUpdatedRows ?? 0);
      if (n === 0) return false;
      await queueOutbox(trx, outbox, next);
      return true;
    });
  }

  async digestMark(siteId: string): Promise<number | undefined> {
    const row = await this.#db.selectFrom('parley_meta').select('value').where('key', '=', `digest:${siteId}`).executeTakeFirst();
    return row ? Number(row.value) : undefined;
  }
}

/** The notification storage over the same database as `storage` (a {@link KyselyStorage}). */
export function notifyStorageOf(storage: Storage): NotifyStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('notifications need the Kysely storage');
  return new NotifyStorage(storage.db, storage.dialect);
}

function newId(): string {
  return randomBytes(12).toString('base64url');
}

function toAddress(row: Selectable<MailAddressTable>): MailAddress {
  return { id: row.id, siteId: row.site_id, email: row.email, locale: row.locale, confirmed: row.confirmed_at !== null };
}

function toSubscription(row: Selectable<SubscriptionTable>): Subscription {
  return {
    id: row.id,
    siteId: row.site_id,
    addressId: row.address_id,
    kind: row.kind as SubscriptionKind,
    target: row.target,
    confirmed: Number(row.confirmed) === 1,
    createdAt: Number(row.created_at),
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
