import type { DeliveryLogEntry, NotifyAdminStorage, SubscriptionRow } from '../../storage/notify-admin-storage.js';
import type { NotifyStorage, Webhook } from '../../storage/notify-storage.js';
import type { Storage } from '../../storage/types.js';
import { maskEmail } from '../bans.js';
import { type Actor, canModerate } from '../moderation.js';
import { Problem } from '../problem.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events.js';
import { checkWebhookUrl, type HostLookup } from './webhook-url.js';

/** Webhooks one site may have: each event is one request per webhook, so this bounds the fan-out. */
export const WEBHOOKS_PER_SITE = 20;

/** A webhook as the admin API shows it: never its secret. */
export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: number;
}

/** A subscription as the admin API shows it: the address masked (`j…@example.com`). */
export type SubscriptionView = SubscriptionRow;

export interface NotifyAdminOptions {
  /** PARLEY_WEBHOOK_ALLOW_PRIVATE: lets webhook URLs point at loopback and private networks. */
  allowPrivate: boolean;
  lookup?: HostLookup | undefined;
  now: () => number;
  audit: (actor: Actor, action: string, siteId: string, target: string, detail: Record<string, unknown>) => Promise<void>;
}

function view(h: Webhook): WebhookView {
  return { id: h.id, url: h.url, events: h.events, active: h.active, createdAt: h.createdAt };
}

/**
 * Webhooks and subscriptions as administrators manage them. Webhooks are for owners only: a
 * webhook copies every comment of the site to a URL of its choosing and makes the server open
 * connections, and a receiver URL (Slack, Discord, …) is often a credential in itself. Site
 * moderators may list and remove a site's subscriptions (readers ask them to), but only ever see
 * a masked address: enough to recognise a reader who writes in, useless for harvesting.
 */
export class NotifyAdmin {
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #admin: NotifyAdminStorage;
  readonly #o: NotifyAdminOptions;

  constructor(storage: Storage, notify: NotifyStorage, admin: NotifyAdminStorage, options: NotifyAdminOptions) {
    this.#storage = storage;
    this.#notify = notify;
    this.#admin = admin;
    this.#o = options;
  }

  async listWebhooks(actor: Actor, siteId: string): Promise<WebhookView[]> {
    await this.#ownerSite(actor, siteId);
    return (await this.#notify.listWebhooks(siteId)).map(view);
  }

  /** Adds a webhook; the answer is the one time its signing secret is shown. */
  async createWebhook(
    actor: Actor,
    siteId: string,
    input: { url: string; events: WebhookEvent[] },
  ): Promise<{ webhook: WebhookView; secret: string }> {
    await this.#ownerSite(actor, siteId);
    const url = await checkWebhookUrl(input.url, this.#o.allowPrivate, this.#o.lookup);
    if ((await this.#admin.countWebhooks(siteId)) >= WEBHOOKS_PER_SITE) {
      throw new Problem(409, 'webhook-limit-reached', `A site can have at most ${WEBHOOKS_PER_SITE} webhooks`);
    }
    // Stored in the fixed order of WEBHOOK_EVENTS, each once.
    const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e));
    const hook = await this.#notify.createWebhook(siteId, url, events, this.#o.now());
    await this.#o.audit(actor, 'webhook.create', siteId, hook.id, { url: auditedUrl(url), events });
    return { webhook: view(hook), secret: hook.secret };
  }

  async deleteWebhook(actor: Actor, siteId: string, id: string): Promise<void> {
    await this.#ownerSite(actor, siteId);
    const hook = await this.#notify.getWebhook(id);
    if (!hook || hook.siteId !== siteId || !(await this.#notify.deleteWebhook(siteId, id, this.#o.now()))) throw noWebhook(id);
    await this.#o.audit(actor, 'webhook.delete', siteId, id, { url: auditedUrl(hook.url) });
  }

  /** The newest attempts of one webhook (event, HTTP status, error, retry state); never a body or secret. */
  async deliveries(actor: Actor, siteId: string, id: string, limit: number): Promise<DeliveryLogEntry[]> {
    await this.#ownerSite(actor, siteId);
    const hook = await this.#notify.getWebhook(id);
    if (!hook || hook.siteId !== siteId) throw noWebhook(id);
    return this.#admin.deliveryLog(id, limit);
  }

  async subscriptions(
    actor: Actor,
    siteId: string,
    options: Parameters<NotifyAdminStorage['subscriptions']>[1],
  ): Promise<SubscriptionView[]> {
    await this.#visibleSite(actor, siteId);
    const rows = await this.#admin.subscriptions(siteId, options);
    return rows.map((r) => ({ ...r, email: maskEmail(r.email) }));
  }

  async deleteSubscription(actor: Actor, siteId: string, id: string): Promise<void> {
    await this.#visibleSite(actor, siteId);
    if (!(await this.#admin.deleteSubscription(siteId, id))) {
      throw new Problem(404, 'subscription-not-found', `No subscription "${id}"`);
    }
    await this.#o.audit(actor, 'subscription.delete', siteId, id, {});
  }

  async #visibleSite(actor: Actor, siteId: string): Promise<void> {
    if (!canModerate(actor, siteId) || !(await this.#storage.getSite(siteId))) {
      throw new Problem(404, 'site-not-found', `No site "${siteId}"`);
    }
  }

  async #ownerSite(actor: Actor, siteId: string): Promise<void> {
    await this.#visibleSite(actor, siteId);
    if (actor.role !== 'owner') throw new Problem(403, 'forbidden', 'Only owners may manage webhooks');
  }
}

function noWebhook(id: string): Problem {
  return new Problem(404, 'webhook-not-found', `No webhook "${id}"`);
}

/**
 * A webhook's address as the audit log keeps it: its origin only. Many receivers put their
 * credential in the path (Slack, Discord), and the audit log is read by the site's moderators,
 * who may not see webhooks themselves.
 */
function auditedUrl(url: string): string {
  return `${new URL(url).origin}/…`;
}
