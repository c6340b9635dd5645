import { createHash } from 'node:crypto';
import type { MailAddress, NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentRecord, OutboxEntry, Site, Storage } from '../../storage/types.js';
import { canModerate } from '../actor.js';
import { Problem } from '../problem.js';
import { urlOnSite } from '../sites.js';
import { type LinkPurpose, LinkSigner } from './links.js';
import type { MailMessage } from './mail-message.js';
import { commentMail, confirmMail, type HeldComment, type MailPage, moderationMail } from './mail-templates.js';
import type { NotifyConfig } from './notify-config.js';

/** Confirmation links work this long; the address can ask again afterwards. */
const CONFIRM_DAYS = 7;

/** A comment's page as mails and webhooks show it. */
export interface PageInfo {
  key: string;
  url: string;
  title: string;
}

/** A held comment with its page, as a moderator mail lists it. */
export interface HeldItem {
  record: CommentRecord;
  page: PageInfo;
}

/**
 * The signed data of a moderator's link: what it acts on, and the id of the administrator account
 * the mail went to when its address has one, so the page behind it speaks that account's language.
 * For approve and reject links the data is the comment's id; for the mute (unsubscribe) link it is
 * `site:hash of the address` (the flag it sets). Neither holds a space, so the first space ends it.
 * Never an e-mail address. Links signed before accounts were named carry the data alone, and still
 * read back.
 */
export function withAccount(data: string, adminId: string | undefined): string {
  return adminId ? `${data} ${adminId}` : data;
}

/** Reads {@link withAccount}'s data back. */
export function readWithAccount(signed: string): { data: string; adminId: string | undefined } {
  const space = signed.indexOf(' ');
  return space < 0 ? { data: signed, adminId: undefined } : { data: signed.slice(0, space), adminId: signed.slice(space + 1) };
}

/** The answer to a mail link that is forged, expired, used up or meant for something else. */
export function linkGone(): Problem {
  return new Problem(404, 'link-invalid', 'This link is not valid or has expired');
}

/**
 * Turns what happened into mails for the outbox (`mail-templates.ts` writes them), each with
 * signed links (`links.ts`) under the public URL, and checks those links when they come back.
 */
export class MailPlanner {
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #config: NotifyConfig;
  readonly #now: () => number;
  #signer: LinkSigner | undefined;

  constructor(storage: Storage, notify: NotifyStorage, config: NotifyConfig, now: () => number) {
    this.#storage = storage;
    this.#notify = notify;
    this.#config = config;
    this.#now = now;
  }

  /** Mails to every confirmed subscriber of the comment's parent or page, except its own author. */
  async fanOut(site: Site, c: CommentRecord, page: PageInfo): Promise<OutboxEntry[]> {
    const recipients = await this.#notify.recipients(site.id, c.parentId, page.key);
    const signer = await this.signer();
    const mailPage = this.#mailPage(site, page);
    return recipients
      .filter((r) => r.email !== c.authorEmail)
      .map((r) =>
        this.#mail(
          site,
          commentMail({
            from: this.#config.from,
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

  /**
   * One mail per moderator (unless muted) listing `held`, each with approve and reject links, in
   * the moderator's console language when the address has an administrator account that sent one
   * (English otherwise). An address whose account may not moderate the site gets none: the mail
   * shows the comments and its links act on them. Links made for an account name it
   * ({@link withAccount}), so the pages behind them speak the same language and act as that
   * account; each recipient therefore gets their own links. A plain address (no account) gets
   * every site's: the operator listed it in `PARLEY_MODERATOR_EMAILS`.
   */
  async moderatorMails(site: Site, held: HeldItem[]): Promise<OutboxEntry[]> {
    const signer = await this.signer();
    const expires = this.#now() + this.#config.linkHours * 3_600_000;
    const accounts = await this.#notify.moderatorAccounts(this.#config.moderators.map((m) => m.toLowerCase()));
    const out: OutboxEntry[] = [];
    for (const to of this.#config.moderators) {
      const account = accounts.get(to.toLowerCase());
      if (account && !canModerate(account, site.id)) continue;
      const mute = `${site.id}:${createHash('sha256').update(to).digest('hex').slice(0, 32)}`;
      if (await this.#notify.getFlag(`mute:${mute}`)) continue;
      const items: HeldComment[] = held.map(({ record, page }) => {
        const data = withAccount(record.id, account?.id);
        return {
          page: this.#mailPage(site, page),
          authorName: record.authorName,
          body: record.body,
          approveUrl: this.#link('moderate', signer.sign('approve', data, expires), 'approve'),
          rejectUrl: this.#link('moderate', signer.sign('reject', data, expires), 'reject'),
        };
      });
      const unsubscribeUrl = this.#link('unsubscribe', signer.sign('mute', withAccount(mute, account?.id)));
      out.push(
        this.#mail(
          site,
          moderationMail({
            from: this.#config.from,
            to,
            unsubscribeUrl,
            locale: account?.locale,
            siteName: site.name,
            held: items,
            hours: this.#config.linkHours,
          }),
        ),
      );
    }
    return out;
  }

  /** Queues the double opt-in mail for an unconfirmed address (at most one per resend period). */
  async askConfirmation(site: Site, address: MailAddress): Promise<void> {
    const signer = await this.signer();
    const now = this.#now();
    await this.#notify.queueConfirmation(address, now, () =>
      this.#mail(
        site,
        confirmMail({
          from: this.#config.from,
          to: address.email,
          unsubscribeUrl: this.#link('unsubscribe', signer.sign('forget', address.id)),
          locale: address.locale,
          siteName: site.name,
          confirmUrl: this.#link('confirm', signer.sign('confirm', address.id, now + CONFIRM_DAYS * 86_400_000)),
        }),
      ),
    );
  }

  /** The page as stored, or `fallback` when it is gone. */
  async pageInfo(siteId: string, fallback: PageInfo): Promise<PageInfo> {
    const page = await this.#storage.getPage(siteId, fallback.key);
    return page ? { key: page.key, url: page.url, title: page.title } : fallback;
  }

  /** The link signer, keyed from the server secret every instance shares. */
  async signer(): Promise<LinkSigner> {
    this.#signer ??= new LinkSigner(await this.#storage.secret());
    return this.#signer;
  }

  /** The data of a valid token of `purpose`; {@link linkGone} otherwise. */
  async verify(purpose: LinkPurpose, token: string): Promise<string> {
    const data = (await this.signer()).verify(purpose, token, this.#now());
    if (data === undefined) throw linkGone();
    return data;
  }

  #mail(site: Site, message: MailMessage): OutboxEntry {
    return { siteId: site.id, kind: 'mail', payload: message };
  }

  #link(path: 'confirm' | 'unsubscribe' | 'moderate', token: string, action?: string): string {
    return `${this.#config.publicUrl}/notify/${path}?${action ? `action=${action}&` : ''}t=${encodeURIComponent(token)}`;
  }

  /** The page as mails show it: its URL only when it lies on one of the site's origins (a first commenter chose it). */
  #mailPage(site: Site, page: PageInfo): MailPage {
    return { key: page.key, title: page.title, url: urlOnSite(site, page.url) };
  }
}
