import type { CommentInContext, OutboxEntry, Site } from '../storage/types.js';
import type { CommentHooks } from './comment-types.js';

/** Actions that `ModerationService.bulk` applies to a list of comments. */
export const BULK_ACTIONS = ['approve', 'reject', 'spam', 'delete', 'pin', 'unpin'] as const;
/** One of {@link BULK_ACTIONS}. */
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * What a moderator's action sends (mails, webhooks: `domain/notify/`), written to the outbox in the
 * same transaction as the change. `NotifyService` is the one implementation.
 */
export interface ModerationHooks extends Pick<CommentHooks, 'created' | 'updated' | 'deleted'> {
  /** `mails`: false when the comment was published before, so its reply mails went out then. */
  approved(site: Site, comment: CommentInContext, mails: boolean): Promise<OutboxEntry[]>;
  rejected(site: Site, comment: CommentInContext): Promise<OutboxEntry[]>;
}

/** How the app builds a `ModerationService`. */
export interface ModerationOptions {
  now?: () => number;
  /** Called after a page's comments changed, so caches in this process forget it at once. */
  onChange?: (siteId: string, pageKey: string) => void;
}
