/**
 * The console's views: which there are (each at `#/<view>`), which only owners see, and the
 * element each one shows. `<parley-admin>` picks the view from the location hash.
 */
import { html } from 'lit';
import type { AdminApi } from './api.js';
import type { Admin, SiteSummary } from './api-types.js';
import type { Translator } from './i18n/translator.js';
import './parley-admin-audit.js';
import './parley-admin-bans.js';
import './parley-admin-import.js';
import './parley-admin-queue.js';
import './parley-admin-search.js';
import './parley-admin-settings.js';
import './parley-admin-subscriptions.js';
import './parley-admin-thread.js';
import './parley-admin-webhooks.js';

/** The console's views, each at `#/<view>`. */
export const VIEWS = ['queue', 'search', 'thread', 'bans', 'subscriptions', 'webhooks', 'settings', 'audit', 'import'] as const;
/** One of {@link VIEWS}. */
export type View = (typeof VIEWS)[number];
/** Views only an owner sees. */
const OWNER_ONLY: readonly View[] = ['webhooks', 'settings', 'import'];

/** The sections `admin` sees in the header: none until a one-time password is replaced (every other route answers 403 then). */
export function visibleViews(admin: Admin | null | undefined): View[] {
  return admin?.mustChangePassword ? [] : VIEWS.filter((v) => admin?.role === 'owner' || !OWNER_ONLY.includes(v));
}

/** What every view gets from the console. */
export interface ViewContext {
  api: AdminApi;
  i18n: Translator;
  sites: SiteSummary[];
}

/** The element of `view`; `params` are the hash's query (`#/thread?site=…&page=…`). */
export function renderView(view: View, params: URLSearchParams, common: ViewContext) {
  switch (view) {
    case 'search':
      return html`<parley-admin-search .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-search>`;
    case 'thread':
      return html`<parley-admin-thread
        .api=${common.api}
        .i18n=${common.i18n}
        .sites=${common.sites}
        site=${params.get('site') ?? common.sites[0]?.id ?? ''}
        page=${params.get('page') ?? ''}
      ></parley-admin-thread>`;
    case 'bans':
      return html`<parley-admin-bans .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-bans>`;
    case 'settings':
      return html`<parley-admin-settings .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-settings>`;
    case 'subscriptions':
      return html`<parley-admin-subscriptions
        .api=${common.api}
        .i18n=${common.i18n}
        .sites=${common.sites}
      ></parley-admin-subscriptions>`;
    case 'webhooks':
      return html`<parley-admin-webhooks .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-webhooks>`;
    case 'import':
      return html`<parley-admin-import .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-import>`;
    case 'audit':
      return html`<parley-admin-audit .api=${common.api} .i18n=${common.i18n}></parley-admin-audit>`;
    default:
      return html`<parley-admin-queue .api=${common.api} .i18n=${common.i18n} .sites=${common.sites}></parley-admin-queue>`;
  }
}
