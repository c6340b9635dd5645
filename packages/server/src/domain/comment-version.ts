/**
 * A comment's version: what it was when someone read it, so a change decided on that reading is
 * written only while the comment is still so (`CommentVersion`, `storage/types.ts`). The admin API
 * shows it as an opaque string (`AdminComment.version`) that the console sends back with a
 * decision, so approving publishes only the text the moderator saw.
 */
import type { CommentStatus, CommentVersion } from '../storage/types.js';
import { Problem } from './problem.js';

/** The version of a comment as read. */
export function versionOf(c: { status: CommentStatus; editedAt: number | null }): CommentVersion {
  return { status: c.status, editedAt: c.editedAt };
}

/**
 * The version as the admin API shows it: status and edit time (ms, 0 if never edited). Clients
 * treat it as opaque and only send it back; its edit time only grows (see `updateCommentBody`),
 * so a string never names two texts of one comment.
 */
export function versionTag(c: { status: CommentStatus; editedAt: number | null }): string {
  return `${c.status}.${c.editedAt ?? 0}`;
}

/** The answer to a change refused because the comment changed since it was read. */
export function changedMeanwhile(): Problem {
  return new Problem(409, 'conflict', 'The comment was changed meanwhile; reload it');
}

/** The answer to a decision on, or a moderator's edit of, a deleted comment. */
export function commentDeleted(): Problem {
  return new Problem(409, 'comment-deleted', 'The comment was deleted');
}

/** Refuses (409 `conflict`) when the client sent a version and the comment is no longer at it. */
export function assertVersion(c: { status: CommentStatus; editedAt: number | null }, sent: string | undefined): void {
  if (sent !== undefined && sent !== versionTag(c)) throw changedMeanwhile();
}
