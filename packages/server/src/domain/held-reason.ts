import type { HeldReason, SiteSettings } from '../storage/types.js';

/** What {@link heldReason} needs to know of a new comment. */
export interface Screened {
  /** Links in the rendered HTML. */
  links: number;
  /** A blocked word was found (and the site holds rather than refuses). */
  blocked: boolean;
  /** Asked only in `first` mode: has this commenter had a comment approved on the site? */
  trusted: () => Promise<boolean>;
}

/**
 * Why a new comment must wait for a moderator, or null to publish it. When several rules apply,
 * the most telling reason wins: a blocked word, then links, then a first comment, then `all`.
 */
export async function heldReason(settings: SiteSettings, c: Screened): Promise<HeldReason | null> {
  if (c.blocked) return 'blocked-word';
  if (c.links > 0 && (settings.moderation === 'links' || (settings.linkLimit > 0 && c.links > settings.linkLimit))) {
    return 'links';
  }
  if (settings.moderation === 'first' && !(await c.trusted())) return 'first-comment';
  if (settings.moderation === 'all') return 'moderation-all';
  return null;
}
