import { css, html, LitElement } from 'lit';
import { define } from './define.js';
import type { Terms } from './i18n/en.js';
import { loadTable, type TableLoader, tableLanguage } from './i18n/language-tag.js';
import { styles } from './parley-share.styles.js';
import { discover, fediverseUrl, parseAccount, recall, remember } from './share/fediverse.js';
import type { ShareData } from './share/services.js';
import { type ShareKey, ShareTerms } from './share/terms.js';

/** The form's terms, `share.fediverse.<key>`. */
type FormKey = { [K in ShareKey]: K extends `share.fediverse.${infer D}` ? D : never }[ShareKey];

/** The form's part of each locale table, English's too, loaded for the page's language only. */
const TABLES: Record<string, TableLoader> = {
  en: () => import('./i18n/locales/en.fediverse.js'),
  ar: () => import('./i18n/locales/ar.fediverse.js'),
  de: () => import('./i18n/locales/de.fediverse.js'),
  es: () => import('./i18n/locales/es.fediverse.js'),
  fr: () => import('./i18n/locales/fr.fediverse.js'),
  he: () => import('./i18n/locales/he.fediverse.js'),
  it: () => import('./i18n/locales/it.fediverse.js'),
  ja: () => import('./i18n/locales/ja.fediverse.js'),
  nl: () => import('./i18n/locales/nl.fediverse.js'),
  pl: () => import('./i18n/locales/pl.fediverse.js'),
  pt: () => import('./i18n/locales/pt.fediverse.js'),
  ru: () => import('./i18n/locales/ru.fediverse.js'),
  uk: () => import('./i18n/locales/uk.fediverse.js'),
  zh: () => import('./i18n/locales/zh.fediverse.js'),
  'zh-Hant': () => import('./i18n/locales/zh-Hant.fediverse.js'),
};

/** The language of the table that serves a tag (matched as every element matches, so `de-AT` reads German); English when none does. */
export const fediverseLanguage = (lang: string): string => tableLanguage(lang, Object.keys(TABLES)) ?? 'en';

/** A language tag's form terms (its table as {@link fediverseLanguage} finds it); English when none serves it or it fails to load. */
export async function loadFediverseTerms(lang: string): Promise<Terms> {
  const table = await loadTable(TABLES, lang);
  return table ?? (lang === 'en' ? {} : loadFediverseTerms('en'));
}

/**
 * The form of the comment server's fediverse share page (`/share/fediverse`, opened in a new tab
 * by the share bar's Mastodon link): the reader names their handle or server (remembered on this
 * device for the comment server's origin, so every site that uses it knows it), the browser asks
 * that server how it takes shares (WebFinger, then NodeInfo) and the tab goes on to its share
 * page. Running in the comment server's own page, the lookup needs nothing from the publisher's
 * Content-Security-Policy and none of its code is downloaded by the article. The page's script
 * (share-fediverse-page.ts) sets `i18n`, `data` and, in tests, `navigate`.
 *
 * @csspart form - the form
 */
export class ParleyShareFediverse extends LitElement {
  static override styles = [
    styles,
    css`
      :host{max-inline-size:30em;margin:2em auto;padding:0 1em;font:1rem/1.5 system-ui,sans-serif}
      form{display:grid;gap:.75em}
      h1{font-size:1.3em;margin:0}
      label{font-weight:600}
      input{font:inherit;padding:.4em}
      p{margin:0}
      #error{color:#b42318;color:light-dark(#b42318,#ff8a80);font-weight:600}
      div{display:flex;gap:.5em;justify-content:end}
    `,
  ];
  // Only what the template shows is reactive; `i18n` and `data` are set before the first render.
  static override properties = { error: { state: true }, busy: { state: true } };

  /** The form's terms. */
  i18n = new ShareTerms();
  /** What to share, as the share bar passed it. */
  data: ShareData = { url: '', title: '' };
  /** Goes to the share page; the tab itself moves on, so no pop-up blocker stands in the way. */
  navigate = (url: string): void => location.assign(url);
  private error?: string;
  /** "Looking up …" while the lookup runs, for the live region; the Share button waits meanwhile. */
  private busy?: string;

  /** A term of the form, `share.fediverse.<key>`. */
  private t(key: FormKey, vars?: Record<string, string>): string {
    return this.i18n.t(`share.fediverse.${key}`, vars);
  }

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input') as HTMLInputElement;
  }

  /** Nothing to share: the page was opened without a share button's link. Sharing waits, and says why. */
  private get empty(): boolean {
    return !this.data.url && !this.data.title && !this.data.text;
  }

  /** Fills in the remembered handle or server, selected, and puts the focus there. */
  override firstUpdated(): void {
    this.input.value = recall()?.input ?? '';
    this.input.select();
    this.input.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.input.value.trim();
    const account = parseAccount(input);
    this.error = account ? '' : this.t('invalid');
    if (!account) return this.input.focus();
    const known = recall();
    let target = known?.input === input ? known.target : undefined;
    if (!target) {
      this.busy = this.t('looking', { server: account.host });
      target = await discover(account);
      // Cleared before leaving: a reader who comes Back (the page restored as it was) may share again.
      this.busy = '';
    }
    remember({ input, target });
    this.navigate(fediverseUrl(target, this.data));
  }

  override render() {
    const t = this.t.bind(this);
    // A tab opened by a link may be closed by its own script while it has one history entry; one
    // with more (the reader came Back to it, or opened the page in the same tab) goes back instead.
    const close = () => {
      window.close();
      if (!window.closed) history.back();
    };
    // biome-ignore format: compact on purpose, since whitespace inside templates is shipped as is
    return html`<form part="form" aria-labelledby="title" @submit=${this.submit}><h1 id="title">${t('title')}</h1><label for="handle">${t('field')}</label><input id="handle" inputmode="url" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="hint error" aria-invalid=${!!this.error}><p id="hint">${t('hint')}</p><p id="error" role="alert">${this.empty ? t('empty') : this.error}</p><p role="status">${this.busy}</p><div><button type="button" @click=${close}>${t('cancel')}</button><button type="submit" ?disabled=${!!this.busy || this.empty}>${t('submit')}</button></div></form>`;
  }
}

define('parley-share-fediverse', ParleyShareFediverse);

declare global {
  interface HTMLElementTagNameMap {
    'parley-share-fediverse': ParleyShareFediverse;
  }
}
