import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { embedConfig } from './config.js';
import { define } from './define.js';
import { direction } from './i18n/direction.js';
import type { Terms } from './i18n/en.js';
import { styles } from './parley-share.styles.js';
import { meta, serverOf, shareData } from './share/actions.js';
import { control } from './share/control.js';
import { icon } from './share/icons.js';
import { parseServices, type ServiceId } from './share/services.js';
import { ShareTerms } from './share/terms.js';

export { type FediverseTarget, SERVICES, type ServiceId, type ShareData, shareUrl } from './share/services.js';

/** `detail` of the `parley-share` event. */
export interface ShareEventDetail {
  service: ServiceId;
  /** Where the reader was sent (an intent URL, `mailto:`, the fediverse share page), or the shared link itself. */
  url: string;
}

/**
 * A share bar that sends nothing to anyone until the reader clicks: no third-party script, font,
 * image or count API; icons are inline SVG. Native share (where the browser has it), copy link,
 * e-mail, X, Facebook, LinkedIn, Reddit, Hacker News, WhatsApp, Telegram, Bluesky, Threads,
 * Mastodon and the fediverse (the reader's own server, named on the comment server's share page
 * and looked up by the browser there), Pinterest
 * and print. The link and title come from `url` / `title`, else `<link rel=canonical>` /
 * `og:url` / `og:title` / `document.title`. See docs/share.md.
 *
 * Sharing one comment (for `<parley-comments>`): render
 * `<parley-share variant="compact" url=${permalink} text=${excerpt}>`, one "Share" button that
 * unfolds the services as icons; or build links with `shareUrl(service, { url, title, text })`
 * exported here (pure, no DOM).
 *
 * Properties are declared with `static properties` rather than decorators: the decorator
 * helpers cost about 0.7 KB gzipped, and the bar has a 10 KB budget with Lit included.
 *
 * @fires parley-share - the reader shared (clicked a network, copied, shared natively, printed);
 *   `detail: { service, url }`. Bubbles out of shadow roots; never fired by property changes.
 * @attr site - site id for `counts`; defaults to the script tag's `data-site`
 * @attr page - page key for `counts`; defaults to the shared link without query and fragment
 * @attr api - comment server, for `counts` and the fediverse share page; defaults to where the
 *   embed script came from (with neither, Mastodon is left out)
 * @attr url - link to share; defaults to the canonical URL
 * @attr title - title to share; defaults to `og:title`, then the document title
 * @attr text - post text where a network takes one; defaults to the title
 * @attr image - image for Pinterest; defaults to `og:image`
 * @attr services - services in order, e.g. `native copy mastodon bluesky`; default
 *   `native copy mastodon bluesky x facebook linkedin whatsapp reddit email`; also `hackernews
 *   telegram threads pinterest print`
 * @attr variant - `labelled` (icon and name, default), `icons` (icon only) or `compact`
 * @attr theme - `light`, `dark` or `auto` (own colours on `Canvas`); unset, the bar tints itself from
 *   the page's text colour; defaults to the script tag's `data-theme`
 * @attr counts - show first-party share counts and count this reader's shares
 * @attr utm - a campaign name: adds `utm_source=<service>&utm_medium=social&utm_campaign=<utm>`
 * @attr lang - language of the labels; then the script tag's `data-lang`, the nearest `lang`, the
 *   browser, English. The bar's content carries the `lang` of the terms used and their direction
 * @attr dir - `ltr`, `rtl` or `auto`, over the direction of the bar's language
 * @csspart list - the list of services
 * @csspart control - every link or button; also `control-<service>`, e.g. `control-mastodon`
 * @csspart icon - each icon
 * @csspart label - each name (visually hidden in the `icons` and `compact` variants)
 * @csspart count - a share count (only with `counts`, hidden at zero)
 * @csspart toggle - the "Share" button of the compact variant
 * @csspart status - the polite live region (visually hidden)
 * @cssprop --parley-share-fg - text and icon colour
 * @cssprop --parley-share-bg - control background
 * @cssprop --parley-share-border - control border colour
 * @cssprop --parley-share-focus - focus ring colour
 * @cssprop --parley-share-radius - control corner radius (default: pill)
 * @cssprop --parley-share-gap - space between controls
 * @cssprop --parley-share-icon-size - icon size (default 1.25em)
 */
export class ParleyShare extends LitElement {
  static override styles = styles;
  static override properties = {
    url: {},
    title: {},
    text: {},
    image: {},
    services: {},
    variant: { reflect: true },
    theme: { reflect: true },
    counts: { type: Boolean },
    utm: {},
    terms: { attribute: false },
    language: { state: true },
    badge: { state: true },
    copied: { state: true },
    expanded: { state: true },
  };

