import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { AdminElement } from './base.js';
import { focusedElement, modal, shared } from './styles.js';

/** What `ask()` shows. */
export interface DialogRequest {
  heading: string;
  /** Label of the confirming button. */
  confirm: string;
  /** A text field's label; without it the dialog only asks yes or no. */
  field?: string;
  /** The text field's starting value. */
  value?: string;
  danger?: boolean;
}

/**
 * A modal question on a native `<dialog>` (focus moves in, is kept in, Escape cancels and focus
 * returns to where it was): a confirmation, or a text to edit or write. `ask()` resolves with the
 * text (`''` for a plain confirmation) or `undefined` when cancelled.
 */
@customElement('parley-admin-dialog')
export class ParleyAdminDialog extends AdminElement {
  static override styles = [
    shared,
    modal,
    css`
      :host {
        --_modal-width: 40rem;
      }
      textarea {
        width: 100%;
        min-height: 10rem;
      }
    `,
  ];

  #resolve?: (value: string | undefined) => void;
  #returnTo?: HTMLElement | null;

  @state() private request?: DialogRequest;
  @query('dialog') private dialog!: HTMLDialogElement;

  #finish(value: string | undefined) {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.dialog.open) this.dialog.close();
    this.request = undefined;
    this.#returnTo?.focus();
    resolve?.(value);
  }

  #cancel(e: Event) {
    e.preventDefault();
    this.#finish(undefined);
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    const field = this.renderRoot.querySelector('textarea');
    this.#finish(field ? field.value : '');
  }

  /** Shows the dialog; resolves with the entered text, `''` when confirmed without a field, or undefined. */
  async ask(request: DialogRequest): Promise<string | undefined> {
    this.#resolve?.(undefined);
    this.#returnTo = focusedElement();
    this.request = request;
    // Settled by #finish, which may run before the dialog is drawn.
    const answer = new Promise<string | undefined>((resolve) => {
      this.#resolve = resolve;
    });
    await this.updateComplete;
    if (this.request !== request) return answer;
    this.dialog.showModal();
    (this.renderRoot.querySelector('textarea') ?? this.renderRoot.querySelector<HTMLElement>('button[type=submit]'))?.focus();
    return answer;
  }

  /** Whether a question is open (the list's keystrokes wait meanwhile). */
  get open(): boolean {
    return Boolean(this.request);
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="heading" @cancel=${this.#cancel}>
      ${
        r
          ? html`<form @submit=${this.#submit}>
            <h2 id="heading">${r.heading}</h2>
            ${
              r.field
                ? html`<label class="field">${r.field}<textarea name="text" .value=${r.value ?? ''} required></textarea></label>`
                : nothing
            }
            <div class="buttons">
              <button type="button" @click=${() => this.#finish(undefined)}>${this.i18n.t('common.cancel')}</button>
              <button type="submit" class=${r.danger ? 'primary danger' : 'primary'}>${r.confirm}</button>
            </div>
          </form>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-dialog': ParleyAdminDialog;
  }
}
