import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentInContext, CommentRecord, NewComment, OutboxEntry, Site, Storage } from '../../storage/types.js';
import type { AuditWriter } from '../actor.js';
import { recordOf } from '../comment-input.js';
import type { CommentHooks, NewCommentInput } from '../comment-types.js';
import { MailPlanner, type PageInfo } from './mail-planner.js';
import { mailLocale } from './mail-terms.js';
import { queueDigests } from './moderator-digests.js';
import { ModeratorLinks, type PageChanged } from './moderator-links.js';
import type { NotifyConfig } from './notify-config.js';
import { Subscriptions } from './subscriptions.js';
import { type WebhookEvent, webhookEntries } from './webhook-events.js';

// Callers import the configuration and the follow limit from here, as before the split.
export type { NotifyConfig } from './notify-config.js';
export { FOLLOW_RATE } from './subscriptions.js';

/**
 * Reply notifications, thread subscriptions, moderator mails and webhooks. As {@link CommentHooks}
 * it plans what a new, edited or deleted comment should send; the plan is written to the outbox in
 * the same transaction as the comment. It also serves the signed links in the mails. The mails
 * themselves are `MailPlanner`'s (`mail-planner.ts`), readers' subscriptions `Subscriptions`'
 * (`subscriptions.ts`), the moderation links `ModeratorLinks`' (`moderator-links.ts`) and the
 * digests `queueDigests`' (`moderator-digests.ts`).
 */
export class NotifyService implements CommentHooks {
  readonly config: NotifyConfig;
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #now: () => number;
  readonly #mails: MailPlanner;
  readonly #subscriptions: Subscriptions;
  readonly #links: ModeratorLinks;

  /**
   * `audit` records what moderation links decide, as the console's decisions are recorded;
   * `onChange` hears of the pages they change, as the console's `ModerationService` tells the listing.
   */
  constructor(
    storage: Storage,
    notify: NotifyStorage,
    config: NotifyConfig,
    now: () => number,
    audit: AuditWriter,
    onChange?: PageChanged,
  ) {
    this.#storage = storage;
    this.#notify = notify;
    this.config = config;
    this.#now = now;
    this.#mails = new MailPlanner(storage, notify, config, now);
    this.#subscriptions = new Subscriptions(storage, notify, config, this.#mails, now);
    this.#links = new ModeratorLinks(storage, notify, this.#mails, this, audit, now, onChange);
  }

  // --- CommentHooks ---

