import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SessionTimes } from '../domain/admin-sessions.js';
import { AdminService } from '../domain/admins.js';
import { BanService } from '../domain/bans.js';
import { recordClock } from '../domain/clock.js';
import type { Caller } from '../domain/comments.js';
import { CommentService } from '../domain/comments.js';
import { ListCache } from '../domain/list-cache.js';
import { LiveHub } from '../domain/live/hub.js';
import type { LiveHubOptions } from '../domain/live/options.js';
import { ModerationService } from '../domain/moderation.js';
import { type NotifyConfig, NotifyService } from '../domain/notify/notifier.js';
import { NotifyAdmin } from '../domain/notify/notify-admin.js';
import type { HostLookup } from '../domain/notify/webhook-url.js';
import { PostGuard } from '../domain/post-guard.js';
import { invalid } from '../domain/problem.js';
import { notifyAdminStorageOf } from '../storage/notify-admin-storage.js';
import { notifyStorageOf } from '../storage/notify-storage.js';
import type { Storage } from '../storage/types.js';
import { adminApi } from './admin/index.js';
import type { AppEnv } from './env.js';
import { notFoundOrNotAllowed } from './method-not-allowed.js';
import { cors } from './middleware/cors.js';
import { jsonBody } from './middleware/json-body.js';
import { requestId } from './middleware/request-id.js';
import { requestLimits } from './middleware/request-limits.js';
import { securityHeaders } from './middleware/security-headers.js';
import { fieldError, onError } from './problem.js';
import { adminConsoleRoutes } from './routes/admin-console.js';
import { commentFlagRoutes } from './routes/comment-flags.js';
import { commentRoutes } from './routes/comments.js';
import { countRoutes } from './routes/counts.js';
import { embedRoutes, widgetFiles } from './routes/embed.js';
import { eventRoutes } from './routes/events.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { notifyRoutes } from './routes/notify.js';
import { previewRoutes } from './routes/preview.js';
import { sharePageRoutes } from './routes/share-page.js';
import { shareRoutes } from './routes/shares.js';

export interface AppOptions {
  storage: Storage;
  /** The client address of a request (connection info, trusted proxies); tests inject their own. */
  clientIp?: (c: Context) => string | undefined;
  /** Folder holding the built widget (`embed.js`, its chunks, the share page); omitted, none is served. */
  widgetDir?: string;
  /** Folder holding the built admin console (`index.html`, `assets/`); omitted, no console is served. */
  adminDir?: string;
  /** Largest import upload the admin API takes, in bytes (`PARLEY_IMPORT_UPLOAD_MAX_BYTES`). */
  importMaxBytes?: number;
  /** Most bytes an import upload may hold once inflated (`PARLEY_IMPORT_INFLATED_MAX_BYTES`). */
  importInflatedMaxBytes?: number;
  /**
   * The clock records are stamped with; default a {@link recordClock} of this app's own, so
   * records made in the same millisecond keep their order. Tests inject a fixed or stepped one.
   */
  now?: () => number;
  /** How many serialised listings to keep (see `domain/list-cache.ts`); 0 turns the cache off. */
  listCacheEntries?: number;
  /** Milliseconds a page's version is trusted on the read path (see `CommentService`); default 0. */
  listFreshMs?: number;
  /** Replies each top-level comment brings in a listing; default `LISTING_REPLIES` (50). Tests use a few. */
  listingReplies?: number;
  /** Whether a request came over https (for the admin cookie's Secure flag); default: the URL's scheme. */
  isHttps?: (c: Context) => boolean;
  /** This server's origin as browsers see it (admin Origin check); default: from the request URL. */
  ownOrigin?: (c: Context) => string;
  /** Admin session lifetimes; default 60 minutes idle, 12 hours in all. */
  sessionTimes?: SessionTimes;
  /** Options of the live-updates hub (`domain/live/options.ts`). */
  live?: LiveHubOptions;
  /** The server's public base URL (PARLEY_PUBLIC_URL) for links in feeds and mails; default: the request's origin. */
  publicUrl?: string | undefined;
  /** Mail and moderator settings (see `domain/notify/`); omitted, no mail is queued but webhooks work. */
  notify?: Partial<NotifyConfig> | undefined;
  /** PARLEY_WEBHOOK_ALLOW_PRIVATE: webhook URLs may point at loopback and private networks. */
  webhookAllowPrivate?: boolean;
  /** How webhook host names are resolved when saved; default the system resolver (tests inject one). */
  webhookLookup?: HostLookup;
}

