import { createHash } from 'node:crypto';
import type { MailAddress, NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentInContext, CommentRecord, NewComment, OutboxEntry, Site, Storage } from '../../storage/types.js';
import { recordOf } from '../comment-input.js';
import type { CommentHooks, NewCommentInput } from '../comment-types.js';
import { prefixHash } from '../identity.js';
import { Problem } from '../problem.js';
import { enforceRate, type RateWindow } from '../rate-limit.js';
import { cleanLine, isEmail } from '../text.js';
import { type LinkPurpose, LinkSigner } from './links.js';
import type { MailMessage } from './mail-message.js';
import { commentMail, confirmMail, type HeldComment, type MailPage, moderationMail } from './mail-templates.js';
import { mailLocale } from './mail-terms.js';
import { type WebhookEvent, webhookEntries } from './webhook-events.js';

/** How notifications behave; read from the environment by `config.ts`. */
export interface NotifyConfig {
  /** Base of every link in a mail (PARLEY_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** False when no SMTP server is configured: then no mail is queued at all (webhooks still are). */
  mail: boolean;
  /** The sender (PARLEY_MAIL_FROM), used for Message-IDs. */
  from: string;
  /** Addresses told about held comments (PARLEY_MODERATOR_EMAILS). */
  moderators: string[];
  /** One mail per held comment, a digest every `digestMinutes`, or none. */
  moderatorMail: 'each' | 'digest' | 'off';
  digestMinutes: number;
  /** How long approve/reject links work. */
  linkHours: number;
}

/**
 * Follow requests per IP prefix (/24, /48) and site. Each may queue a confirmation mail to any
 * address, so the form must not become a way to send mail in bulk; a reader follows a few
 * discussions, not dozens a minute.
 */
export const FOLLOW_RATE: RateWindow[] = [
  { limit: 5, spanMs: 60_000 },
  { limit: 20, spanMs: 3_600_000 },
];

/** Confirmation links work this long; the address can ask again afterwards. */
const CONFIRM_DAYS = 7;

/** A comment's page as mails and webhooks show it. */
interface PageInfo {
  key: string;
  url: string;
  title: string;
}

/**
 * Reply notifications, thread subscriptions, moderator mails and webhooks. As {@link CommentHooks}
 * it plans what a new, edited or deleted comment should send; the plan is written to the outbox in
 * the same transaction as the comment. It also serves the signed links in the mails.
 */
export class NotifyService implements CommentHooks {
  readonly config: NotifyConfig;
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #now: () => number;
  #signer: LinkSigner | undefined;

  constructor(storage: Storage, notify: NotifyStorage, config: NotifyConfig, now: () => number = Date.now) {
    this.#storage = storage;
    this.#notify = notify;
    this.config = config;
    this.#now = now;
  }

  // --- CommentHooks ---

