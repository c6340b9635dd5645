import { css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { AdminElement } from './base.js';
import { setShortcutsOn, shortcutsOn } from './keys.js';
import { KEYS } from './parley-admin-comment.js';
import { focusedElement, modal, shared } from './styles.js';

/**
 * The keyboard shortcuts overlay (`?` or the header's button opens it): a native modal `<dialog>`,
 * so focus moves in and Escape or the close button leave it, returning focus where it was. Its
 * checkbox switches single-key shortcuts off and on (remembered in this browser, `keys.ts`).
 */
@customElement('parley-admin-help')
export class ParleyAdminHelp extends AdminElement {
  static override styles = [
    shared,
    modal,
    css`
      :host {
        --_modal-width: 32rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.35rem 1rem;
      }
      dt {
        text-align: end;
      }
      dd {
        margin: 0;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      kbd {
        display: inline-block;
        min-width: 1.6rem;
        text-align: center;
        border: 1px solid var(--_line);
        border-bottom-width: 2px;
        border-radius: 4px;
        padding: 0 0.3rem;
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  #returnTo: HTMLElement | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the overlay. */
  show(): void {
    this.#returnTo = focusedElement();
    // The switch shows what this browser stored, which another tab may have changed.
    this.requestUpdate();
    this.dialog.showModal();
    this.renderRoot.querySelector('button')?.focus();
  }

  /** Whether the overlay is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  override render() {
    const t = this.i18n;
    const rows: [string, string][] = [
      ['j', t.t('help.next')],
      ['k', t.t('help.previous')],
      ['x', t.t('help.select')],
      [KEYS.approve, t.t('action.approve')],
      [KEYS.reject, t.t('action.reject')],
      [KEYS.spam, t.t('action.spam')],
      [KEYS.delete, t.t('action.delete')],
      [KEYS.edit, t.t('action.edit')],
      [KEYS.pin, `${t.t('action.pin')} / ${t.t('action.unpin')}`],
      [KEYS.lock, `${t.t('action.lock')} / ${t.t('action.unlock')}`],
      [KEYS.reply, t.t('action.reply')],
      [KEYS.ban, t.t('action.ban')],
      ['?', t.t('help.open')],
    ];
    return html`<dialog aria-labelledby="heading" @close=${() => this.#returnTo?.focus()}>
      <h2 id="heading">${t.t('help.heading')}</h2>
      <dl>${rows.map(([key, label]) => html`<dt><kbd>${key}</kbd></dt><dd>${label}</dd>`)}</dl>
      <p>${t.t('help.bulk')}</p>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${shortcutsOn()}
          aria-describedby="scope"
          @change=${(e: Event) => setShortcutsOn((e.currentTarget as HTMLInputElement).checked)}
        />${t.t('help.enabled')}</label
      >
      <p class="muted" id="scope">${t.t('help.scope')}</p>
      <button type="button" class="primary" @click=${() => this.dialog.close()}>${t.t('common.close')}</button>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-help': ParleyAdminHelp;
  }
}