/** Builds the whole HTTP application; no port, so tests call `app.request()` in-process. */
export function createApp(options: AppOptions) {
  const { storage, clientIp = () => undefined } = options;
  // One clock for every record this app writes, so records made in the same millisecond keep
  // the order they were made in (see domain/clock.ts). Tests that inject `now` keep their own.
  const now = options.now ?? recordClock();
  const service = new CommentService(
    storage,
    now,
    new ListCache(options.listCacheEntries ?? 500),
    options.listFreshMs ?? 0,
    // Listings only read the time: on the record clock every one would take a tick.
    options.now ?? Date.now,
    options.listingReplies,
  );
  const live = new LiveHub(storage.live, options.live);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalid(result.error.issues.map(fieldError));
      }
    },
  });
  const caller = (c: Context): Caller => ({ origin: c.req.header('origin'), ip: clientIp(c) });
  const admins = new AdminService(storage, now, options.sessionTimes);
  const moderation = new ModerationService(storage, { now, onChange: (site, page) => service.changed(site, page) });
  const bans = new BanService(moderation, now);
  const guard = new PostGuard(storage, bans);
  const isHttps = options.isHttps ?? ((c: Context) => new URL(c.req.url).protocol === 'https:');
  const notifyStorage = notifyStorageOf(storage);
  const notifier = new NotifyService(
    storage,
    notifyStorage,
    notifyConfig(options),
    now,
    (...entry) => moderation.audit(...entry),
    (site, page) => service.changed(site, page),
  );
  const notifyAdmin = new NotifyAdmin(storage, notifyStorage, notifyAdminStorageOf(storage), {
    allowPrivate: options.webhookAllowPrivate ?? false,
    lookup: options.webhookLookup,
    now,
    audit: (actor, action, siteId, target, detail) => moderation.audit(actor, action, siteId, target, detail),
  });
  service.hooks = notifier;
  moderation.hooks = notifier;

  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', requestLimits());
  app.use(
    '/api/v1/*',
    cors(async () => new Set((await storage.listSites()).flatMap((s) => s.origins))),
  );
  app.use('/api/v1/*', jsonBody());
  // A write through this process shows in its own streams at once, without waiting for the poll.
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') live.poke();
  });

  healthRoutes(app, storage);
  commentRoutes(app, { service, caller, guard }, { mail: notifyConfig(options).mail });
  app.route(
    '/api/admin',
    adminApi({
      storage,
      admins,
      moderation,
      bans,
      notify: notifyAdmin,
      clientIp,
      isHttps,
      ownOrigin: options.ownOrigin ?? ((c) => new URL(c.req.url).origin),
      now,
      importMaxBytes: options.importMaxBytes,
      importInflatedMaxBytes: options.importInflatedMaxBytes,
    }),
  );
  commentFlagRoutes(app, { service, caller });
  previewRoutes(app, { service, caller }, now);
  countRoutes(app, { service, caller });
  shareRoutes(app, { service, caller }, now);
  eventRoutes(app, { service, caller }, live);
  feedRoutes(app, { service, caller }, options.publicUrl);
  notifyRoutes(app, { service, caller }, notifier);
  if (options.widgetDir) {
    const widget = widgetFiles(options.widgetDir);
    embedRoutes(app, widget);
    sharePageRoutes(app, widget);
  }
  if (options.adminDir) adminConsoleRoutes(app, options.adminDir);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Parley API', version: '1', description: 'Comments and shares for self-hosted sites' },
  });
  app.notFound((c) => notFound(c.req.path));
  app.onError(onError);
  const notFound = notFoundOrNotAllowed(() => app.routes);
  return Object.assign(app, { service, live, notifier, admins, moderation, bans, now });
}

function notifyConfig(options: AppOptions): NotifyConfig {
  return {
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    mail: false,
    from: 'Parley <parley@localhost>',
    moderators: [],
    moderatorMail: 'each',
    digestMinutes: 60,
    linkHours: 72,
    ...options.notify,
  };
}
