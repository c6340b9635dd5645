import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ParleyConfigured } from './base-config.js';
import { pageKeyFromUrl } from './config.js';
import { define } from './define.js';
import type { Term } from './i18n/en.js';
import { direction, loadTerms, resolveLanguage } from './i18n/index.js';
import { counts } from './parley-count.batch.js';

/**
 * English `count.comments` (the same as in i18n/en.ts; a unit test keeps them equal). The count
 * is in the first-load chunk and formats its one term itself, since `Translator` needs the whole
 * English table, which only the comment thread uses (so `Translator` and the table sit in
 * i18n/translator.ts, in the thread's chunk).
 */
export const ENGLISH_COUNT: Term = { one: '{n} comment', other: '{n} comments' };

const formats = new Map<string, Promise<(n: number) => string>>();

/** The `count.comments` text of `lang` for `n`, its table loaded once for all counts on the page. */
function formatter(lang: string): Promise<(n: number) => string> {
  let f = formats.get(lang);
  if (!f) {
    f = loadTerms(lang).then((terms) => {
      const term = terms['count.comments'] ?? ENGLISH_COUNT;
      const plural = new Intl.PluralRules(lang);
      return (n: number) =>
        (typeof term === 'string' ? term : (term[plural.select(n)] ?? term.other)).replaceAll('{n}', n.toLocaleString(lang));
    });
    formats.set(lang, f);
  }
  return f;
}

/**
 * Shows how many comments a page has ("12 comments", with the locale's plural rules), e.g. on
 * a listing page. All counts on a page are fetched together, in as few requests as possible.
 *
 * @attr lang - language of the text; then the script tag's `data-lang`, `<html lang>`, the browser, English
 * @attr dir - `ltr` or `rtl`, over the language's direction (Arabic and Hebrew counts read right to
 *   left on any page, others left to right); the count is isolated (`<bdi>`) from the text around it
 * @slot - shown until the count has arrived, and when it cannot be loaded
 * @csspart count - the text of the count
 */
export class ParleyCount extends ParleyConfigured {
  static override properties: PropertyDeclarations = { href: {}, text: { state: true } };
  // No styles: a custom element is `display: inline` by default, which is what a count is.

  #requested?: string;
  /** The language of the text shown (a table's name, English for any language without one). */
  #lang = 'en';
  /** The count's direction (`direction` in i18n/direction.ts), so "12 تعليقًا" reads right to left on a left-to-right page. */
  #dir?: string;

  private text: string | undefined;

  /** Link to the page whose comments are counted; its URL without query and fragment is the key. Ignored when `page` is set. */
  href?: string;

  protected override willUpdate(_changed: PropertyValues): void {
    const api = this.apiBase;
    const site = this.siteId;
    const page = this.page || (this.href ? pageKeyFromUrl(this.href) : this.pageKey);
    // Its own `lang`, the script tag's `data-lang` and the page's are tags (`zh-TW`, `pt-BR`),
    // matched to a table, never looked up as written.
    const lang = resolveLanguage(this);
    this.#lang = lang;
    this.#dir = direction(this, lang);
    const request = [api, site, page, lang].join('\n');
    if (!site || request === this.#requested) return;
    this.#requested = request;
    // A failed count shows the slot again; an answer to an older request changes nothing.
    void Promise.all([counts.count(api, site, page), formatter(lang)])
      .then(
        ([n, format]) => format(n),
        () => undefined,
      )
      .then((text) => {
        if (this.#requested === request) this.text = text;
      });
  }

  override render() {
    // Isolated from the text around it, in its own language and direction: "12 comments" keeps
    // its order inside a right-to-left sentence.
    return this.text === undefined
      ? html`<slot></slot>`
      : html`<bdi part="count" lang=${this.#lang} dir=${this.#dir}>${this.text}</bdi>`;
  }
}

define('parley-count', ParleyCount);

declare global {
  interface HTMLElementTagNameMap {
    'parley-count': ParleyCount;
  }
}
