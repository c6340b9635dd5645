/**
 * The signed moderation links of moderator mails: what a link points at (for the confirm page),
 * in which language to answer its moderator, and approving or rejecting from it. `NotifyService`
 * (`notifier.ts`) serves them through this class.
 */
import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentInContext, OutboxEntry, Site, Storage } from '../../storage/types.js';
import { assertVersion, changedMeanwhile, versionOf } from '../comment-version.js';
import { Problem } from '../problem.js';
import { linkGone, type MailPlanner, readWithAccount } from './mail-planner.js';

/** What approving or rejecting a held comment sends (`NotifyService.approved` and `.rejected`). */
export interface ModerationOutcomes {
  approved(site: Site, comment: CommentInContext, mails?: boolean): Promise<OutboxEntry[]>;
  rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

/** Reads and acts on the signed approve and reject links of moderator mails. */
export class ModeratorLinks {
  readonly #storage: Storage;
  readonly #notify: NotifyStorage;
  readonly #mails: MailPlanner;
  readonly #hooks: ModerationOutcomes;
  readonly #now: () => number;

  constructor(storage: Storage, notify: NotifyStorage, mails: MailPlanner, hooks: ModerationOutcomes, now: () => number) {
    this.#storage = storage;
    this.#notify = notify;
    this.#mails = mails;
    this.#hooks = hooks;
    this.#now = now;
  }

  /** The held comment a moderation link points at (for the confirm page); 404 once it is no longer held. */
  async heldComment(action: 'approve' | 'reject', token: string): Promise<CommentInContext> {
    const { data: commentId } = readWithAccount(await this.#mails.verify(action, token));
    const comment = await this.#storage.getComment(commentId);
    if (comment?.status !== 'pending')
      throw new Problem(404, 'comment-not-found', 'This comment is no longer waiting for moderation');
    return comment;
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
    const comment = await this.heldComment(action, token);
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
      throw new Problem(404, 'comment-not-found', 'This comment is no longer waiting for moderation');
    }
    return comment;
  }
}
