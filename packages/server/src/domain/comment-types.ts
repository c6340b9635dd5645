import type { CommentInContext, CommentRecord, NewComment, OutboxEntry, Site } from '../storage/types.js';
import type { PublicComment } from './present.js';

/** Who is asking: what the HTTP layer knows of the caller, nothing more. */
export interface Caller {
  /** The browser's Origin header, if any; non-browser clients send none. */
  origin?: string | undefined;
  /** The client's address as resolved from the connection and trusted proxies. */
  ip?: string | undefined;
}

/** A post as `POST /api/v1/comments` takes it: untrusted until `normaliseComment` checked it. */
export interface NewCommentInput {
  site: string;
  page: string;
  url?: string | undefined;
  title?: string | undefined;
  parentId?: string | null | undefined;
  body: string;
  author?: { name?: string | undefined; email?: string | undefined; website?: string | undefined } | undefined;
  /** "Notify me of replies" (needs an e-mail; double opt-in, see `domain/notify/`). */
  notify?: boolean | undefined;
  /** The reader's language (BCP 47), for the mails they will get. */
  locale?: string | undefined;
  /** From the listing; required when the site sets `requireFormToken`. */
  formToken?: string | undefined;
  /** The honeypot: the widget's hidden field, named to tempt form-filling scripts; must stay empty. */
  homepage?: string | undefined;
}

/**
 * What else happens when a comment changes (mails, webhooks: `domain/notify/`). The entries each
 * method returns are written to the outbox in the same transaction as the change.
 */
export interface CommentHooks {
  created(site: Site, comment: NewComment, parent: CommentRecord | undefined): Promise<OutboxEntry[]>;
  /** After the comment is stored (the author's own reply subscription); a failure is logged, not answered. */
  afterCreate(site: Site, comment: CommentRecord, input: NewCommentInput): Promise<void>;
  /** `held`: the edit sent a published comment back to the moderation queue. */
  updated(site: Site, comment: CommentInContext, held?: boolean): Promise<OutboxEntry[]>;
  deleted(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
  /**
   * What a comment sent back to the moderation queue by readers' flags sends (the moderator mail
   * a held post gets). Planned before the flag is counted; written only by the one flag that
   * reaches the threshold, so it goes out once per comment.
   */
  flagHeld(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

/** The answer to a post (201); `replayed` marks a stored first answer sent again for its Idempotency-Key. */
export interface Created {
  comment: PublicComment;
  /**
   * The last moment (ISO 8601) the edit token may edit or delete the comment: `createdAt` plus the
   * site's edit window, as it was when the comment was posted. Absent from replays of keyed posts
   * stored before it was added.
   */
  editableUntil?: string;
  editToken: string;
  replayed?: true;
}