  // No initialisers where undefined will do: each costs bytes in the constructor.
  url?: string;
  declare title: string;
  text?: string;
  image?: string;
  services?: string;
  variant: 'labelled' | 'icons' | 'compact' = 'labelled';
  theme?: string;
  counts?: boolean;
  utm?: string;
  /** Term overrides, e.g. `{ 'share.copy': 'Copy' }`. */
  terms?: Terms;
  /**
   * The terms in force, made before each render from the language, its table and `terms`.
   * @internal also read by the actions (share/actions.ts)
   */
  i18n!: ShareTerms;
  /** The page's language, once matched and its table loaded (English until then, and on English pages). */
  private language?: string;
  /** That language's table, set just before `language` (whose change renders the bar again). */
  private locale?: Terms;
  /**
   * The count badge of a service, once `counts` has loaded the totals.
   * @internal read by each control (share/control.ts)
   */
  badge: ((id: ServiceId) => TemplateResult | typeof nothing) | undefined;
  /**
   * Whether the last copy worked (said for a few seconds) or failed (said, and the fallback field
   * shows); the live region's text follows from it.
   * @internal set by the copy action (share/actions.ts)
   */
  copied: boolean | undefined;
  private expanded?: boolean;

  override connectedCallback(): void {
    super.connectedCallback();
    const config = embedConfig();
    this.theme ||= config?.theme;
    // English pages need neither the language matching nor a table: both load only otherwise
    // (a separate chunk when the bar is bundled alone, which keeps it in its 10 KB budget).
    // The same order as `resolveLanguage`: own `lang`, `data-lang`, the nearest `lang`.
    if (/^en\b/i.test(this.lang || config?.lang || this.closest<HTMLElement>('[lang]')?.lang || '')) return;
    void import('./i18n/index.js').then(async ({ loadTerms, resolveLanguage }) => {
      const lang = resolveLanguage(this);
      this.locale = await loadTerms(lang);
      this.language = lang;
    });
  }

  override willUpdate(): void {
    this.i18n = new ShareTerms(this.language, this.locale, this.terms);
  }

  // Where the counts live (`site`, `page`, `api`) is worked out in the counts chunk, which only
  // pages with `counts` load.
  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('counts') || changed.has('url')) && this.counts) {
      void import('./share/counts.js').then(async (c) => {
        const totals = await c.fetchTotals(this);
        this.badge = (id) => c.countBadge(totals[id], this.i18n);
      });
    }
  }

  /**
   * The link being shared: `url`, else canonical / `og:url`, else this page without fragment.
   * @internal also read by the counts chunk and the actions
   */
  get link(): string {
    try {
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || meta('og:url');
      return new URL(this.url || canonical || location.href.replace(/#.*/, ''), document.baseURI).href;
    } catch {
      return location.href;
    }
  }

  // The bar's buttons sit in no form, so they need no type="button".
  override render() {
    // Mastodon's page is on the comment server: without one (`api`, or the embed script's origin) it is left out.
    const ids = parseServices(this.services).filter(
      (s) => (s !== 'native' || 'share' in navigator) && (s !== 'mastodon' || serverOf(this)),
    );
    const compact = this.variant === 'compact';
    const toggle = () => {
      this.expanded = !this.expanded;
    };
    // The root carries the language of the terms in use (English until a table is in) and its
    // direction, not the page's (Arabic and Hebrew right to left, others left to right, on any
    // page); the bar's own `dir` wins.
    // biome-ignore format: compact on purpose, since whitespace inside templates is shipped as is
    return html`<div lang=${this.language ?? 'en'} dir=${direction(this, this.language)}>${compact ? html`<button part="toggle" aria-expanded=${!!this.expanded} aria-controls="list" @click=${toggle}>${icon('native')}<span part="label">${this.i18n.t('share.label')}</span></button>` : nothing}<ul part="list" id="list" aria-label=${this.i18n.t('share.label')} ?hidden=${compact && !this.expanded}>${ids.map((id) => html`<li>${control(this, id)}</li>`)}</ul>${this.copied === false ? html`<input readonly .value=${shareData(this, 'copy').url} aria-label=${this.i18n.t('share.copyFailed')}>` : nothing}<span id="new-window" hidden>${this.i18n.t('share.newWindow')}</span><p part="status" class="sr" role="status">${this.copied === undefined ? '' : this.i18n.t(this.copied ? 'share.copied' : 'share.copyFailed')}</p></div>`;
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
