import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ban, SiteSummary } from './api-types.js';
import { EXPIRIES, expiresAt } from './ban-expiry.js';
import { AdminElement } from './base.js';
import { listTable } from './list-table.js';
import { shared } from './styles.js';

/**
 * Bans: by e-mail, by IP address (the server keeps only its /24 or /48 prefix hash) or by visitor
 * id, on one site or all, with an expiry; the list shows what the server chose to show of each
 * (never a raw e-mail or IP) and lifts a ban with one button.
 */
@customElement('parley-admin-bans')
export class ParleyAdminBans extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--_line);
        border-radius: 8px;
        margin: 0 0 1.5rem;
      }
    `,
  ];

  @state() private bans?: Ban[];
  @state() private error = '';
  @state() private formError = '';
  @state() private busy = false;

  /** Sites a ban may be limited to. */
  @property({ attribute: false }) sites: SiteSummary[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the list of bans. */
  async load(): Promise<void> {
    try {
      this.bans = await this.api.bans();
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  async #add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.formError = '';
    try {
      await this.api.ban({
        kind: String(data.get('kind')) as Ban['kind'],
        value: String(data.get('value')).trim(),
        site: String(data.get('site') || '') || null,
        reason: String(data.get('reason') || '').trim() || undefined,
        expiresAt: expiresAt(String(data.get('expires') ?? '')),
      });
      form.reset();
      this.announce(this.i18n.t('bans.added'));
      await this.load();
    } catch (err) {
      this.formError = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #lift(ban: Ban) {
    try {
      await this.api.unban(ban.id);
      this.bans = this.bans?.filter((b) => b.id !== ban.id);
      this.announce(this.i18n.t('bans.lifted'));
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('bans.heading')}</h1>
      <form @submit=${this.#add}>
        <fieldset>
          <legend>${t.t('bans.add')}</legend>
          <div class="fields">
            <label
              >${t.t('bans.kind')}
              <select name="kind">
                <option value="email">${t.t('bans.kind.email')}</option>
                <option value="ip">${t.t('bans.kind.ip')}</option>
                <option value="visitor">${t.t('bans.kind.visitor')}</option>
              </select></label
            >
            <label>${t.t('bans.value')}<input name="value" required maxlength="320" /></label>
            <label
              >${t.t('common.site')}
              <select name="site">
                <option value="">${t.t('common.allSites')}</option>
                ${this.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
              </select></label
            >
            <label
              >${t.t('bans.expires')}
              <select name="expires">
                ${EXPIRIES.map(([v, k]) => html`<option value=${v}>${t.t(k)}</option>`)}
              </select></label
            >
            <label>${t.t('bans.reason')}<input name="reason" maxlength="500" /></label>
            <button class="primary" ?disabled=${this.busy}>${t.t('bans.submit')}</button>
          </div>
          ${this.formError ? html`<p class="error">${this.formError}</p>` : nothing}
        </fieldset>
      </form>
      ${listTable(
        t,
        {
          error: this.error,
          items: this.bans,
          caption: t.t('bans.heading'),
          empty: t.t('bans.empty'),
          columns: [t.t('bans.col.what'), t.t('bans.col.site'), t.t('bans.col.expires'), t.t('bans.col.reason')],
        },
        (b) => html`<td>${b.label}</td>
          <td>${b.site ?? t.t('common.allSites')}</td>
          <td>${b.expiresAt ? t.date(b.expiresAt) : t.t('bans.never')}</td>
          <td>${b.reason ?? ''}</td>
          <td><button type="button" @click=${() => this.#lift(b)}>${t.t('bans.lift')}</button></td>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-bans': ParleyAdminBans;
  }
}
