/**
 * The signed moderation links of moderator mails: what a link points at (for the confirm page),
 * in which language to answer its moderator, and approving or rejecting from it. `NotifyService`
 * (`notifier.ts`) serves them through this class.
 */
import { type AdminStorage, adminStorageOf } from '../../storage/admin-storage.js';
import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentInContext, OutboxEntry, Site, Storage } from '../../storage/types.js';
import { type Actor, type AuditWriter, actorOf, canModerate, SYSTEM_ACTOR } from '../actor.js';
import { assertVersion, changedMeanwhile, versionOf } from '../comment-version.js';
import { Problem } from '../problem.js';
import { linkGone, type MailPlanner, readWithAccount } from './mail-planner.js';

/** What approving or rejecting a held comment sends (`NotifyService.approved` and `.rejected`). */
/** Told when a link changed a page, so this process forgets what it remembers of it (`listFreshMs`). */
export type PageChanged = (siteId: string, pageKey: string) => void;

export interface ModerationOutcomes {
  approved(site: Site, comment: CommentInContext, mails?: boolean): Promise<OutboxEntry[]>;
  rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

/**
 * Reads and acts on the signed approve and reject links of moderator mails. A link that names an
 * administrator account (`withAccount`) acts as that account, as it is now: one removed since, or
 * no longer allowed on the comment's site, makes the link as dead as a forged one. A link that
 * names none (a plain address of `PARLEY_MODERATOR_EMAILS`) acts as {@link SYSTEM_ACTOR}.
 */
export class ModeratorLinks {
  readonly #storage: Storage;
  readonly #accounts: AdminStorage;
  readonly #notify: NotifyStorage;
  readonly #mails: MailPlanner;
  readonly #hooks: ModerationOutcomes;
  readonly #audit: AuditWriter;
  readonly #now: () => number;
  readonly #onChange: PageChanged;

  constructor(
    storage: Storage,
    notify: NotifyStorage,
    mails: MailPlanner,
    hooks: ModerationOutcomes,
    audit: AuditWriter,
    now: () => number,
    onChange: PageChanged = () => undefined,
  ) {
    this.#storage = storage;
    this.#accounts = adminStorageOf(storage);
    this.#notify = notify;
    this.#mails = mails;
    this.#hooks = hooks;
    this.#audit = audit;
    this.#now = now;
    this.#onChange = onChange;
  }

  /** The held comment a moderation link points at (for the confirm page); 404 once it is no longer held. */
  async heldComment(action: 'approve' | 'reject', token: string): Promise<CommentInContext> {
    return (await this.#held(action, token)).comment;
  }

  /**
   * The stored console language of the moderator a moderation link was mailed to, when the link
   * names their account (see `withAccount`); undefined for a link that does not, or is not valid.
   */
  async moderatorLocale(action: 'approve' | 'reject', token: string): Promise<string | undefined> {
    const data = (await this.#mails.signer()).verify(action, token, this.#now());
    const adminId = data === undefined ? undefined : readWithAccount(data).adminId;
    return adminId ? this.#notify.adminLocale(adminId) : undefined;
  }

  /** The held comment of a moderation link with the title of its page (the key when it has none), for the confirm page. */
  async heldForPage(action: 'approve' | 'reject', token: string): Promise<{ comment: CommentInContext; pageName: string }> {
    const comment = await this.heldComment(action, token);
    const page = await this.#mails.pageInfo(comment.siteId, { key: comment.pageKey, url: '', title: '' });
    return { comment, pageName: page.title || page.key };
  }

  /**
   * Approves or rejects from a signed mail link, with its notifications in the same transaction.
   * `version` is the one the confirm page showed (`versionTag`): a comment changed since, or
   * between this read and the write, is 409 `conflict` (the page shows it again) and nothing is done.
   */
  async moderate(action: 'approve' | 'reject', token: string, version?: string): Promise<CommentInContext> {
    const { comment, actor } = await this.#held(action, token);
    assertVersion(comment, version);
    const site = await this.#storage.getSite(comment.siteId);
    if (!site) throw linkGone();
    const outbox =
      action === 'approve'
        ? await this.#hooks.approved(site, comment, !(await this.#notify.announced(comment.id)))
        : await this.#hooks.rejected(site, comment);
    const to = action === 'approve' ? 'approved' : 'rejected';
    // Conditional on the text too: an author's edit after the link was opened is not published unseen.
    if (!(await this.#notify.moveStatus(comment.id, versionOf(comment), to, outbox, this.#now()))) {
      // Still held: its author edited it in between. Otherwise another moderator decided first.
      if ((await this.#storage.getComment(comment.id))?.status === 'pending') throw changedMeanwhile();
      throw notHeld();
    }
    // As the console's decisions do: this process's remembered copy of the page is dropped at once.
    this.#onChange(comment.siteId, comment.pageKey);
    // As the console's decisions are (`ModerationService`), with where it was made.
    await this.#audit(actor, `comment.${action}`, comment.siteId, comment.id, {
      from: 'pending',
      page: comment.pageKey,
      via: 'mail-link',
    });
    return comment;
  }

  /**
   * The held comment of a valid link, and who acts through it. The account a link names is read
   * first, so a link of a removed account, or of one that may not moderate the comment's site,
   * tells nothing about the comment (the same 404 as a forged link).
   */
  async #held(action: 'approve' | 'reject', token: string): Promise<{ comment: CommentInContext; actor: Actor }> {
    const { data: commentId, adminId } = readWithAccount(await this.#mails.verify(action, token));
    let actor = SYSTEM_ACTOR;
    if (adminId !== undefined) {
      const admin = await this.#accounts.getAdmin(adminId);
      if (!admin) throw linkGone();
      actor = actorOf(admin);
    }
    const comment = await this.#storage.getComment(commentId);
    if (comment && !canModerate(actor, comment.siteId)) throw linkGone();
    if (comment?.status !== 'pending') throw notHeld();
    return { comment, actor };
  }
}

function notHeld(): Problem {
  return new Problem(404, 'comment-not-found', 'This comment is no longer waiting for moderation');
}
