/**
 * The narrow storage interface the domain layer uses. It takes and returns plain records;
 * it knows nothing of HTTP, and the HTTP layer never sees SQL. Both implementations (SQLite and
 * PostgreSQL, one Kysely query layer) pass the same conformance suite in `conformance.test.ts`.
 */

import type { IdempotencyEntry } from './idempotency-storage.js';
import type { LiveEvents } from './live-events.js';
import type { RateCheck, RateReservation } from './rate-storage.js';

export type Dialect = 'sqlite' | 'postgres';

export type ModerationMode = 'none' | 'links' | 'first' | 'all';

/** Why a comment waits in the moderation queue (stored beside it, shown to moderators only). */
export type HeldReason = 'moderation-all' | 'links' | 'first-comment' | 'blocked-word' | 'flags';

/** What a blocked word does to a comment: hold it for moderation or refuse it outright. */
export type BlockedWordsAction = 'hold' | 'refuse';

/** Per-site rules; every field has a default in `domain/sites.ts`. */
export interface SiteSettings {
  /** Seconds after posting during which the author may edit or delete. */
  editWindowSeconds: number;
  /** Maximum comment body length in characters (after normalisation). */
  maxLength: number;
  /** Maximum reply depth; deeper replies attach to the deepest allowed ancestor. 0 = unlimited. */
  maxDepth: number;
  requireName: boolean;
  requireEmail: boolean;
  moderation: ModerationMode;
  /** Comments per IP prefix per minute and per hour; 0 turns a limit off. */
  rateLimitPerMinute: number;
  rateLimitPerHour: number;
  /** Comments with more links than this are held (reason `links`); 0 turns the limit off. */
  linkLimit: number;
  /**
   * Posts must carry a valid `formToken` from a listing (at least 2 s and at most 24 h old) and an
   * empty honeypot. On for sites created since; sites that existed before it keep `false`.
   */
  requireFormToken: boolean;
  /** Refuse a comment whose text the same commenter already posted on the site within a day. */
  refuseDuplicates: boolean;
  /** Whole words or phrases (case-insensitive, Unicode-aware) that hold or refuse a comment. */
  blockedWords: string[];
  blockedWordsAction: BlockedWordsAction;
  /** Reader flags that send an approved comment back to the queue (reason `flags`); 0 = never. */
  flagThreshold: number;
  /** Days after a page's first comment when it closes to new comments; 0 = never. */
  autoCloseDays: number;
}

export interface Site {
  id: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
  createdAt: number;
}

export interface PageRecord {
  id: number;
  siteId: string;
  key: string;
  url: string;
  title: string;
  locked: boolean;
  createdAt: number;
  /** Changes whenever a comment of the page is added, changed or removed. */
  version: number;
}

/** `rejected`: hidden by a moderator with its text kept (unlike `deleted`, which wipes it). */
export type CommentStatus = 'approved' | 'pending' | 'spam' | 'rejected' | 'deleted';

export interface CommentRecord {
  id: string;
  pageId: number;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  body: string;
  html: string;
  status: CommentStatus;
  createdAt: number;
  editedAt: number | null;
  up: number;
  down: number;
  editTokenHash: string | null;
  ipHash: string | null;
  /** Pinned top-level comments lead the public listing (migration 0011). */
  pinned?: boolean;
  /** Posted by an administrator: the public API shows a moderator badge. */
  moderator?: boolean;
  /** Why it was held; null for comments never held (and for imported ones). */
  heldReason: HeldReason | null;
  /** Readers who flagged it. */
  flags: number;
}

/**
 * What a change to a comment expects it still to be: the status and edit time its caller read.
 * Every write that changes a comment's status or text is conditional on it, in the same statement,
 * so a change someone else made in between (an author's delete, a moderator's decision, another
 * edit) is never overwritten by one decided on what came before it.
 */
export interface CommentVersion {
  status: CommentStatus;
  editedAt: number | null;
}

/** A new text for a comment (`Storage.updateCommentBody`). */
export interface BodyEdit {
  id: string;
  /** Written only while the comment is still at this version. */
  expected: CommentVersion;
  body: string;
  html: string;
  editedAt: number;
  outbox?: OutboxEntry[];
  /** Also sends the comment back to the moderation queue (`pending`, unpinned) for this reason. */
  hold?: HeldReason;
}

/** Where a reply sits in its thread, without its text (`Storage.listReplyOutline`). */
export type ReplyOutline = Pick<CommentRecord, 'id' | 'parentId' | 'rootId' | 'createdAt' | 'status'>;

