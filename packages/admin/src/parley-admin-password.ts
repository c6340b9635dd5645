import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import { AdminElement } from './base.js';
import { panelForm, panelFormStyles } from './panel-form.js';
import { shared } from './styles.js';

/**
 * Choosing a new password, which the API demands after a sign-in with the one-time password
 * printed on a fresh install (every other route answers 403 until then). A refusal marks the
 * field it is about, links it to the message and focuses it.
 *
 * @fires parley-admin-password-changed - the new password was accepted
 */
@customElement('parley-admin-password')
export class ParleyAdminPassword extends AdminElement {
  static override styles = [
    shared,
    panelFormStyles,
    css`
      :host {
        max-width: 28rem;
      }
    `,
  ];

  @state() private error = '';
  @state() private busy = false;
  /** The field the last refusal was about: the current password (401) or the new one (422). */
  @state() private invalid: 'current' | 'new' | '' = '';

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    this.invalid = '';
    try {
      await this.api.changePassword(String(data.get('current')), String(data.get('new')));
      this.announce(this.i18n.t('password.changed'));
      this.dispatchEvent(new CustomEvent('parley-admin-password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 422)) {
        this.error = err.errors[0]?.message ?? err.message;
        this.invalid = err.status === 401 ? 'current' : 'new';
        this.announce(this.error);
      } else this.error = this.fail(err);
    } finally {
      this.busy = false;
    }
    if (this.invalid) {
      await this.updateComplete;
      form.querySelector<HTMLInputElement>(`input[name=${this.invalid}]`)?.focus();
    }
  }

  #mark(field: 'current' | 'new') {
    return this.invalid === field ? { invalid: 'true', describedBy: 'error' } : { invalid: nothing, describedBy: nothing };
  }

  override render() {
    const t = this.i18n;
    return panelForm(
      {
        heading: t.t('password.heading'),
        intro: t.t('password.intro'),
        error: this.error,
        busy: this.busy,
        button: t.t('password.submit'),
        submit: this.#submit,
      },
      html`<label
          >${t.t('password.current')}<input
            name="current"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${this.#mark('current').invalid}
            aria-describedby=${this.#mark('current').describedBy}
        /></label>
        <label
          >${t.t('password.new')}<input
            name="new"
            type="password"
            autocomplete="new-password"
            minlength="12"
            maxlength="1024"
            required
            aria-invalid=${this.#mark('new').invalid}
            aria-describedby=${this.#mark('new').describedBy}
        /></label>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-password': ParleyAdminPassword;
  }
}
