import type { CommentRecord, CommentStatus, CommentVersion, OutboxEntry } from './types.js';

/** A comment with its site and page, as the admin side lists it. */
export interface AdminCommentRow extends CommentRecord {
  siteId: string;
  page: { key: string; url: string; title: string; locked: boolean; createdAt: number };
  /** Its reply and thread mails went out (see `announced-migration.ts`). */
  announced: boolean;
}

/** What to search for; every given condition must hold. */
export interface CommentSearch {
  /** The sites the caller may see; undefined = all. */
  sites?: string[] | undefined;
  statuses?: CommentStatus[] | undefined;
  /** Also match approved or held comments that readers flagged (ORed with `statuses`). */
  flagged?: boolean | undefined;
  /** Case-insensitive substring of the text. */
  text?: string | undefined;
  /** Case-insensitive substring of the author's name, or (with @) their exact e-mail. */
  author?: string | undefined;
  /** Exact page key, or a substring of its URL or title. */
  page?: string | undefined;
  /** Exact page key only (the thread view). */
  pageKey?: string | undefined;
  /** Newest-first position to continue after. */
  before?: { createdAt: number; id: string } | undefined;
  limit: number;
}

/** A ban as the domain sees it: `valueHash` is a keyed hash of the e-mail, IP or visitor id. */
export interface BanRecord {
  id: string;
  siteId: string | null;
  kind: 'email' | 'ip' | 'visitor';
  valueHash: string;
  label: string;
  reason: string;
  createdAt: number;
  expiresAt: number | null;
  createdBy: string;
}

/** One audit entry; `detail` is the decoded JSON object. */
export interface AuditRecord {
  id: string;
  at: number;
  actorId: string | null;
  actorEmail: string;
  actorName: string;
  action: string;
  siteId: string | null;
  target: string;
  detail: Record<string, unknown>;
}

/** The admin side of moderation (queue, search, bans, audit), kept apart from {@link Storage}. */
export interface AdminModerationStorage {
  /**
   * Moves a comment from `from` (status and edit time as read) to `to` and queues `outbox` in one
   * transaction; false (nothing written) if it was no longer at `from`. Moving to `approved`
   * marks it announced; any other status unpins it.
   */
  moveStatus(id: string, from: CommentVersion, to: CommentStatus, outbox: OutboxEntry[], now: number): Promise<boolean>;
  /** Pins or unpins; pinning only an approved comment (false, nothing written, otherwise). */
  setPinned(id: string, pinned: boolean): Promise<boolean>;
  setModerator(id: string): Promise<void>;
  getAdminComment(id: string): Promise<AdminCommentRow | undefined>;
  searchComments(q: CommentSearch): Promise<AdminCommentRow[]>;
  addBan(ban: BanRecord): Promise<void>;
  getBan(id: string): Promise<BanRecord | undefined>;
  /** Bans in force at `now` on the given sites (undefined = all), newest first. */
  listBans(sites: string[] | undefined, now: number): Promise<BanRecord[]>;
  removeBan(id: string): Promise<void>;
  /** The first ban in force at `now` for the site (or all sites) matching one of the hashes. */
  findBan(siteId: string, hashes: string[], now: number): Promise<BanRecord | undefined>;
  addAudit(entry: AuditRecord): Promise<void>;
  /** Newest first; entries of the given sites (undefined = all, including site-less ones). */
  listAudit(sites: string[] | undefined, limit: number, before?: { at: number; id: string }): Promise<AuditRecord[]>;
}
