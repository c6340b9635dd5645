import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Admin, ApiError } from './api.js';
import { AdminElement } from './base.js';
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
    css`
      :host {
        display: block;
        max-width: 24rem;
        margin: 10vh auto;
      }
      form {
        display: grid;
        gap: 0.9rem;
        padding: 1.5rem;
        border: 1px solid var(--_line);
        border-radius: 10px;
        background: var(--_panel);
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
      p.error {
        margin: 0;
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
    return html`<form @submit=${this.#submit} aria-labelledby="heading" aria-describedby=${this.error ? 'error' : nothing}>
      <h1 id="heading" tabindex="-1">${t.t('login.heading')}</h1>
      <label>${t.t('login.email')}<input name="email" type="email" autocomplete="username" required /></label>
      <label
        >${t.t('login.password')}<input name="password" type="password" autocomplete="current-password" required
      /></label>
      ${this.error ? html`<p class="error" id="error">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${t.t('login.submit')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-login': ParleyAdminLogin;
  }
}
