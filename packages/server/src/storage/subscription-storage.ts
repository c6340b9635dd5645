import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { MailAddressTable, NotifyDatabase, SubscriptionTable } from './notify-tables.js';
import { queueOutbox } from './outbox-queue.js';
import type { OutboxEntry } from './types.js';

// `mail_addresses` and `subscriptions`: readers' addresses and what they follow. `NotifyStorage`
// (notify-storage.ts) is the interface callers use; these are its queries on the two tables.

/** A confirmation mail is queued at most this often per address, so a form cannot be used to flood a mailbox. */
export const CONFIRM_RESEND_MS = 60 * 60 * 1000;

/** `replies` to one comment, or every comment of a `thread` (page). */
export type SubscriptionKind = 'replies' | 'thread';

/** One reader's address on one site. */
export interface MailAddress {
  id: string;
  siteId: string;
  email: string;
  locale: string;
  confirmed: boolean;
}

/** One thing an address follows; mailed only once `confirmed`. */
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

type Db = Kysely<NotifyDatabase>;

/** The address row of `email` on the site, created (unconfirmed) on first use. */
export async function upsertAddress(db: Db, siteId: string, email: string, locale: string, now: number): Promise<MailAddress> {
  await db
    .insertInto('mail_addresses')
    .values({ id: newId(), site_id: siteId, email, locale, confirmed_at: null, confirm_sent_at: null, created_at: now })
    .onConflict((oc) => oc.columns(['site_id', 'email']).doUpdateSet({ locale }))
    .execute();
  const row = await db
    .selectFrom('mail_addresses')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return toAddress(row);
}

/** One address by id. */
export async function getAddress(db: Db, id: string): Promise<MailAddress | undefined> {
  const row = await db.selectFrom('mail_addresses').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAddress(row);
}

/** Adds a subscription (or finds the same one); it starts confirmed only if asked and the address is confirmed. */
export async function subscribe(
  db: Db,
  address: MailAddress,
  kind: SubscriptionKind,
  target: string,
  confirmed: boolean,
  now: number,
): Promise<Subscription> {
  await db
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
  const row = await db
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
export async function queueConfirmation(db: Db, address: MailAddress, now: number, build: () => OutboxEntry): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
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
export async function confirmAddress(db: Db, addressId: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
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

/** One subscription by id. */
export async function getSubscription(db: Db, id: string): Promise<Subscription | undefined> {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSubscription(row);
}

/** Removes one subscription; false if there was none. */
export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Forgets the address and all its subscriptions (unsubscribe from everything on the site). */
export async function deleteAddress(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('subscriptions').where('address_id', '=', id).execute();
    const r = await trx.deleteFrom('mail_addresses').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

/** Confirmed subscribers to replies to `parentId` (if any) and to the page's thread, one per address. */
export async function recipients(db: Db, siteId: string, parentId: string | null, pageKey: string): Promise<Recipient[]> {
  const rows = await db
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

/** A random id for an address, subscription or webhook. */
export function newId(): string {
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
