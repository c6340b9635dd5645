import type { Context, Hono } from 'hono';
import type { ActiveSession } from '../../domain/admin-sessions.js';
import type { AdminService } from '../../domain/admins.js';
import type { BanService } from '../../domain/bans.js';
import type { Actor, ModerationService } from '../../domain/moderation.js';
import type { NotifyAdmin } from '../../domain/notify/notify-admin.js';
import type { Storage } from '../../storage/types.js';

/** What admin routes read from the context; the auth middleware sets `session` and `actor`. */
export interface AdminEnv {
  Variables: { requestId: string; session: ActiveSession; actor: Actor };
}

export type AdminApp = Hono<AdminEnv>;

/** Everything the admin routes need, handed over by `createApp`. */
export interface AdminDeps {
  storage: Storage;
  admins: AdminService;
  moderation: ModerationService;
  bans: BanService;
  /** Webhooks and subscriptions of a site. */
  notify: NotifyAdmin;
  /** The client address (connection, trusted proxies): login limits count per IP prefix. */
  clientIp: (c: Context) => string | undefined;
  /** Whether the request reached us over https (directly or through a trusted proxy). */
  isHttps: (c: Context) => boolean;
  /** This server's origin as the browser sees it, for the Origin check. */
  ownOrigin: (c: Context) => string;
  now: () => number;
  /** Largest import upload in bytes (`PARLEY_IMPORT_UPLOAD_MAX_BYTES`); default 50 MiB. */
  importMaxBytes?: number;
  /** Most bytes an import upload may hold once inflated (`PARLEY_IMPORT_INFLATED_MAX_BYTES`); default ten times `importMaxBytes`. */
  importInflatedMaxBytes?: number | undefined;
}
