import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ParleyElement } from './base.js';
import { embedConfig } from './config.js';
import { define } from './define.js';
import { loadTerms, resolveLanguage, type TermKey, type Terms, Translator } from './i18n/index.js';
import { styles } from './parley-share.styles.js';
import { fetchTotals, type ShareTotals, sendBeacon } from './share/counts.js';
import { discover, parseAccount, recall, remember } from './share/fediverse.js';
import { icon } from './share/icons.js';
import { BRANDS, fediverseUrl, parseServices, type ServiceId, type ShareData, shareUrl, withUtm } from './share/services.js';

export { type FediverseTarget, SERVICES, type ServiceId, type ShareData, shareUrl } from './share/services.js';

/** `detail` of the `parley-share` event. */
export interface ShareEventDetail {
  service: ServiceId;
  /** The URL the reader was sent to (an intent URL, `mailto:`), or the shared link itself. */
  url: string;
}

const GENERIC: Partial<Record<ServiceId, TermKey>> = {
  native: 'share.native',
  copy: 'share.copy',
  email: 'share.email',
  print: 'share.print',
  mastodon: 'share.fediverse',
};

/**
 * A share bar that sends nothing to anyone until the reader clicks: no third-party script, font,
 * image or count API; icons are inline SVG. Native share (where the browser has it), copy link,
 * e-mail, X, Facebook, LinkedIn, Reddit, Hacker News, WhatsApp, Telegram, Bluesky, Threads,
 * Mastodon and the fediverse (the reader's own server, looked up by the browser), Pinterest
 * and print.
 *
 * The shared link and title come from `url` / `title`, else `<link rel=canonical>` /
 * `og:url` / `og:title` / `document.title`.
 *
 * Sharing one comment (for `<parley-comments>`): render
 * `<parley-share variant="compact" url=${permalink} title=${pageTitle} text=${excerpt}>`, a
 * single "Share" button that unfolds the services as icons; or build links yourself with
 * `shareUrl(service, { url, title, text })` from this module (pure, no DOM).
 *
 * @fires parley-share - the reader shared (clicked a network, copied, shared natively, printed);
 *   `detail: { service, url }`. Bubbles out of shadow roots; never fired by property changes.
 * @csspart list - the list of services
 * @csspart control - every link or button; also `control-<service>`, e.g. `control-mastodon`
 * @csspart icon - each icon
 * @csspart label - each visible label
 * @csspart count - a share count (only with `counts`, hidden at zero)
 * @csspart toggle - the "Share" button of the compact variant
 * @csspart dialog - the fediverse server dialog
 * @csspart status - the polite live region (visually hidden)
 * @cssprop --parley-share-fg - text and icon colour
 * @cssprop --parley-share-bg - control background
 * @cssprop --parley-share-hover-bg - control background on hover
 * @cssprop --parley-share-border - control border colour
 * @cssprop --parley-share-focus - focus ring colour
 * @cssprop --parley-share-radius - control corner radius (default: pill)
 * @cssprop --parley-share-gap - space between controls
 * @cssprop --parley-share-icon-size - icon size (default 1.25em)
 * @cssprop --parley-share-error - colour of the fediverse form's error
 */
export class ParleyShare extends ParleyElement {
  static override styles = styles;

  private localeTerms: Terms = {};

  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('#handle') private handle!: HTMLInputElement | null;

  @state() private i18n = new Translator();
  @state() private totals: ShareTotals = {};
  @state() private announcement = '';
  @state() private copied = false;
  @state() private copyFailed = false;
  @state() private expanded = false;
  @state() private fediError = '';
  @state() private fediBusy = '';
  @state() private fediLink = '';

  /** Link to share; defaults to the canonical URL of the page. */
  @property() url = '';
  /** Title to share; defaults to `og:title`, then the document title. */
  @property() override title = '';
  /** Post text where a network takes one; defaults to the title. */
  @property() text = '';
  /** Image for Pinterest; defaults to `og:image`. */
  @property() image = '';
  /**
   * Which services, in order, separated by spaces: `native copy email x facebook linkedin reddit
   * hackernews whatsapp telegram bluesky threads mastodon pinterest print`. Default:
   * `native copy mastodon bluesky x facebook linkedin whatsapp reddit email`.
   */
  @property() services = '';
  /** `labelled` (icon and name), `icons` (icon only, named for screen readers) or `compact`. */
  @property({ reflect: true }) variant: 'labelled' | 'icons' | 'compact' = 'labelled';
  /** `light`, `dark` or `auto` (follows the reader's system); defaults to the script tag's `data-theme`. */
  @property({ reflect: true }) theme = '';
  /** Shows first-party share counts and counts this reader's shares (one per service per day). */
  @property({ type: Boolean }) counts = false;
  /** A campaign name: adds `utm_source=<service>&utm_medium=social&utm_campaign=<utm>` to shared links. */
  @property() utm = '';
  /** Term overrides, e.g. `{ 'share.copy': 'Copy' }`. */
  @property({ attribute: false }) terms: Terms = {};

