import type { Generated } from 'kysely';

/**
 * Row shapes as both databases store them. Times are milliseconds since the epoch (BIGINT on
 * PostgreSQL, parsed back to numbers); booleans are 0/1 integers so one query layer serves both.
 */
export interface Database {
  parley_meta: MetaTable;
  sites: SiteTable;
  pages: PageTable;
  comments: CommentTable;
  votes: VoteTable;
  rate_events: RateEventTable;
  live_events: LiveEventTable;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SiteTable {
  id: string;
  name: string;
  /** JSON array of exact origins. */
  origins: string;
  /** JSON object of {@link SiteSettings} overrides. */
  settings: string;
  created_at: number;
}

export interface PageTable {
  id: Generated<number>;
  site_id: string;
  key: string;
  url: string;
  title: string;
  locked: number;
  created_at: number;
  /** Raised by triggers on every change to the page's comments (migration 0003). */
  version: Generated<number>;
}

export interface CommentTable {
  id: string;
  page_id: number;
  parent_id: string | null;
  /** Top-level ancestor, null for top-level comments: one indexed read fetches a thread. */
  root_id: string | null;
  depth: number;
  author_name: string;
  author_email: string | null;
  author_website: string | null;
  body: string;
  html: string;
  status: string;
  created_at: number;
  edited_at: number | null;
  up: number;
  down: number;
  edit_token_hash: string | null;
  /** Keyed hash of the poster's /24 (IPv4) or /48 (IPv6) prefix; never the address. */
  ip_hash: string | null;
  /** Moderation columns (migration 0011): 0/1. */
  pinned: Generated<number>;
  moderator: Generated<number>;
  /** Why a pending comment is held (migration 0015); null if it never was. */
  held_reason: Generated<string | null>;
  /** Readers' flags (migration 0015; rows in `comment_flags`). */
  flags: Generated<number>;
  /** 0/1: reply and thread mails went out (migration 0060; see `announced-migration.ts`). */
  announced: Generated<number>;
  /** When an edit sent the published comment back to the queue (migration 0070; see `held-at-migration.ts`). */
  held_at: Generated<number | null>;
}

export interface VoteTable {
  comment_id: string;
  voter: string;
  value: number;
  created_at: number;
}

export interface RateEventTable {
  id: Generated<number>;
  site_id: string;
  subject: string;
  created_at: number;
}

/** One change to a page's comments, written by triggers (migration 0030); the id is the SSE event id. */
export interface LiveEventTable {
  id: Generated<number>;
  site_id: string;
  page_key: string;
  type: string;
  comment_id: string;
  created_at: number;
}
