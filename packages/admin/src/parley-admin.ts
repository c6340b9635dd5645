import { rightToLeft } from '@parley/widget/i18n/direction.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Admin, SiteSummary } from './api-types.js';
import { AdminElement, type AnnounceDetail } from './base.js';
import { LANGUAGES, languageName, resolveLanguage, Translator } from './i18n/translator.js';
import { isShortcut } from './keys.js';
import { styles } from './parley-admin.styles.js';
import type { ParleyAdminHelp } from './parley-admin-help.js';
import { shared, tokens } from './styles.js';
import { renderView, VIEWS, type View, visibleViews } from './views.js';
import './parley-admin-help.js';
import './parley-admin-login.js';
import './parley-admin-password.js';

type Theme = 'auto' | 'light' | 'dark';
const THEME_KEY = 'parley-admin-theme';
const LANG_KEY = 'parley-admin-lang';

/**
 * The admin console: the sign-in form until there is a session, then a header (sections, theme,
 * language, sign out) and one view chosen by the location hash (`#/queue`,
 * `#/thread?site=…&page=…`). Holds the console's one polite live region, which reads out what
 * views announce; moves focus to a view's heading when the view changes; opens the shortcut
 * overlay on `?`.
 *
 * @attr theme - `light` or `dark` forces a theme; otherwise `prefers-color-scheme` decides
 * @cssprop --parley-admin-bg, --parley-admin-fg, --parley-admin-accent … - theme tokens
 */
@customElement('parley-admin')
export class ParleyAdmin extends AdminElement {
  static override styles = [tokens, shared, styles];