  override connectedCallback(): void {
    super.connectedCallback();
    this.theme ||= embedConfig()?.theme ?? '';
    const lang = resolveLanguage(this, embedConfig()?.lang ? [embedConfig()?.lang ?? ''] : undefined);
    void loadTerms(lang).then((t) => {
      this.localeTerms = t;
      this.i18n = new Translator(lang, t, this.terms);
    });
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('terms') && changed.get('terms') !== undefined) {
      this.i18n = new Translator(this.i18n.lang, this.localeTerms, this.terms);
    }
    if ((changed.has('counts') || changed.has('url') || changed.has('page')) && this.counts && this.siteId) {
      void fetchTotals(this.client.base, this.siteId, this.countKey).then((t) => {
        this.totals = t;
      });
    }
  }

  /** The link being shared, absolute, without a fragment unless `url` gave one. */
  private get link(): string {
    const meta = (p: string) => document.querySelector<HTMLMetaElement>(`meta[property="${p}"]`)?.content;
    try {
      if (this.url) return new URL(this.url, document.baseURI).href;
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || meta('og:url');
      const u = new URL(canonical || location.href, document.baseURI);
      if (!canonical) u.hash = '';
      return u.href;
    } catch {
      return location.href;
    }
  }

  /** The page key the counts belong to: `page`, else the shared link without query and fragment. */
  private get countKey(): string {
    if (this.page || !this.url) return this.pageKey;
    const u = new URL(this.link);
    u.search = '';
    u.hash = '';
    return u.href;
  }

  private data(service: string): ShareData {
    const meta = (p: string) => document.querySelector<HTMLMetaElement>(`meta[property="${p}"]`)?.content;
    return {
      url: withUtm(this.link, service, this.utm || undefined),
      title: this.title || meta('og:title') || document.title,
      text: this.text || undefined,
      image: this.image || meta('og:image'),
    };
  }

  private t(key: TermKey, vars?: Record<string, string | number>): string {
    return this.i18n.t(key, vars);
  }

  private label(id: ServiceId): string {
    const key = GENERIC[id];
    return key ? this.t(key) : (BRANDS[id] ?? id);
  }

  private say(message: string): void {
    // Emptied first so that the same message twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  private shared(service: ServiceId, url: string): void {
    if (this.counts && this.siteId) sendBeacon(this.client.base, this.siteId, this.countKey, service);
    this.dispatchEvent(
      new CustomEvent<ShareEventDetail>('parley-share', { detail: { service, url }, bubbles: true, composed: true }),
    );
  }

  private native(): void {
    const d = this.data('native');
    // Called synchronously in the click handler: the share sheet needs the click's user activation.
    navigator.share({ url: d.url, title: d.title, ...(d.text ? { text: d.text } : {}) }).then(
      () => this.shared('native', d.url),
      (err: unknown) => {
        // The reader closed the sheet: nothing to say. Anything else: copy the link instead.
        if (!(err instanceof DOMException && err.name === 'AbortError')) void this.copy();
      },
    );
  }

  private async copy(): Promise<void> {
    const url = this.data('copy').url;
    let ok = await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    );
    if (!ok) ok = this.copyByCommand(url);
    this.copied = ok;
    this.copyFailed = !ok;
    this.say(this.t(ok ? 'share.copied' : 'share.copyFailed'));
    if (ok) {
      this.shared('copy', url);
      setTimeout(() => {
        this.copied = false;
      }, 4000);
    } else {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#copy-field')?.select();
    }
  }

  /** The pre-Clipboard-API way, for insecure contexts and browsers that refuse `writeText`. */
  private copyByCommand(value: string): boolean {
    const area = document.createElement('textarea');
    area.value = value;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0';
    this.renderRoot.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }

  private openFediverse(): void {
    this.fediError = '';
    this.fediBusy = '';
    this.fediLink = '';
    this.dialog?.showModal();
    if (this.handle) {
      this.handle.value ||= recall()?.input ?? '';
      this.handle.select();
    }
  }

  private async submitFediverse(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.handle?.value.trim() ?? '';
    const account = parseAccount(input);
    if (!account) {
      this.fediError = this.t('share.fediverse.invalid');
      this.handle?.focus();
      return;
    }
    this.fediError = '';
    // Opened now, while the submit still carries the reader's activation; pointed at the share
    // page once the lookup is done. A blocked pop-up leaves a link to follow instead.
    const win = window.open('', '_blank');
    if (win) win.opener = null;
    const known = recall();
    let target = known?.input === input ? known.target : undefined;
    if (!target) {
      this.fediBusy = this.t('share.fediverse.looking', { server: account.host });
      target = await discover(account);
      this.fediBusy = '';
    }
    remember({ input, target });
    const href = fediverseUrl(target, this.data('mastodon'));
    if (win && !win.closed) {
      win.location.href = href;
      this.dialog?.close();
    } else {
      this.fediLink = href;
      this.say(this.t('share.fediverse.open', { server: new URL(href).host }));
    }
    this.shared('mastodon', href);
  }

  private count(id: ServiceId): TemplateResult | typeof nothing {
    const n = this.totals[id];
    if (!this.counts || typeof n !== 'number' || !(n > 0)) return nothing;
    const short = new Intl.NumberFormat(this.i18n.lang, { notation: 'compact' }).format(n);
    return html`<span part="count"><span aria-hidden="true">${short}</span><span class="sr">${this.t('share.count', { n })}</span></span>`;
  }

  private item(id: ServiceId): TemplateResult {
    const name = id === 'copy' && this.copied ? this.t('share.copied') : this.label(id);
    const iconOnly = this.variant !== 'labelled';
    const body = html`${icon(id)}<span part="label" class=${iconOnly ? 'sr' : ''}>${name}</span>${this.count(id)}`;
    const part = `control control-${id}`;
    const tip = iconOnly ? (BRANDS[id] ? this.t('share.on', { service: name }) : name) : nothing;
    const href = id === 'mastodon' ? undefined : shareUrl(id, this.data(id));
    if (href) {
      const external = id !== 'email';
      return html`<a part=${part} href=${href} title=${tip} target=${external ? '_blank' : nothing}
        rel="noopener noreferrer" aria-describedby=${external ? 'new-window' : nothing}
        @click=${() => this.shared(id, href)}>${body}</a>`;
    }
    const click = {
      native: () => this.native(),
      copy: () => void this.copy(),
      mastodon: () => this.openFediverse(),
      print: () => {
        window.print();
        this.shared('print', this.link);
      },
    }[id as 'native'];
    return html`<button type="button" part=${part} title=${tip} aria-haspopup=${id === 'mastodon' ? 'dialog' : nothing}
      @click=${click}>${body}</button>`;
  }

  private renderDialog(): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="fedi-title">
      <form @submit=${this.submitFediverse} novalidate>
        <h2 id="fedi-title">${this.t('share.fediverse.title')}</h2>
        <label for="handle">${this.t('share.fediverse.field')}</label>
        <input id="handle" name="handle" type="text" inputmode="url" autocomplete="off" autocapitalize="off"
          spellcheck="false" aria-describedby="fedi-hint fedi-error" aria-invalid=${this.fediError ? 'true' : 'false'} />
        <p id="fedi-hint">${this.t('share.fediverse.hint')}</p>
        <p id="fedi-error" class="error">${this.fediError}</p>
        ${this.fediBusy ? html`<p role="status">${this.fediBusy}</p>` : nothing}
        ${
          this.fediLink
            ? html`<p><a href=${this.fediLink} target="_blank" rel="noopener noreferrer"
                @click=${() => this.dialog?.close()}>${this.t('share.fediverse.open', { server: new URL(this.fediLink).host })}</a></p>`
            : nothing
        }
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${this.t('share.fediverse.cancel')}</button>
          <button type="submit" ?disabled=${!!this.fediBusy}>${this.t('share.fediverse.submit')}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const canNative = typeof navigator.share === 'function';
    const ids = parseServices(this.services).filter((s) => s !== 'native' || canNative);
    const compact = this.variant === 'compact';
    const list = html`<ul part="list" id="list" aria-label=${this.t('share.label')} ?hidden=${compact && !this.expanded}>
      ${ids.map((id) => html`<li>${this.item(id)}</li>`)}
    </ul>`;
    return html`
      ${
        compact
          ? html`<button type="button" part="toggle" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="list"
              @click=${() => {
                this.expanded = !this.expanded;
              }}>${icon('native')}<span part="label">${this.t('share.label')}</span></button>`
          : nothing
      }
      ${list}
      ${
        this.copyFailed
          ? html`<input id="copy-field" readonly .value=${this.data('copy').url} aria-label=${this.t('share.copyFailed')} />`
          : nothing
      }
      <span id="new-window" hidden>${this.t('share.newWindow')}</span>
      <p part="status" class="sr" role="status">${this.announcement}</p>
      ${ids.includes('mastodon') ? this.renderDialog() : nothing}
    `;
  }
}

define('parley-share', ParleyShare);

declare global {
  interface HTMLElementTagNameMap {
    'parley-share': ParleyShare;
  }
  interface HTMLElementEventMap {
    'parley-share': CustomEvent<ShareEventDetail>;
  }
}