/** A comment together with the page and site it belongs to. */
export interface CommentInContext extends CommentRecord {
  siteId: string;
  pageKey: string;
}

export type SortOrder = 'oldest' | 'newest' | 'top';

/** Position after which the next page of top-level comments starts. */
export interface CursorKey {
  createdAt: number;
  id: string;
  /** up - down at the time the cursor was issued; only for `top`. */
  score?: number;
}

export interface NewComment {
  id: string;
  siteId: string;
  page: { key: string; url: string; title: string };
  parentId: string | null;
  rootId: string | null;
  depth: number;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  body: string;
  html: string;
  status: CommentStatus;
  createdAt: number;
  editTokenHash: string;
  ipHash: string | null;
  /** Why a `pending` comment is held. */
  heldReason?: HeldReason | null;
  /**
   * The request's Idempotency-Key and first answer, claimed in the comment's transaction; the
   * insert throws `IdempotencyKeyTaken` (idempotency-storage.ts) if another request claimed it.
   */
  idempotency?: IdempotencyEntry | undefined;
}

/**
 * A mail or webhook call queued in the outbox in the same transaction as the change it reports,
 * so the change and its notifications are written together or not at all (`domain/notify/`).
 */
export interface OutboxEntry {
  siteId: string;
  kind: 'mail' | 'webhook';
  /** JSON-serialisable; read back by the outbox worker. */
  payload: unknown;
}

export interface Storage {
  readonly dialect: Dialect;
  /** The change log behind live updates (migration 0030). */
  readonly live: LiveEvents;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** A random server secret created on first use and shared by every instance. */
  secret(): Promise<string>;

  createSite(site: Site): Promise<Site>;
  getSite(id: string): Promise<Site | undefined>;
  listSites(): Promise<Site[]>;
  updateSite(site: Site): Promise<void>;

  getPage(siteId: string, key: string): Promise<PageRecord | undefined>;
  /** Locks (no new comments) or unlocks a page, creating it first if it has no comments yet. */
  setPageLocked(siteId: string, key: string, locked: boolean, at: number): Promise<PageRecord>;
  /** Inserts the page on its first comment and the comment itself, in one transaction. */
  insertComment(input: NewComment, outbox?: OutboxEntry[]): Promise<{ comment: CommentRecord; page: PageRecord }>;
  getComment(id: string): Promise<CommentInContext | undefined>;
  /**
   * Replaces the text (see {@link BodyEdit}) and queues its outbox, if the comment is still at
   * `edit.expected`; undefined (nothing written) if it is not. The stored edit time is always
   * later than the expected one, so a version is never seen twice.
   */
  updateCommentBody(edit: BodyEdit): Promise<CommentRecord | undefined>;
  /**
   * Keeps the row (thread shape) but wipes author and text; sets status `deleted`. Only while the
   * comment is still at `expected` (false, nothing written, if it is not).
   */
  softDeleteComment(id: string, expected: CommentVersion, outbox?: OutboxEntry[]): Promise<boolean>;
  /** Top-level comments that are not pinned, in the given order. */
  listTopLevel(pageId: number, sort: SortOrder, limit: number, after?: CursorKey): Promise<CommentRecord[]>;
  /** Pinned approved top-level comments of a page, oldest first: they lead the first page of a listing. */
  listPinned(pageId: number): Promise<CommentRecord[]>;
  /** The visible (approved, deleted) replies below the given top-level comments, oldest first, at most `limit`. */
  listReplies(rootIds: string[], limit: number): Promise<CommentRecord[]>;
  /** Every reply below the given top-level comments, in any status and without text, oldest first. */
  listReplyOutline(rootIds: string[]): Promise<ReplyOutline[]>;
  /** The comments with these ids (any number of them), in no particular order; unknown ids are left out. */
  listCommentsById(ids: string[]): Promise<CommentRecord[]>;
  /** Approved comments per page key; keys without comments are absent. */
  countApproved(siteId: string, keys: string[]): Promise<Map<string, number>>;
  /** Sets (value 1/-1) or clears (0) one voter's vote and returns the new tallies. */
  vote(commentId: string, voter: string, value: -1 | 0 | 1, at: number): Promise<{ up: number; down: number }>;

  /**
   * Atomically, for every instance on the database: if each check has room, records one event at
   * `at` per distinct subject (forgetting the subjects' events before `forgetBefore`) and returns
   * their ids; otherwise records nothing and names the first full check.
   */
  rateReserve(siteId: string, checks: RateCheck[], at: number, forgetBefore: number): Promise<RateReservation>;
  /** Deletes events a reservation recorded. */
  rateRelease(ids: number[]): Promise<void>;
}
