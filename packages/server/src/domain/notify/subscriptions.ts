import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { Site, Storage } from '../../storage/types.js';
import { prefixHash } from '../identity.js';
import { Problem } from '../problem.js';
import { enforceRate, type RateWindow } from '../rate-limit.js';
import { cleanLine, isEmail } from '../text.js';
import { linkGone, type MailPlanner, readWithAccount } from './mail-planner.js';
import { mailLocale } from './mail-terms.js';
import type { NotifyConfig } from './notify-config.js';

/**
 * Follow requests per IP prefix (/24, /48) and site. Each may queue a confirmation mail to any
 * address, so the form must not become a way to send mail in bulk; a reader follows a few
 * discussions, not dozens a minute.
 */
export const FOLLOW_RATE: RateWindow[] = [
  { limit: 5, spanMs: 60_000 },
  { limit: 20, spanMs: 3_600_000 },
];

/** Readers' subscriptions (no account, no cookie): following a thread, confirming, unsubscribing. */
export class Subscriptions {
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #config: NotifyConfig;
  readonly #mails: MailPlanner;
  readonly #now: () => number;

  constructor(storage: Storage, notify: NotifyStorage, config: NotifyConfig, mails: MailPlanner, now: () => number) {
    this.#storage = storage;
    this.#notify = notify;
    this.#config = config;
    this.#mails = mails;
    this.#now = now;
  }

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
    if (!this.#config.mail) throw new Problem(503, 'unavailable', 'E-mail notifications are not set up on this server');
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
        errors: [{ path: 'email', message: 'is not a valid e-mail address', code: 'invalid-email' }],
      });
    const key = cleanLine(pageKey);
    const address = await this.#notify.address(site.id, email, mailLocale(locale), this.#now());
    const sub = await this.#notify.subscribe(address, 'thread', key, false, this.#now());
    if (!sub.confirmed) await this.#mails.askConfirmation(site, address);
  }

  /** Confirms an address (and its subscriptions) from the link in the confirmation mail. */
  async confirm(token: string): Promise<void> {
    const id = await this.#mails.verify('confirm', token);
    if (!(await this.#notify.confirm(id, this.#now()))) throw linkGone();
  }

  /**
   * The stored language and site of the reader a confirm or unsubscribe link was mailed to, so the
   * page it opens speaks the mail's language and names the site. For a moderator's `mute` link, the
   * site is the one the flag names and the language is the console language of the administrator
   * account the link names ({@link withAccount}); the locale is undefined when it names none or the
   * account never sent one (a `mute` link made before links named accounts), and the page then goes
   * by the browser's language. Undefined when the token names nothing (forged, expired, already
   * used). Read before acting, since unsubscribing deletes the record.
   */
  async reader(token: string): Promise<{ locale: string | undefined; siteName: string } | undefined> {
    const signer = await this.#mails.signer();
    const now = this.#now();
    const muted = signer.verify('mute', token, now);
    if (muted !== undefined) return this.#moderator(readWithAccount(muted));
    const sub = signer.verify('unsub', token, now);
    const addressId =
      sub !== undefined
        ? (await this.#notify.getSubscription(sub))?.addressId
        : (signer.verify('confirm', token, now) ?? signer.verify('forget', token, now));
    const address = addressId === undefined ? undefined : await this.#notify.getAddress(addressId);
    if (!address) return undefined;
    const site = await this.#storage.getSite(address.siteId);
    return { locale: address.locale, siteName: site?.name ?? '' };
  }

  /** One-click unsubscribe: a subscription (`unsub`), every mail to an address (`forget`), or a moderator (`mute`). */
  async unsubscribe(token: string): Promise<void> {
    const signer = await this.#mails.signer();
    const now = this.#now();
    const sub = signer.verify('unsub', token, now);
    if (sub !== undefined) return void (await this.#notify.deleteSubscription(sub));
    const address = signer.verify('forget', token, now);
    if (address !== undefined) return void (await this.#notify.deleteAddress(address));
    const muted = signer.verify('mute', token, now);
    if (muted !== undefined) return this.#notify.setFlag(`mute:${readWithAccount(muted).data}`);
    throw linkGone();
  }

  /**
   * The site a mute link's flag (`site:hash`) belongs to, with the console language of the moderator
   * it names, when there is one: the site is named on the page whether or not the language is known.
   */
  async #moderator({ data: mute, adminId }: { data: string; adminId: string | undefined }) {
    const locale = adminId ? await this.#notify.adminLocale(adminId) : undefined;
    const site = await this.#storage.getSite(mute.slice(0, mute.indexOf(':')));
    return { locale: locale || undefined, siteName: site?.name ?? '' };
  }
}
