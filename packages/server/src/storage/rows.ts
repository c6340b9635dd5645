import type { Selectable } from 'kysely';
import type { CommentTable, PageTable, SiteTable } from './schema.js';
import type { CommentRecord, CommentStatus, HeldReason, PageRecord, Site, SiteSettings } from './types.js';

// Rows to records and back, shared by every storage module that reads these tables.

/** A site as its row stores it (origins and settings as JSON). */
export function siteRow(site: Site): Selectable<SiteTable> {
  return {
    id: site.id,
    name: site.name,
    origins: JSON.stringify(site.origins),
    settings: JSON.stringify(site.settings),
    created_at: site.createdAt,
  };
}

/** A site row as a record. */
export function toSite(row: Selectable<SiteTable>): Site {
  return {
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    settings: JSON.parse(row.settings) as SiteSettings,
    createdAt: Number(row.created_at),
  };
}

/** A page row as a record; shared with the import storage. */
export function toPage(row: Selectable<PageTable>): PageRecord {
  return {
    id: Number(row.id),
    siteId: row.site_id,
    key: row.key,
    url: row.url,
    title: row.title,
    locked: Number(row.locked) === 1,
    createdAt: Number(row.created_at),
    version: Number(row.version),
  };
}

/** The moderation columns, which rows built in code (before they are read back) lack. */
type ModerationColumns = 'pinned' | 'moderator' | 'held_reason' | 'flags';

/** A comment row as a record; shared with the import storage. */
export function toComment(
  row: Omit<Selectable<CommentTable>, ModerationColumns> & Partial<Pick<Selectable<CommentTable>, ModerationColumns>>,
): CommentRecord {
  return {
    id: row.id,
    pageId: Number(row.page_id),
    parentId: row.parent_id,
    rootId: row.root_id,
    depth: Number(row.depth),
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorWebsite: row.author_website,
    body: row.body,
    html: row.html,
    status: row.status as CommentStatus,
    createdAt: Number(row.created_at),
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    up: Number(row.up),
    down: Number(row.down),
    editTokenHash: row.edit_token_hash,
    ipHash: row.ip_hash,
    pinned: Number(row.pinned ?? 0) === 1,
    moderator: Number(row.moderator ?? 0) === 1,
    heldReason: (row.held_reason ?? null) as HeldReason | null,
    flags: Number(row.flags ?? 0),
  };
}
