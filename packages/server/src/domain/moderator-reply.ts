import type { NewComment, Site, SiteSettings, Storage } from '../storage/types.js';
import type { Actor } from './actor.js';
import { hashToken, newCommentId, newToken } from './identity.js';
import { renderMarkdown } from './markdown.js';

/** Where a reply attaches: the comment it answers, or an ancestor when that one is at `maxDepth`. */
interface Anchor {
  id: string;
  rootId: string | null;
  depth: number;
  parentId: string | null;
}

/**
 * A moderator's reply to `parent` as a new comment: approved, in the actor's name, attached to the
 * nearest ancestor still under the site's `maxDepth` (as a reader's reply would be). Storing it,
 * the badge and the audit entry are `ModerationService.reply`'s.
 */
export async function moderatorReply(
  storage: Storage,
  site: Site,
  settings: SiteSettings,
  parent: Anchor & { page: { key: string; url: string; title: string } },
  actor: Actor,
  body: string,
  now: number,
): Promise<{ reply: NewComment; anchorId: string }> {
  let anchor: Anchor = { id: parent.id, rootId: parent.rootId, depth: parent.depth, parentId: parent.parentId };
  while (settings.maxDepth > 0 && anchor.depth >= settings.maxDepth && anchor.parentId) {
    const up = await storage.getComment(anchor.parentId);
    if (!up) break;
    anchor = { id: up.id, rootId: up.rootId, depth: up.depth, parentId: up.parentId };
  }
  const reply: NewComment = {
    id: newCommentId(),
    siteId: site.id,
    page: { key: parent.page.key, url: parent.page.url, title: parent.page.title },
    parentId: anchor.id,
    rootId: anchor.rootId ?? anchor.id,
    depth: anchor.depth + 1,
    authorName: actor.name,
    authorEmail: null,
    authorWebsite: null,
    body,
    html: renderMarkdown(body),
    status: 'approved',
    createdAt: now,
    // Nobody holds this token: moderators change their replies through the admin API.
    editTokenHash: hashToken(newToken()),
    ipHash: null,
  };
  return { reply, anchorId: anchor.id };
}
