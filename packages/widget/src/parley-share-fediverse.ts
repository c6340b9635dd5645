import { css, html, LitElement, nothing } from 'lit';
import { define } from './define.js';
import type { Terms } from './i18n/en.js';
import { discover, fediverseUrl, parseAccount, recall, remember } from './share/fediverse.js';
import type { ShareData } from './share/services.js';
import { type ShareKey, ShareTerms } from './share/terms.js';

/** The dialog's part of each locale table, English's too, loaded when it opens (not with the share bar). */
const TABLES: Record<string, () => Promise<{ terms: Terms }>> = {
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

/** A language's fediverse dialog terms; unknown languages and load failures give English. */
export async function loadFediverseTerms(lang: string): Promise<Terms> {
  const table = (await TABLES[lang]?.().catch(() => undefined))?.terms;
  return table ?? (lang === 'en' ? {} : loadFediverseTerms('en'));
}

/**
 * The fediverse step of `<parley-share>`: a small modal dialog where the reader names their handle
 * or server (once; it is remembered on this device), after which the browser looks up how that
 * server takes shares and opens its share page. Loaded only when the reader first clicks
 * Mastodon, so the share bar itself stays small. Not meant to be used on its own.
 *
 * @fires parley-fediverse-share - internal: the share page was opened (or offered as a link);
 *   `detail.url`. Does not bubble; `<parley-share>` turns it into its `parley-share` event.
 * @csspart dialog - the dialog
 */
export class ParleyShareFediverse extends LitElement {
  static override styles = css`
    dialog{color:inherit;background:Canvas;border:1px solid;border-radius:.5em;max-inline-size:min(28em,90vw)}
    h2{font-size:1.1em;margin-block:0 .75em}
    label{display:block;font-weight:600}
    input{font:inherit;inline-size:100%;box-sizing:border-box;margin-block:.25em;padding:.4em}
    p{margin-block:.25em .75em}
    .error{color:var(--parley-share-error,#b42318);font-weight:600}
    .actions{display:flex;gap:.5em;justify-content:flex-end}
    button{font:inherit;padding:.3em .9em}
    :focus-visible{outline:3px solid var(--parley-share-focus,#0969da);outline-offset:2px}
    @media (forced-colors:active){:focus-visible{outline-color:Highlight}}
  `;

  static override properties = {
    i18n: { attribute: false },
    data: { attribute: false },
    error: { state: true },
    busy: { state: true },
    link: { state: true },
  };

  /** The share bar's terms. */
  i18n = new ShareTerms();
  /** What to share (the Mastodon-shaped data of the bar). */
  data: ShareData = { url: '', title: '' };
  /** Told the share page's URL once it was opened (or offered as a link). */
  onShared: (url: string) => void = () => undefined;
  private error = '';
  private busy = '';
  private link = '';

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog') as HTMLDialogElement;
  }

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input') as HTMLInputElement;
  }

  /** Opens the dialog with the remembered handle or server filled in and selected. */
  async show(): Promise<void> {
    await this.updateComplete;
    this.error = '';
    this.busy = '';
    this.link = '';
    this.dialog.showModal();
    this.input.value ||= recall()?.input ?? '';
    this.input.select();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.input.value.trim();
    const account = parseAccount(input);
    if (!account) {
      this.error = this.i18n.t('share.fediverse.invalid');
      this.input.focus();
      return;
    }
    this.error = '';
    // Opened now, while the submit still carries the reader's activation, and pointed at the
    // share page once the lookup is done. A blocked pop-up leaves a link to follow instead.
    const win = window.open('', '_blank');
    if (win) win.opener = null;
    const known = recall();
    let target = known?.input === input ? known.target : undefined;
    if (!target) {
      this.busy = this.i18n.t('share.fediverse.looking', { server: account.host });
      target = await discover(account);
      this.busy = '';
    }
    remember({ input, target });
    const url = fediverseUrl(target, this.data);
    if (win && !win.closed) {
      win.location.href = url;
      this.dialog.close();
    } else {
      this.link = url;
    }
    this.dispatchEvent(new CustomEvent('parley-fediverse-share', { detail: { url } }));
  }

  override render() {
    const t = (k: ShareKey, v?: Record<string, string>) => this.i18n.t(k, v);
    return html`<dialog part="dialog" aria-labelledby="title">
      <form @submit=${this.submit} novalidate>
        <h2 id="title">${t('share.fediverse.title')}</h2>
        <label for="handle">${t('share.fediverse.field')}</label>
        <input id="handle" name="handle" type="text" inputmode="url" autocomplete="off" autocapitalize="off"
          spellcheck="false" aria-describedby="hint error" aria-invalid=${this.error ? 'true' : 'false'} />
        <p id="hint">${t('share.fediverse.hint')}</p>
        <p id="error" class="error">${this.error}</p>
        <p role="status">${this.busy}</p>
        ${
          this.link
            ? html`<p><a href=${this.link} target="_blank" rel="noopener noreferrer" @click=${() => this.dialog.close()}
                >${t('share.fediverse.open', { server: new URL(this.link).host })}</a></p>`
            : nothing
        }
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${t('share.fediverse.cancel')}</button>
          <button type="submit" ?disabled=${!!this.busy}>${t('share.fediverse.submit')}</button>
        </div>
      </form>
    </dialog>`;
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
  let el = root.querySelector('parley-share-fediverse');
  if (!el) {
    el = document.createElement('parley-share-fediverse');
    el.setAttribute('exportparts', 'dialog');
    el.addEventListener('parley-fediverse-share', (e) => el?.onShared((e as CustomEvent<{ url: string }>).detail.url));
    root.append(el);
  }
  // The dialog's own table goes beneath the bar's terms (overrides and locale still win).
  el.i18n = new ShareTerms(i18n.lang, { ...(await loadFediverseTerms(i18n.lang)), ...i18n.terms });
  el.data = data;
  el.onShared = onShared;
  await el.show();
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-share-fediverse': ParleyShareFediverse;
  }
}