  async created(site: Site, c: NewComment): Promise<OutboxEntry[]> {
    const record = recordOf(c);
    // Read only when something is sent: most sites have no webhooks, and then a comment costs one query more.
    const pageInfo = this.#pageReader(site.id, c.page);
    const out = await webhookEntries(this.#notify, site, 'comment.created', record, pageInfo, c.createdAt);
    // A held post is `comment.created` (status pending) and `comment.held` both, so a subscriber to held alone learns of it.
    if (c.status === 'pending')
      out.push(...(await webhookEntries(this.#notify, site, 'comment.held', record, pageInfo, c.createdAt)));
    if (!this.config.mail) return out;
    if (c.status === 'approved') out.push(...(await this.#mails.fanOut(site, record, await pageInfo())));
    else if (c.status === 'pending' && this.config.moderatorMail === 'each') {
      out.push(...(await this.#mails.moderatorMails(site, [{ record, page: await pageInfo() }])));
    }
    return out;
  }

  async afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void> {
    if (!this.config.mail || !input.notify || !comment.authorEmail) return;
    const address = await this.#notify.address(site.id, comment.authorEmail, mailLocale(input.locale), this.#now());
    await this.#notify.subscribe(address, 'replies', comment.id, true, this.#now());
    if (!address.confirmed) await this.#mails.askConfirmation(site, address);
  }

  /**
   * `comment.updated`; and when the edit held a published comment, `comment.held` and the
   * moderator mail a held post gets.
   */
  async updated(site: Site, comment: CommentInContext, held = false): Promise<OutboxEntry[]> {
    const out = await this.#event(site, 'comment.updated', comment);
    if (held) out.push(...(await this.#held(site, comment)));
    return out;
  }

  /**
   * A comment readers' flags sent back to the queue: `comment.held` and the moderator mail a held
   * post gets (once; see `CommentHooks`).
   */
  flagHeld(site: Site, comment: CommentInContext): Promise<OutboxEntry[]> {
    return this.#held(site, comment);
  }

  async deleted(site: Site, comment: CommentInContext): Promise<OutboxEntry[]> {
    return this.#event(site, 'comment.deleted', { ...comment, status: 'deleted' });
  }

  /**
   * What approving a held comment sends: `comment.approved`, and the reply and thread mails it had
   * held back unless `mails` is false (it was published before, so they went out then).
   */
  async approved(site: Site, comment: CommentInContext, mails = true): Promise<OutboxEntry[]> {
    const approved = { ...comment, status: 'approved' as const };
    const page = await this.#mails.pageInfo(site.id, { key: comment.pageKey, url: '', title: '' });
    const out = await webhookEntries(this.#notify, site, 'comment.approved', approved, async () => page, this.#now());
    if (this.config.mail && mails) out.push(...(await this.#mails.fanOut(site, approved, page)));
    return out;
  }

  async rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]> {
    return this.#event(site, 'comment.rejected', comment);
  }

  // --- subscriptions (see `Subscriptions`) ---

  /** "Follow this discussion" with double opt-in (see `Subscriptions.followThread`). */
  followThread(site: Site, pageKey: string, email: string, locale: string | undefined, ip: string | undefined): Promise<void> {
    return this.#subscriptions.followThread(site, pageKey, email, locale, ip);
  }

  /** Confirms an address (and its subscriptions) from the link in the confirmation mail. */
  confirm(token: string): Promise<void> {
    return this.#subscriptions.confirm(token);
  }

  /** One-click unsubscribe: a subscription (`unsub`), every mail to an address (`forget`), or a moderator (`mute`). */
  unsubscribe(token: string): Promise<void> {
    return this.#subscriptions.unsubscribe(token);
  }

  /**
   * The stored language (when known) and site name of the reader a confirm or unsubscribe link was
   * mailed to (see `Subscriptions.reader`).
   */
  reader(token: string): Promise<{ locale: string | undefined; siteName: string } | undefined> {
    return this.#subscriptions.reader(token);
  }

  // --- moderators (see `ModeratorLinks`, `queueDigests`) ---

  /** The held comment a moderation link points at (see `ModeratorLinks.heldComment`). */
  heldComment(action: 'approve' | 'reject', token: string): Promise<CommentInContext> {
    return this.#links.heldComment(action, token);
  }

  /** The stored console language of the moderator a moderation link was mailed to (see `ModeratorLinks.moderatorLocale`). */
  moderatorLocale(action: 'approve' | 'reject', token: string): Promise<string | undefined> {
    return this.#links.moderatorLocale(action, token);
  }

  /** The held comment of a moderation link with the name of its page (see `ModeratorLinks.heldForPage`). */
  heldForPage(action: 'approve' | 'reject', token: string): Promise<{ comment: CommentInContext; pageName: string }> {
    return this.#links.heldForPage(action, token);
  }

  /**
   * Approves or rejects from a signed mail link as the account it names (see `ModeratorLinks`), at
   * the version shown if given, and records it in the audit log.
   */
  moderate(action: 'approve' | 'reject', token: string, version?: string): Promise<CommentInContext> {
    return this.#links.moderate(action, token, version);
  }

  /** Queues digests of held comments for sites whose digest is due (see `queueDigests`); the outbox worker calls this each run. */
  queueDigests(): Promise<void> {
    return queueDigests(this.#storage, this.#notify, this.config, this.#mails, this.#now);
  }

  /**
   * What a published comment sent back to the queue sends: `comment.held`, and the moderators' mail.
   * Both may need the page; it is read once, and only when one of them does.
   */
  async #held(site: Site, comment: CommentInContext): Promise<OutboxEntry[]> {
    const page = this.#pageReader(site.id, { key: comment.pageKey, url: '', title: '' });
    return [...(await this.#event(site, 'comment.held', comment, page)), ...(await this.#heldMail(site, comment, page))];
  }

  /** In the one-mail-per-comment mode, the moderators' mail about one comment that went to the queue. */
  async #heldMail(site: Site, comment: CommentInContext, page: () => Promise<PageInfo>): Promise<OutboxEntry[]> {
    if (!this.config.mail || this.config.moderatorMail !== 'each') return [];
    return this.#mails.moderatorMails(site, [{ record: comment, page: await page() }]);
  }

  async #event(
    site: Site,
    event: WebhookEvent,
    comment: CommentInContext,
    page = this.#pageReader(site.id, { key: comment.pageKey, url: '', title: '' }),
  ): Promise<OutboxEntry[]> {
    return webhookEntries(this.#notify, site, event, comment, page, this.#now());
  }

  /** Reads a comment's page on first use and keeps it, so the webhooks and mails of one change share one read. */
  #pageReader(siteId: string, fallback: PageInfo): () => Promise<PageInfo> {
    let page: PageInfo | undefined;
    return async () => {
      page ??= await this.#mails.pageInfo(siteId, fallback);
      return page;
    };
  }
}
