/**
 * The shapes the admin HTTP API answers with (docs/admin-api.md), as the console reads them, and
 * the webhook events it offers. The client that fetches them is `AdminApi` in `api.ts`.
 */

/** A signed-in administrator. */
export interface Admin {
  id: string;
  email: string;
  name?: string;
  role: 'owner' | 'moderator';
  /** A moderator's sites; empty for an owner, who has all. */
  sites: string[];
  /** Signed in with the one-time password: a new one must be chosen before anything else. */
  mustChangePassword?: boolean;
  /** The console language the server last stored for the account (its moderator mails use it). */
  locale?: string | null;
}

/** Moderation states a comment can be in. */
export type CommentStatus = 'pending' | 'spam' | 'approved' | 'rejected' | 'deleted';
/** What the queue holds: `flagged` is an approved comment readers flagged. */
export type QueueKind = 'pending' | 'spam' | 'flagged';

/** A page as the admin API shows it. */
export interface AdminPage {
  key: string;
  url?: string | null;
  title?: string | null;
  locked?: boolean;
  /** Takes no new comments: locked, or older than the site's auto-close age. */
  closed?: boolean;
}

/** A comment as moderators see it (docs/admin-api.md, `AdminComment`). */
export interface AdminComment {
  id: string;
  site: string;
  parentId?: string | null;
  page: AdminPage;
  author: {
    name?: string | null;
    website?: string | null;
    hasEmail?: boolean;
    emailHash?: string | null;
    ipHash?: string | null;
  };
  /** The Markdown source, shown only as text (the editor). */
  body?: string;
  /** The server-sanitised HTML; sanitised once more before it is shown. */
  html: string;
  status: CommentStatus;
  /** Why the comment is held ("moderation-all", "links", "flags", …; an open set). */
  heldReason?: string | null;
  flags?: number;
  pinned?: boolean;
  /** Posted by an administrator (badge). */
  moderator?: boolean;
  createdAt: string;
  editedAt?: string | null;
  /**
   * Opaque version of what is shown (status and text). Sent back with a decision or an edit, so
   * the server acts only if the comment is still so (409 `conflict` otherwise).
   */
  version?: string;
  replies?: AdminComment[];
  /** Nesting level in a thread view (set by the console when it flattens `replies`). */
  depth?: number;
}

/** One page of a listing and the cursor of the next, if any. */
export interface Listing {
  comments: AdminComment[];
  nextCursor?: string | null;
}

/** A ban on commenting. */
export interface Ban {
  id: string;
  kind: 'email' | 'ip' | 'visitor';
  /** A masked form of the banned subject (never the raw e-mail or IP). */
  label: string;
  /** `null`: all sites. */
  site: string | null;
  reason?: string | null;
  expiresAt: string | null;
  createdAt: string;
  createdBy?: string;
}

/** A site the admin may see. */
export interface SiteSummary {
  id: string;
  name: string;
  origins?: string[];
}

/** One setting as the API describes it, so that the form needs no list of its own. */
export interface SettingSpec {
  key: string;
  cli?: string;
  /** One of `SETTING_TYPES` (setting-values.ts), or a type newer than this console. */
  type: string;
  description?: string;
  default?: unknown;
  /** Bounds of an `integer`. */
  min?: number;
  max?: number;
  /** Choices of an `enum`. */
  values?: string[];
  /** Limits of `words`: how many, and how long each. */
  maxItems?: number;
  maxLength?: number;
}

/** An entry of the audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { id?: string | null; email: string; name?: string | null } | null;
  action: string;
  site?: string | null;
  target?: string | null;
  detail?: unknown;
}

/** Moderator actions that take a comment and nothing else. */
export type Action = 'approve' | 'reject' | 'spam' | 'delete' | 'pin' | 'unpin';

/** A webhook of a site (docs/admin-api.md). */
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

/** One attempt to deliver an event to a webhook. */
export interface Delivery {
  id: number;
  deliveryId: number;
  event: string;
  attempt: number;
  ok: boolean;
  /** The receiver's HTTP status; null when it did not answer. */
  status: number | null;
  error: string | null;
  durationMs: number;
  at: string;
  /** The event now: `pending` while it is retried, then `sent` or `failed`. */
  state: string | null;
  attempts: number | null;
  nextRetryAt: string | null;
}

/** A reader's e-mail subscription; `email` comes masked from the server (`j…@example.com`). */
export interface Subscription {
  id: string;
  kind: 'thread' | 'replies';
  target: string;
  pageKey: string | null;
  confirmed: boolean;
  createdAt: string;
  email: string;
}

/** Events a webhook can ask for, in the server's order. */
export const WEBHOOK_EVENTS = [
  'comment.created',
  'comment.held',
  'comment.approved',
  'comment.rejected',
  'comment.updated',
  'comment.deleted',
] as const;

/** What an import did (the same summary `parley import` prints). */
export interface ImportSummary {
  read: number;
  imported: number;
  skipped: number;
  failed: number;
  pages: number;
  dryRun: boolean;
  skippedBy: Record<string, number>;
  failedBy: Record<string, number>;
  failures: { sourceId: string; reason: string; at?: string }[];
  warnings: { sourceId: string; reason: string; at?: string }[];
  warningCount: number;
}

/** A site and its settings as `GET /sites/{id}` answers. */
export interface SiteDetail {
  site: { id: string; name: string; origins: string[]; createdAt?: string };
  settings: Record<string, unknown>;
}
