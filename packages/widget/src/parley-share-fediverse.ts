import { css, html, LitElement } from 'lit';
import { define } from './define.js';
import type { Terms } from './i18n/en.js';
import { loadTable, type TableLoader } from './i18n/language-tag.js';
import { styles } from './parley-share.styles.js';
import { discover, fediverseUrl, parseAccount, recall, remember } from './share/fediverse.js';
import type { ShareData } from './share/services.js';
import { type ShareKey, ShareTerms } from './share/terms.js';

/** The dialog's terms, `share.fediverse.<key>`. */
type DialogKey = { [K in ShareKey]: K extends `share.fediverse.${infer D}` ? D : never }[ShareKey];

/** The dialog's part of each locale table, English's too, loaded when it opens (not with the share bar). */
const TABLES: Record<string, TableLoader> = {
  en: () => import('./i18n/locales/en.fediverse.js'),
  de: () => import('./i18n/locales/de.fediverse.js'),
  es: () => import('./i18n/locales/es.fediverse.js'),
  fr: () => import('./i18n/locales/fr.fediverse.js'),
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

/** A language tag's fediverse dialog terms (matched as `loadTable` does); unknown languages and load failures give English. */
export async function loadFediverseTerms(lang: string): Promise<Terms> {
  const table = await loadTable(TABLES, lang);
  return table ?? (lang === 'en' ? {} : loadFediverseTerms('en'));
}

/**
 * The fediverse step of `<parley-share>`: a small modal dialog where the reader names their handle
 * or server (once; it is remembered on this device), after which the browser looks up how that
 * server takes shares and opens its share page. Loaded only when the reader first clicks
 * Mastodon, so the share bar itself stays small. Not meant to be used on its own: the bar opens
 * it with {@link openFediverse}. Its controls wear the bar's styles (and `--parley-share-*`).
 *
 * @csspart dialog - the dialog
 */
export class ParleyShareFediverse extends LitElement {
  static override styles = [
    styles,
    css`
      dialog{border:1px solid;border-radius:.5em;max-inline-size:min(28em,90vw)}
      form{display:grid;gap:.5em}
      h2{font-size:1.1em;margin:0}
      label{font-weight:600}
      input{font:inherit;padding:.4em}
      p{margin:0}
      #error{color:var(--parley-share-error,#b42318);font-weight:600}
      div{display:flex;gap:.5em;justify-content:end}
    `,
  ];
  // Only what the template shows is reactive; `show()` renders the rest anew.
  static override properties = { error: { state: true }, busy: { state: true }, link: { state: true } };

  /** The share bar's terms over the dialog's table. */
  i18n!: ShareTerms;
  /** What to share (the Mastodon-shaped data of the bar). */
  data!: ShareData;
  /** Told the share page's URL once it was opened (or offered as a link). */
  onShared!: (url: string) => void;
  private error?: string;
  /** "Looking up …" while the lookup runs, for the live region; the Share button waits meanwhile. */
  private busy?: string;
  /** The share page, offered as a link when a pop-up blocker stopped the share tab. */
  private link?: string;

  /** A term of the dialog, `share.fediverse.<key>`. */
  private t(key: DialogKey, vars?: Record<string, string>): string {
    return this.i18n.t(`share.fediverse.${key}`, vars);
  }

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input') as HTMLInputElement;
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Opens the dialog with the remembered handle or server filled in and selected. */
  async show(): Promise<void> {
    this.error = this.busy = this.link = undefined;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
    this.input.value ||= recall()?.input ?? '';
    this.input.select();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.input.value.trim();
    const account = parseAccount(input);
    this.error = account ? '' : this.t('invalid');
    if (!account) return this.input.focus();
    // Opened now, while the submit still carries the reader's activation, and pointed at the
    // share page once the lookup is done. A blocked pop-up leaves a link to follow instead.
    const win = open('', '_blank');
    if (win) win.opener = null;
    const known = recall();
    let target = known?.input === input ? known.target : undefined;
    if (!target) {
      this.busy = this.t('looking', { server: account.host });
      target = await discover(account);
      this.busy = '';
    }
    remember({ input, target });
    const url = fediverseUrl(target, this.data);
    if (win && !win.closed) {
      win.location.href = url;
      this.close();
    } else {
      this.link = url;
    }
    this.onShared(url);
  }

  override render() {
    const t = this.t.bind(this);
    const close = () => this.close();
    // biome-ignore format: compact on purpose, since whitespace inside templates is shipped as is
    return html`<dialog part="dialog" aria-labelledby="title"><form @submit=${this.submit}><h2 id="title">${t('title')}</h2><label for="handle">${t('field')}</label><input id="handle" inputmode="url" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="hint error" aria-invalid=${!!this.error}><p id="hint">${t('hint')}</p><p id="error">${this.error}</p><p role="status">${this.busy}</p>${this.link && html`<p><a href=${this.link} target="_blank" rel="noopener noreferrer" @click=${close}>${t('open', { server: new URL(this.link).host })}</a></p>`}<div><button type="button" @click=${close}>${t('cancel')}</button><button type="submit" ?disabled=${!!this.busy}>${t('submit')}</button></div></form></dialog>`;
  }
}

define('parley-share-fediverse', ParleyShareFediverse);

/**
 * Opens the dialog inside a share bar's shadow root (created there on first use, its `dialog`
 * part exported), with what to share and a callback for when the share page was opened.
 */
export async function openFediverse(
  root: ParentNode,
  i18n: ShareTerms,
  data: ShareData,
  onShared: (url: string) => void,
): Promise<void> {
  const el = root.querySelector('parley-share-fediverse') ?? document.createElement('parley-share-fediverse');
  // The dialog's own table goes beneath the bar's terms (overrides and locale still win).
  el.i18n = new ShareTerms(i18n.lang, { ...(await loadFediverseTerms(i18n.lang)), ...i18n.terms });
  el.data = data;
  el.onShared = onShared;
  if (!el.isConnected) {
    el.setAttribute('exportparts', 'dialog');
    root.append(el);
  }
  await el.show();
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-share-fediverse': ParleyShareFediverse;
  }
}
