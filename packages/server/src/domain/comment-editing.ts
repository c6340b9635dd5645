/**
 * An author's own changes to a comment after posting: editing its text and deleting it, both
 * proved by the edit token and allowed only inside the site's edit window. `CommentService`
 * (`comments.ts`) serves them through this class.
 */
import type { CommentInContext, Site } from '../storage/types.js';
import { findBlockedWord } from './blocked-words.js';
import { commenterOf, isTrusted, normaliseBody } from './comment-input.js';
import type { PostingDeps } from './comment-posting.js';
import type { Caller } from './comment-types.js';
import { changedMeanwhile, versionOf } from './comment-version.js';
import { heldReason } from './held-reason.js';
import { tokenMatches } from './identity.js';
import { countLinks, renderMarkdown } from './markdown.js';
import { type PublicComment, present } from './present.js';
import { Problem } from './problem.js';
import { settingsOf } from './sites.js';

/** How often an author's change is tried on a comment that keeps changing under it, before 409 `conflict`. */
const ATTEMPTS = 3;

/** What editing needs of the service: a post's dependencies but the idempotency store. */
export type EditingDeps = Omit<PostingDeps, 'idempotency'>;

/** Edits and deletions by a comment's author (`CommentService.edit`, `.remove`). */
export class CommentEditing {
  readonly #d: EditingDeps;

  constructor(deps: EditingDeps) {
    this.#d = deps;
  }

  /**
   * Replaces the text of an own comment. The new text is screened as a new post's would be: a
   * blocked word refuses it (or holds it), and a published comment whose new text a new post could
   * not publish at once (links, `all` mode) goes back to the queue. An edit never publishes a held one.
   */
  edit(id: string, token: string | undefined, body: string, caller: Caller): Promise<PublicComment> {
    return this.#untilWritten(async () => {
      const d = this.#d;
      const { comment, site } = await this.#owned(id, token, caller);
      const settings = settingsOf(site);
      const clean = normaliseBody(body, settings.maxLength);
      // Only the text: name and website cannot change by an edit and were screened when posted.
      const blocked = findBlockedWord(settings.blockedWords, clean) !== undefined;
      if (blocked && settings.blockedWordsAction === 'refuse') {
        throw new Problem(422, 'blocked-word', 'This comment contains words this site does not accept');
      }
      const [html, editedAt] = [renderMarkdown(clean), d.now()];
      const who = commenterOf(comment.authorEmail, comment.ipHash);
      const trusted = () => isTrusted(d.moderation, site.id, who);
      const hold =
        comment.status === 'approved' ? await heldReason(settings, { links: countLinks(html), blocked, trusted }) : null;
      const edited = {
        ...comment,
        body: clean,
        html,
        editedAt,
        ...(hold ? { status: 'pending' as const, heldReason: hold } : {}),
      };
      const outbox = (await d.hooks()?.updated(site, edited, hold !== null)) ?? [];
      const expected = versionOf(comment);
      const updated = await d.storage.updateCommentBody({
        id: comment.id,
        expected,
        body: clean,
        html,
        editedAt,
        outbox,
        ...(hold ? { hold } : {}),
      });
      if (!updated) return undefined;
      d.changed(comment.siteId, comment.pageKey);
      return present(updated);
    });
  }

  /** Deletes an own comment within the edit window; a reply keeps its place under it (soft delete). */
  async remove(id: string, token: string | undefined, caller: Caller): Promise<void> {
    await this.#untilWritten(async () => {
      const d = this.#d;
      const { comment, site } = await this.#owned(id, token, caller);
      const outbox = (await d.hooks()?.deleted(site, comment)) ?? [];
      if (!(await d.storage.softDeleteComment(comment.id, versionOf(comment), outbox))) return undefined;
      d.changed(comment.siteId, comment.pageKey);
      return true;
    });
  }

  /**
   * Runs `attempt` (read, decide, write conditionally on what was read) until its write lands.
   * A comment that changed between the read and the write (a moderator's decision, the author's
   * own request in another tab) is read again, and the change decided anew as if it had come
   * after: so an author's edit never undoes a moderator's decision, and an edit or delete that
   * meets a comment deleted meanwhile answers what it answers for any deleted comment (404).
   */
  async #untilWritten<T>(attempt: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < ATTEMPTS; i++) {
      const done = await attempt();
      if (done !== undefined) return done;
    }
    throw changedMeanwhile();
  }

  /** The comment `token` proves to be the caller's, still inside the site's edit window, and its site. */
  async #owned(id: string, token: string | undefined, caller: Caller): Promise<{ comment: CommentInContext; site: Site }> {
    const d = this.#d;
    const comment = await d.storage.getComment(id);
    if (!comment || comment.status === 'deleted') throw new Problem(404, 'comment-not-found', `No comment "${id}"`);
    const site = await d.site(comment.siteId);
    d.assertOrigin(site, caller);
    if (!token || !tokenMatches(token, comment.editTokenHash)) {
      throw new Problem(401, 'unauthorized', 'A valid edit token is required');
    }
    if (d.now() > comment.createdAt + settingsOf(site).editWindowSeconds * 1000) {
      throw new Problem(403, 'edit-window-over', 'The time to edit or delete this comment is over');
    }
    return { comment, site };
  }
}
