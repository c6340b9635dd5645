import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import type { Admin } from './api-types.js';
import { AdminElement } from './base.js';
import { panelForm, panelFormStyles } from './panel-form.js';
import { shared } from './styles.js';

/**
 * The sign-in form. A wrong e-mail or password and the login rate limit are told in the form
 * (linked to it by `aria-describedby`) and read out; the password field is emptied and focused.
 *
 * @fires parley-admin-signed-in - signed in (detail: the {@link Admin})
 */
@customElement('parley-admin-login')
export class ParleyAdminLogin extends AdminElement {
  static override styles = [
    shared,
    panelFormStyles,
    css`
      :host {
        max-width: 24rem;
      }
    `,
  ];

  @state() private error = '';
  @state() private busy = false;

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      const admin = await this.api.login(String(data.get('email')), String(data.get('password')));
      this.dispatchEvent(new CustomEvent<Admin>('parley-admin-signed-in', { detail: admin, bubbles: true, composed: true }));
    } catch (err) {
      const t = this.i18n;
      if (err instanceof ApiError && (err.status === 401 || err.status === 422)) this.error = t.t('login.failed');
      else if (err instanceof ApiError && err.status === 429) this.error = t.t('login.limited', { n: err.retryAfter ?? 60 });
      else this.error = this.fail(err);
      this.announce(this.error);
      const password = form.elements.namedItem('password') as HTMLInputElement;
      password.value = '';
      password.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.i18n;
    return panelForm(
      { heading: t.t('login.heading'), error: this.error, busy: this.busy, button: t.t('login.submit'), submit: this.#submit },
      html`<label>${t.t('login.email')}<input name="email" type="email" autocomplete="username" required /></label>
        <label
          >${t.t('login.password')}<input name="password" type="password" autocomplete="current-password" required
        /></label>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-login': ParleyAdminLogin;
  }
}