  async created(site: Site, c: NewComment): Promise<OutboxEntry[]> {
    const record = recordOf(c);
    // Read only when something is sent: most sites have no webhooks, and then a comment costs one query more.
    let page: PageInfo | undefined;
    const pageInfo = async () => {
      page ??= await this.#pageInfo(site.id, c.page);
      return page;
    };
    const out = await webhookEntries(this.#notify, site, 'comment.created', record, pageInfo, c.createdAt);
    if (!this.config.mail) return out;
    if (c.status === 'approved') out.push(...(await this.#fanOut(site, record, await pageInfo())));
    else if (c.status === 'pending' && this.config.moderatorMail === 'each') {
      out.push(...(await this.#moderatorMails(site, [{ record, page: await pageInfo() }])));
    }
    return out;
  }

  async afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void> {
    if (!this.config.mail || !input.notify || !comment.authorEmail) return;
    const address = await this.#notify.address(site.id, comment.authorEmail, mailLocale(input.locale), this.#now());
    await this.#notify.subscribe(address, 'replies', comment.id, true, this.#now());
    if (!address.confirmed) await this.#askConfirmation(site, address);
  }

  /** `comment.updated`; and when the edit held a published comment, the moderator mail a held post gets. */
  async updated(site: Site, comment: CommentInContext, held = false): Promise<OutboxEntry[]> {
    const out = await this.#event(site, 'comment.updated', comment);
    if (held && this.config.mail && this.config.moderatorMail === 'each') {
      const page = await this.#pageInfo(site.id, { key: comment.pageKey, url: '', title: '' });
      out.push(...(await this.#moderatorMails(site, [{ record: comment, page }])));
    }
    return out;
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
    const page = await this.#pageInfo(site.id, { key: comment.pageKey, url: '', title: '' });
    const out = await webhookEntries(this.#notify, site, 'comment.approved', approved, async () => page, this.#now());
    if (this.config.mail && mails) out.push(...(await this.#fanOut(site, approved, page)));
    return out;
  }

  async rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]> {
    return this.#event(site, 'comment.rejected', comment);
  }

  // --- subscriptions (no account, no cookie) ---

  /**
   * "Follow this discussion": a thread subscription that starts unconfirmed and is confirmed by the
   * link mailed to the address (double opt-in). The answer never tells whether the address was known.
   */
  async followThread(
    site: Site,
    pageKey: string,
    rawEmail: string,
    locale: string | undefined,
    ip: string | undefined,
  ): Promise<void> {
    if (!this.config.mail) throw new Problem(503, 'unavailable', 'E-mail notifications are not set up on this server');
    // Counted before the address is checked, so that malformed floods are limited too.
    const subject = prefixHash(await this.#storage.secret(), 'follow', ip);
    if (subject) {
      await enforceRate(
        this.#storage,
        site.id,
        subject,
        FOLLOW_RATE,
        this.#now(),
        'Too many follow requests; please wait a moment',
      );
    }
    const email = cleanLine(rawEmail).toLowerCase();
    if (!isEmail(email))
      throw new Problem(422, 'invalid-fields', 'email: is not a valid e-mail address', {
        errors: [{ path: 'email', message: 'is not a valid e-mail address' }],
      });
    const key = cleanLine(pageKey);
    const address = await this.#notify.address(site.id, email, mailLocale(locale), this.#now());
    const sub = await this.#notify.subscribe(address, 'thread', key, false, this.#now());
    if (!sub.confirmed) await this.#askConfirmation(site, address);
  }

  /** Confirms an address (and its subscriptions) from the link in the confirmation mail. */
  async confirm(token: string): Promise<void> {
    const id = await this.#verify('confirm', token);
    if (!(await this.#notify.confirm(id, this.#now()))) throw linkGone();
  }

  /** One-click unsubscribe: a subscription (`unsub`), every mail to an address (`forget`), or a moderator (`mute`). */
  async unsubscribe(token: string): Promise<void> {
    const signer = await this.#signerOf();
    const now = this.#now();
    const sub = signer.verify('unsub', token, now);
    if (sub !== undefined) return void (await this.#notify.deleteSubscription(sub));
    const address = signer.verify('forget', token, now);
    if (address !== undefined) return void (await this.#notify.deleteAddress(address));
    const mute = signer.verify('mute', token, now);
    if (mute !== undefined) return this.#notify.setFlag(`mute:${mute}`);
    throw linkGone();
  }

  /** The held comment a moderation link points at (for the confirm page); 404 once it is no longer held. */
  async heldComment(action: 'approve' | 'reject', token: string): Promise<CommentInContext> {
    const id = await this.#verify(action, token);
    const comment = await this.#storage.getComment(id);
    if (comment?.status !== 'pending')
      throw new Problem(404, 'comment-not-found', 'This comment is no longer waiting for moderation');
    return comment;
  }

  /** Approves or rejects from a signed mail link, with its notifications in the same transaction. */
  async moderate(action: 'approve' | 'reject', token: string): Promise<CommentInContext> {
    const comment = await this.heldComment(action, token);
    const site = await this.#storage.getSite(comment.siteId);
    if (!site) throw linkGone();
    const outbox =
      action === 'approve'
        ? await this.approved(site, comment, !(await this.#notify.announced(comment.id)))
        : await this.rejected(site, comment);
    const to = action === 'approve' ? 'approved' : 'rejected';
    if (!(await this.#notify.moveStatus(comment.id, 'pending', to, outbox, this.#now()))) {
      throw new Problem(404, 'comment-not-found', 'This comment is no longer waiting for moderation');
    }
    return comment;
  }

  /** Queues digests of held comments for sites whose digest is due (the outbox worker calls this each run). */
  async queueDigests(): Promise<void> {
    if (!this.config.mail || this.config.moderatorMail !== 'digest' || this.config.moderators.length === 0) return;
    const now = this.#now();
    for (const site of await this.#storage.listSites()) {
      const mark = await this.#notify.digestMark(site.id);
      if (mark !== undefined && now - mark < this.config.digestMinutes * 60_000) continue;
      const rows = await this.#notify.pendingSince(site.id, mark ?? 0, 100);
      const held = rows.map((r) => ({
        record: { id: r.id, authorName: r.author_name, body: r.body } as CommentRecord,
        page: { key: r.key, url: r.url, title: r.title },
      }));
      const mails = held.length ? await this.#moderatorMails(site, held) : [];
      await this.#notify.advanceDigest(site.id, mark, now, mails);
    }
  }

  // --- private ---

  async #event(site: Site, event: WebhookEvent, comment: CommentInContext): Promise<OutboxEntry[]> {
    const page = () => this.#pageInfo(site.id, { key: comment.pageKey, url: '', title: '' });
    return webhookEntries(this.#notify, site, event, comment, page, this.#now());
  }

  /** Mails to every confirmed subscriber of the comment's parent or page, except its own author. */
  async #fanOut(site: Site, c: CommentRecord, page: PageInfo): Promise<OutboxEntry[]> {
    const recipients = await this.#notify.recipients(site.id, c.parentId, page.key);
    const signer = await this.#signerOf();
    const mailPage = this.#mailPage(site, page);
    return recipients
      .filter((r) => r.email !== c.authorEmail)
      .map((r) =>
        this.#mail(
          site,
          commentMail({
            from: this.config.from,
            to: r.email,
            unsubscribeUrl: this.#link('unsubscribe', signer.sign('unsub', r.subscriptionId)),
            kind: r.kind,
            locale: r.locale,
            page: mailPage,
            authorName: c.authorName,
            body: c.body,
            commentId: c.id,
          }),
        ),
      );
  }

  async #moderatorMails(site: Site, held: { record: CommentRecord; page: PageInfo }[]): Promise<OutboxEntry[]> {
    const signer = await this.#signerOf();
    const expires = this.#now() + this.config.linkHours * 3_600_000;
    const items: HeldComment[] = held.map(({ record, page }) => ({
      page: this.#mailPage(site, page),
      authorName: record.authorName,
      body: record.body,
      approveUrl: this.#link('moderate', signer.sign('approve', record.id, expires), 'approve'),
      rejectUrl: this.#link('moderate', signer.sign('reject', record.id, expires), 'reject'),
    }));
    const out: OutboxEntry[] = [];
    for (const to of this.config.moderators) {
      const mute = `${site.id}:${createHash('sha256').update(to).digest('hex').slice(0, 32)}`;
      if (await this.#notify.getFlag(`mute:${mute}`)) continue;
      const unsubscribeUrl = this.#link('unsubscribe', signer.sign('mute', mute));
      out.push(
        this.#mail(
          site,
          moderationMail({
            from: this.config.from,
            to,
            unsubscribeUrl,
            siteName: site.name,
            held: items,
            hours: this.config.linkHours,
          }),
        ),
      );
    }
    return out;
  }

  async #askConfirmation(site: Site, address: MailAddress): Promise<void> {
    const signer = await this.#signerOf();
    const now = this.#now();
    await this.#notify.queueConfirmation(address, now, () =>
      this.#mail(
        site,
        confirmMail({
          from: this.config.from,
          to: address.email,
          unsubscribeUrl: this.#link('unsubscribe', signer.sign('forget', address.id)),
          locale: address.locale,
          siteName: site.name,
          confirmUrl: this.#link('confirm', signer.sign('confirm', address.id, now + CONFIRM_DAYS * 86_400_000)),
        }),
      ),
    );
  }

  #mail(site: Site, message: MailMessage): OutboxEntry {
    return { siteId: site.id, kind: 'mail', payload: message };
  }

  #link(path: 'confirm' | 'unsubscribe' | 'moderate', token: string, action?: string): string {
    return `${this.config.publicUrl}/notify/${path}?${action ? `action=${action}&` : ''}t=${encodeURIComponent(token)}`;
  }

  /** The page as mails show it: its URL only when it lies on one of the site's origins (a first commenter chose it). */
  #mailPage(site: Site, page: PageInfo): MailPage {
    let url: string | null = null;
    try {
      if (page.url && site.origins.includes(new URL(page.url).origin)) url = page.url;
    } catch {
      url = null;
    }
    return { key: page.key, title: page.title, url };
  }

  async #pageInfo(siteId: string, fallback: PageInfo): Promise<PageInfo> {
    const page = await this.#storage.getPage(siteId, fallback.key);
    return page ? { key: page.key, url: page.url, title: page.title } : fallback;
  }

  async #signerOf(): Promise<LinkSigner> {
    this.#signer ??= new LinkSigner(await this.#storage.secret());
    return this.#signer;
  }

  async #verify(purpose: LinkPurpose, token: string): Promise<string> {
    const data = (await this.#signerOf()).verify(purpose, token, this.#now());
    if (data === undefined) throw linkGone();
    return data;
  }
}

function linkGone(): Problem {
  return new Problem(404, 'link-invalid', 'This link is not valid or has expired');
}