  #onHash = () => this.#route();
  #onKey = (e: KeyboardEvent) => {
    if (e.key === '?' && this.admin && isShortcut(e) && !this.help?.open) {
      e.preventDefault();
      this.help.show();
    }
  };

  @state() private admin?: Admin | null;
  @state() private sites: SiteSummary[] = [];
  @state() private view: View = 'queue';
  @state() private params = new URLSearchParams();
  @state() private message = '';

  /** `light` or `dark` forces a theme; `auto` (or none) follows the system. */
  @property({ reflect: true }) theme: Theme = 'auto';

  @query('parley-admin-help') private help!: ParleyAdminHelp;

  override connectedCallback(): void {
    super.connectedCallback();
    this.theme = (localStorage.getItem(THEME_KEY) as Theme | null) ?? this.theme;
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener('keydown', this.#onKey);
    this.#route();
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) document.documentElement.dataset.theme = this.theme;
  }

  async #start() {
    const lang = localStorage.getItem(LANG_KEY) ?? resolveLanguage(navigator.languages ?? []);
    await this.#useLanguage(lang);
    try {
      this.admin = (await this.api.me()) ?? null;
      if (this.admin) await this.#settleLanguage(this.admin);
      if (this.admin && !this.admin.mustChangePassword) await this.#loadSites();
    } catch (e) {
      this.admin = null;
      this.fail(e);
    }
  }

  async #useLanguage(lang: string) {
    this.i18n = await Translator.load(lang);
    document.documentElement.lang = this.i18n.lang;
    // Arabic and Hebrew mirror the whole console (its styles use logical properties).
    document.documentElement.dir = rightToLeft(this.i18n.lang) ? 'rtl' : 'ltr';
    document.title = this.i18n.t('app.title');
  }

  async #loadSites() {
    try {
      this.sites = await this.api.sites();
    } catch (e) {
      this.fail(e);
    }
  }

  #route() {
    const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : 'queue';
    const changed = view !== this.view;
    this.view = view;
    this.params = new URLSearchParams(query);
    if (changed) void this.#focusView();
  }

  async #focusView() {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('main')?.firstElementChild as AdminElement | null;
    await view?.updateComplete;
    view?.focusHeading?.();
  }

  async #signedIn(e: CustomEvent<Admin>) {
    this.admin = e.detail;
    await this.#settleLanguage(e.detail);
    this.announce(this.i18n.t('login.signedIn', { email: e.detail.email }));
    if (!e.detail.mustChangePassword) await this.#loadSites();
    void this.#focusView();
  }

  async #passwordChanged() {
    if (this.admin) this.admin = { ...this.admin, mustChangePassword: false };
    await this.#loadSites();
    void this.#focusView();
  }

  async #logout() {
    try {
      await this.api.logout();
    } catch (e) {
      this.fail(e);
    }
    this.admin = null;
    this.sites = [];
    this.announce(this.i18n.t('logout.done'));
    await this.updateComplete;
    this.renderRoot.querySelector('parley-admin-login')?.focusHeading();
  }

  #announced(e: CustomEvent<AnnounceDetail>) {
    e.stopPropagation();
    this.announce(e.detail.message);
  }

  /** The root is where announcements end up: it writes them into the live region. */
  protected override announce(message: string): void {
    // Cleared first, so the same sentence twice in a row is read twice.
    this.message = '';
    requestAnimationFrame(() => (this.message = message));
  }

  #signedOut() {
    this.admin = null;
  }

  #setTheme(e: Event) {
    this.theme = (e.currentTarget as HTMLSelectElement).value as Theme;
    localStorage.setItem(THEME_KEY, this.theme);
  }

  async #setLanguage(e: Event) {
    const lang = (e.currentTarget as HTMLSelectElement).value;
    localStorage.setItem(LANG_KEY, lang);
    await this.#useLanguage(lang);
    if (this.admin) void this.#sendLanguage();
  }

  /**
   * Once the account is known: an account without a language gets the console's (sent, so that
   * moderator mails speak it); one with a language keeps it, and a browser where no language was
   * ever chosen in the menu shows it. Only a choice in the menu changes a stored language, so
   * opening the console on a phone set to English does not switch a German moderator's mails.
   */
  async #settleLanguage(admin: Admin) {
    if (!admin.locale) void this.#sendLanguage();
    else if (localStorage.getItem(LANG_KEY) === null && admin.locale !== this.i18n.lang) {
      await this.#useLanguage(resolveLanguage([admin.locale]));
    }
  }

  /**
   * Tells the server the console's language: moderator mails to this account speak it. A
   * preference only, so a failure is not shown; the next sign-in or change sends it again.
   */
  async #sendLanguage() {
    try {
      const stored = await this.api.setLanguage(this.i18n.lang);
      if (this.admin) this.admin = { ...this.admin, locale: stored.locale ?? null };
    } catch {
      // Mails keep the language stored before (English when none was).
    }
  }

  #openThread(e: CustomEvent<{ site: string; page: { key: string } }>) {
    location.hash = `#/thread?site=${encodeURIComponent(e.detail.site)}&page=${encodeURIComponent(e.detail.page.key)}`;
  }

  override render() {
    const t = this.i18n;
    const views = visibleViews(this.admin);
    return html`<div
      @parley-admin-announce=${this.#announced}
      @parley-admin-signed-out=${this.#signedOut}
      @parley-admin-signed-in=${this.#signedIn}
      @parley-admin-open-thread=${this.#openThread}
    >
      ${
        this.admin
          ? html`<button type="button" class="skip" @click=${() => this.#focusView()}>${t.t('app.skip')}</button>
            <header>
              <p class="brand">${t.t('app.title')}</p>
              <nav aria-label=${t.t('nav.label')}>
                <ul>
                  ${views.map(
                    (v) =>
                      html`<li><a href="#/${v}" aria-current=${v === this.view ? 'page' : nothing}>${t.t(`nav.${v}`)}</a></li>`,
                  )}
                </ul>
              </nav>
              <div class="tools">
                <button type="button" @click=${() => this.help.show()} aria-keyshortcuts="?">${t.t('queue.help')}</button>
                <label
                  >${t.t('theme.label')}
                  <select @change=${this.#setTheme}>
                    ${(['auto', 'light', 'dark'] as const).map(
                      (v) => html`<option value=${v} ?selected=${v === this.theme}>${t.t(`theme.${v}`)}</option>`,
                    )}
                  </select></label
                >
                <label
                  >${t.t('lang.label')}
                  <select @change=${this.#setLanguage}>
                    ${LANGUAGES.map(
                      (l) =>
                        html`<option value=${l} lang=${l} ?selected=${l === t.lang}>
                          ${languageName(l)}
                        </option>`,
                    )}
                  </select></label
                >
                <span class="muted">${this.admin.email}</span>
                <button type="button" @click=${this.#logout}>${t.t('logout.submit')}</button>
              </div>
            </header>
            <main id="main">
              ${
                this.admin.mustChangePassword
                  ? html`<parley-admin-password
                    .api=${this.api}
                    .i18n=${t}
                    @parley-admin-password-changed=${this.#passwordChanged}
                  ></parley-admin-password>`
                  : renderView(this.view, this.params, { api: this.api, i18n: this.i18n, sites: this.sites })
              }
            </main>
            <parley-admin-help .i18n=${t}></parley-admin-help>`
          : this.admin === null
            ? html`<main><parley-admin-login .api=${this.api} .i18n=${t}></parley-admin-login></main>`
            : html`<main><p class="muted">${t.t('common.loading')}</p></main>`
      }
      <div role="status" aria-live="polite" class="visually-hidden">${this.message}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin': ParleyAdmin;
  }
}
