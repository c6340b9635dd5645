import type { AdminCommentRow } from '../storage/admin-moderation-storage.js';
import { isClosedByAge } from './comment-listing.js';
import { versionTag } from './comment-version.js';
import { emailHash } from './identity.js';

/**
 * A comment as the admin API shows it. Not even administrators see an e-mail or IP address:
 * keyed hashes tell authors apart and can be banned.
 */
export interface AdminComment {
  id: string;
  site: string;
  parentId: string | null;
  /** `closed`: takes no new comments, because `locked` or older than the site's `autoCloseDays`. */
  page: { key: string; url: string; title: string; locked: boolean; closed: boolean };
  author: { name: string; website: string | null; hasEmail: boolean; emailHash: string | null; ipHash: string | null };
  body: string;
  html: string;
  status: AdminCommentRow['status'];
  heldReason: string | null;
  flags: number;
  pinned: boolean;
  moderator: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Opaque; sent back with a decision or edit, which then applies only to this version (see `comment-version.ts`). */
  version: string;
  up: number;
  down: number;
  replies?: AdminComment[];
}

/** The admin view of one comment; `closeDays` is its site's `autoCloseDays`. */
export function presentAdmin(c: AdminCommentRow, secret: string, closeDays = 0, now = Date.now()): AdminComment {
  const closed = c.page.locked || isClosedByAge(c.page, closeDays, now);
  return {
    id: c.id,
    site: c.siteId,
    parentId: c.parentId,
    page: { key: c.page.key, url: c.page.url, title: c.page.title, locked: c.page.locked, closed },
    author: {
      name: c.authorName,
      website: c.authorWebsite,
      hasEmail: c.authorEmail !== null,
      emailHash: c.authorEmail ? emailHash(secret, c.authorEmail) : null,
      ipHash: c.ipHash,
    },
    body: c.body,
    html: c.html,
    status: c.status,
    heldReason: c.status === 'pending' ? (c.heldReason ?? null) : null,
    flags: c.flags ?? 0,
    pinned: c.pinned ?? false,
    moderator: c.moderator ?? false,
    createdAt: new Date(c.createdAt).toISOString(),
    editedAt: c.editedAt === null ? null : new Date(c.editedAt).toISOString(),
    version: versionTag(c),
    up: c.up,
    down: c.down,
  };
}

/** Nests a page's comments (any order in) under their parents, top level and replies oldest first. */
export function adminThreads(rows: AdminComment[]): AdminComment[] {
  const sorted = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const byId = new Map(sorted.map((c) => [c.id, { ...c, replies: [] as AdminComment[] }]));
  const top: AdminComment[] = [];
  for (const c of byId.values()) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(c);
    else top.push(c);
  }
  return top;
}
