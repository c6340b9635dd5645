import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ParleyConfigured } from './base-config.js';
import { embedConfig, pageKeyFromUrl } from './config.js';
import { define } from './define.js';
import { loadTerms, resolveLanguage, Translator } from './i18n/index.js';
import { counts } from './parley-count.batch.js';

const translators = new Map<string, Promise<Translator>>();

/** One translator per language, its table loaded once for all counts on the page. */
function translator(lang: string): Promise<Translator> {
  let t = translators.get(lang);
  if (!t) {
    t = loadTerms(lang).then((terms) => new Translator(lang, terms));
    translators.set(lang, t);
  }
  return t;
}

/**
 * Shows how many comments a page has ("12 comments", with the locale's plural rules), e.g. on
 * a listing page. All counts on a page are fetched together, in as few requests as possible.
 *
 * @attr lang - language of the text; then the script tag's `data-lang`, `<html lang>`, the browser, English
 * @slot - shown until the count has arrived, and when it cannot be loaded
 * @csspart count - the text of the count
 */
export class ParleyCount extends ParleyConfigured {
  static override styles = css`
    :host { display: inline; }
  `;

  #requested = '';

  @state() private text: string | undefined;

  /** Link to the page whose comments are counted; its URL without query and fragment is the key. Ignored when `page` is set. */
  @property() href = '';

  protected override willUpdate(_changed: PropertyValues): void {
    const api = this.apiBase;
    const site = this.siteId;
    const page = this.page || (this.href ? pageKeyFromUrl(this.href) : this.pageKey);
    const lang = this.getAttribute('lang') || embedConfig()?.lang || resolveLanguage(this);
    const request = [api, site, page, lang].join('\n');
    if (!site || request === this.#requested) return;
    this.#requested = request;
    void Promise.all([counts.count(api, site, page), translator(lang)]).then(
      ([n, t]) => {
        if (this.#requested === request) this.text = t.t('count.comments', { n });
      },
      () => {
        if (this.#requested === request) this.text = undefined;
      },
    );
  }

  override render() {
    return this.text === undefined ? html`<slot></slot>` : html`<span part="count">${this.text}</span>`;
  }
}

define('parley-count', ParleyCount);

declare global {
  interface HTMLElementTagNameMap {
    'parley-count': ParleyCount;
  }
}
