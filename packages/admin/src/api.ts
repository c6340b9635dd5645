/**
 * The console's client of the admin HTTP API (docs/admin-api.md). Every call sends the session
 * cookie (same origin) and, on a state change, the CSRF token the session handed out. Errors come
 * back as `application/problem+json` and are thrown as {@link ApiError} with the stable `code`.
 */

import { ApiError, callApi, qs, uploadFile } from './api-request.js';
import type {
  Action,
  Admin,
  AdminComment,
  AdminPage,
  AuditEntry,
  Ban,
  Delivery,
  ImportSummary,
  Listing,
  SettingSpec,
  SiteDetail,
  SiteSummary,
  Subscription,
  Webhook,
} from './api-types.js';

/** A signed-in session as login and `GET /session` answer it. */
interface Session {
  admin: Admin;
  csrfToken: string;
  expiresAt?: string;
}

/** The admin API at `base` (same origin). */
export class AdminApi {
  #csrf = '';

  constructor(readonly base = '/api/admin') {}

  #call<T = void>(method: string, path: string, body?: unknown): Promise<T> {
    return callApi<T>(this.base + path, method, this.#csrf, body);
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

  /** One comment as it is now. */
  async comment(id: string): Promise<AdminComment> {
    return (await this.#call<{ comment: AdminComment }>('GET', `/comments/${enc(id)}`)).comment;
  }

  /**
   * Applies `action` to one comment; the comment as it now is (none after a delete). With
   * `version` (the one shown), approve, reject and spam act only on that: `ApiError` 409 `conflict`
   * if the comment changed since.
   */
  async act(id: string, action: Action, version?: string): Promise<AdminComment | undefined> {
    if (action === 'delete') {
      await this.#call('DELETE', `/comments/${enc(id)}`);
      return undefined;
    }
    const pinned = version !== undefined && action !== 'pin' && action !== 'unpin';
    return (
      await this.#call<{ comment: AdminComment }>('POST', `/comments/${enc(id)}/${action}`, pinned ? { version } : undefined)
    ).comment;
  }

  /** Applies `action` to up to 100 comments; one result per id. `versions`: id → version shown, as for `act`. */
  async bulk(
    action: Action,
    ids: string[],
    versions?: Record<string, string>,
  ): Promise<{ id: string; ok: boolean; code?: string }[]> {
    const body = versions && Object.keys(versions).length ? { action, ids, versions } : { action, ids };
    return (await this.#call<{ results: { id: string; ok: boolean; code?: string }[] }>('POST', '/comments/bulk', body)).results;
  }

  /** Replaces a comment's text; with `version`, only if it is still the text shown (409 otherwise). */
  async edit(id: string, body: string, version?: string): Promise<AdminComment> {
    return (await this.#call<{ comment: AdminComment }>('PATCH', `/comments/${enc(id)}`, { body, version })).comment;
  }

  /** Posts a reply with the moderator badge; `version` pins the held parent it approves, as for `act`. */
  async reply(id: string, body: string, version?: string): Promise<AdminComment> {
    return (await this.#call<{ comment: AdminComment }>('POST', `/comments/${enc(id)}/reply`, { body, version })).comment;
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
  async importFile(
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
    return (await uploadFile<{ summary: ImportSummary }>(`${this.base}/import${params}`, this.#csrf, file, onProgress)).summary;
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

const enc = encodeURIComponent;
