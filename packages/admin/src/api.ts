/**
 * The console's client of the admin HTTP API (docs/admin-api.md). Every call sends the session
 * cookie (same origin) and, on a state change, the CSRF token the session handed out. Errors come
 * back as `application/problem+json` and are thrown as {@link ApiError} with the stable `code`.
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
  type: 'boolean' | 'integer' | 'enum' | 'string' | 'list';
  description?: string;
  default?: unknown;
  min?: number;
  max?: number;
  values?: string[];
}

/** An entry of the audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { id?: string; email: string; name?: string | null } | null;
  action: string;
  site?: string | null;
  target?: string | null;
  detail?: unknown;
}

/** Moderator actions that take a comment and nothing else. */
export type Action = 'approve' | 'reject' | 'spam' | 'delete' | 'pin' | 'unpin';

/** A signed-in session as login and `GET /session` answer it. */
interface Session {
  admin: Admin;
  csrfToken: string;
  expiresAt?: string;
}

/** What the API answered instead of success. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
    /** Field errors of a 422 (`path` names the field). */
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The admin API at `base` (same origin). */
export class AdminApi {
  #csrf = '';

  constructor(readonly base = '/api/admin') {}

  async #call<T = void>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrf) headers['x-parley-csrf'] = this.#csrf;
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'network');
    }
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        res.status,
        String(data.code ?? 'error'),
        String(data.detail ?? data.title ?? res.statusText),
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
        Array.isArray(data.errors) ? (data.errors as { path: string; message: string }[]) : [],
      );
    }
    return data as T;
  }

  #remember(session: Session): Admin {
    this.#csrf = session.csrfToken ?? '';
    return session.admin;
  }

  /** The signed-in admin, or undefined without a session. */
  async me(): Promise<Admin | undefined> {
    try {
      return this.#remember(await this.#call<Session>('GET', '/session'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return undefined;
      throw e;
    }
  }

  /** Signs in; throws `ApiError` 401 on a wrong e-mail or password, 429 when rate limited. */
  async login(email: string, password: string): Promise<Admin> {
    return this.#remember(await this.#call<Session>('POST', '/login', { email, password }));
  }

  /** Ends the session. */
  async logout(): Promise<void> {
    await this.#call('POST', '/logout');
    this.#csrf = '';
  }

  /** Stores the console's language for the account, so its moderator mails speak it (`PATCH /me`). */
  async setLanguage(locale: string): Promise<Admin> {
    return (await this.#call<{ admin: Admin }>('PATCH', '/me', { locale })).admin;
  }

  /** Replaces the password (required after a one-time password). */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.#call('POST', '/password', { currentPassword, newPassword });
  }

  /** Sites the admin may see. */
  async sites(): Promise<SiteSummary[]> {
    return (await this.#call<{ sites: SiteSummary[] }>('GET', '/sites')).sites;
  }

  /** Comments waiting for a decision, newest first. */
  queue(query: { site?: string; kind?: string; cursor?: string } = {}): Promise<Listing> {
    return this.#call('GET', `/queue${qs(query)}`);
  }

  /** Comments matching every given field, newest first. */
  search(query: { q?: string; author?: string; page?: string; status?: string; site?: string; cursor?: string }) {
    return this.#call<Listing>('GET', `/comments${qs(query)}`);
  }

  /** Every comment of a page, whatever its status; top level oldest first, `replies` nested. */
  thread(site: string, page: string): Promise<{ page: AdminPage; comments: AdminComment[] }> {
    return this.#call('GET', `/thread${qs({ site, page })}`);
  }

  /** Applies `action` to one comment; the comment as it now is (none after a delete). */
  async act(id: string, action: Action): Promise<AdminComment | undefined> {
    if (action === 'delete') {
      await this.#call('DELETE', `/comments/${enc(id)}`);
      return undefined;
    }
    return (await this.#call<{ comment: AdminComment }>('POST', `/comments/${enc(id)}/${action}`)).comment;
  }

  /** Applies `action` to up to 100 comments; one result per id. */
  async bulk(action: Action, ids: string[]): Promise<{ id: string; ok: boolean; code?: string }[]> {
    return (
      await this.#call<{ results: { id: string; ok: boolean; code?: string }[] }>('POST', '/comments/bulk', { action, ids })
    ).results;
  }

  /** Replaces a comment's text. */
  async edit(id: string, body: string): Promise<AdminComment> {
    return (await this.#call<{ comment: AdminComment }>('PATCH', `/comments/${enc(id)}`, { body })).comment;
  }

  /** Posts a reply with the moderator badge. */
  async reply(id: string, body: string): Promise<AdminComment> {
    return (await this.#call<{ comment: AdminComment }>('POST', `/comments/${enc(id)}/reply`, { body })).comment;
  }

  /** Locks or unlocks a page's thread. */
  async lock(site: string, page: string, locked: boolean): Promise<AdminPage> {
    return (await this.#call<{ page: AdminPage }>('POST', `/pages/${locked ? 'lock' : 'unlock'}`, { site, page })).page;
  }

  /** Bans in force. */
  async bans(site?: string): Promise<Ban[]> {
    return (await this.#call<{ bans: Ban[] }>('GET', `/bans${qs({ site })}`)).bans;
  }

  /** Adds a ban. */
  async ban(input: {
    kind: Ban['kind'];
    value?: string;
    commentId?: string;
    site: string | null;
    reason?: string;
    expiresAt: string | null;
  }): Promise<Ban> {
    return (await this.#call<{ ban: Ban }>('POST', '/bans', input)).ban;
  }

  /** Lifts a ban. */
  unban(id: string): Promise<void> {
    return this.#call('DELETE', `/bans/${enc(id)}`);
  }

  /** The table of site settings. */
  async settingsSpec(): Promise<SettingSpec[]> {
    return (await this.#call<{ settings: SettingSpec[] }>('GET', '/settings-spec')).settings;
  }

  /** A site with every setting. */
  site(id: string): Promise<SiteDetail> {
    return this.#call('GET', `/sites/${enc(id)}`);
  }

  /** Changes a site (owners); a 422's `errors` name the bad fields and nothing is changed. */
  saveSite(id: string, change: { name?: string; origins?: string[]; settings?: Record<string, unknown> }): Promise<SiteDetail> {
    return this.#call('PATCH', `/sites/${enc(id)}`, change);
  }

  /**
   * Uploads an export file to import into `site` (owners; docs/admin-api.md), reporting upload
   * progress as a fraction. XMLHttpRequest rather than fetch: only it reports upload progress.
   */
  importFile(
    file: Blob,
    query: { site: string; format: string; dryRun?: boolean; mapUrl?: string },
    onProgress: (fraction: number) => void = () => {},
  ): Promise<ImportSummary> {
    const params = qs({
      site: query.site,
      format: query.format,
      dryRun: query.dryRun ? 'true' : undefined,
      mapUrl: query.mapUrl,
    });
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.base}/import${params}`);
      xhr.setRequestHeader('x-parley-csrf', this.#csrf);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total) onProgress(e.loaded / e.total);
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
      xhr.onload = () => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse(xhr.responseText) as Record<string, unknown>;
        } catch {
          // an empty or non-JSON answer is reported by its status below
        }
        if (xhr.status === 200) resolve((data as { summary: ImportSummary }).summary);
        else
          reject(
            new ApiError(
              xhr.status,
              String(data.code ?? 'error'),
              String(data.detail ?? xhr.statusText),
              undefined,
              Array.isArray(data.errors) ? (data.errors as { path: string; message: string }[]) : [],
            ),
          );
      };
      xhr.send(file);
    });
  }

  /** A site's webhooks (owners); never their secrets. */
  async webhooks(site: string): Promise<Webhook[]> {
    return (await this.#call<{ webhooks: Webhook[] }>('GET', `/sites/${enc(site)}/webhooks`)).webhooks;
  }

  /** Adds a webhook; the answer is the only time its signing secret is shown. */
  addWebhook(site: string, url: string, events: string[]): Promise<{ webhook: Webhook; secret: string }> {
    return this.#call('POST', `/sites/${enc(site)}/webhooks`, { url, events });
  }

  /** Removes a webhook (its queued events are not sent). */
  deleteWebhook(site: string, id: string): Promise<void> {
    return this.#call('DELETE', `/sites/${enc(site)}/webhooks/${enc(id)}`);
  }

  /** A webhook's latest delivery attempts, newest first. */
  async deliveries(site: string, id: string): Promise<Delivery[]> {
    return (await this.#call<{ deliveries: Delivery[] }>('GET', `/sites/${enc(site)}/webhooks/${enc(id)}/deliveries`)).deliveries;
  }

  /** A site's e-mail subscriptions, newest first, addresses masked. */
  subscriptions(site: string, query: { page?: string; cursor?: string } = {}) {
    return this.#call<{ subscriptions: Subscription[]; nextCursor: string | null }>(
      'GET',
      `/sites/${enc(site)}/subscriptions${qs(query)}`,
    );
  }

  /** Removes one subscription. */
  unsubscribe(site: string, id: string): Promise<void> {
    return this.#call('DELETE', `/sites/${enc(site)}/subscriptions/${enc(id)}`);
  }

  /** The audit log, newest first. */
  audit(query: { site?: string; cursor?: string } = {}): Promise<{ entries: AuditEntry[]; nextCursor?: string | null }> {
    return this.#call('GET', `/audit${qs(query)}`);
  }
}

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

const enc = encodeURIComponent;

function qs(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
