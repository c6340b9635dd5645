import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import { AdminElement } from './base.js';
import { panelForm, panelFormStyles } from './panel-form.js';
import { shared } from './styles.js';

/**
 * Choosing a new password, which the API demands after a sign-in with the one-time password
 * printed on a fresh install (every other route answers 403 until then).
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

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      await this.api.changePassword(String(data.get('current')), String(data.get('new')));
      this.announce(this.i18n.t('password.changed'));
      this.dispatchEvent(new CustomEvent('parley-admin-password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError && (err.status === 401 || err.status === 422) ? err.message : this.fail(err);
      this.announce(this.error);
    } finally {
      this.busy = false;
    }
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
          >${t.t('password.current')}<input name="current" type="password" autocomplete="current-password" required
        /></label>
        <label
          >${t.t('password.new')}<input name="new" type="password" autocomplete="new-password" minlength="12" maxlength="1024" required
        /></label>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-password': ParleyAdminPassword;
  }
}
