import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import type { Ban, SiteSummary } from './api-types.js';
import { EXPIRIES, expiresAt } from './ban-expiry.js';
import { AdminElement } from './base.js';
import { listTable } from './list-table.js';
import { boxedForm, shared } from './styles.js';

/** The fields of the form, as the server's field errors name them (but `expires`: `expiresAt`). */
const FIELDS = ['kind', 'value', 'site', 'expires', 'reason'] as const;
type Mark = string | typeof nothing;

/**
 * Bans: by e-mail, by IP address (the server keeps only its /24 or /48 prefix hash) or by visitor
 * id, on one site or all, with an expiry; the list shows what the server chose to show of each
 * (never a raw e-mail or IP) and lifts a ban with one button. A refused ban marks each field the
 * server named beside it and focuses the first.
 */
@customElement('parley-admin-bans')
export class ParleyAdminBans extends AdminElement {
  static override styles = [
    shared,
    boxedForm,
    css`
    `,
  ];

  @state() private bans?: Ban[];
  @state() private error = '';
  @state() private formError = '';
  /** The server's complaint about each field of the last ban sent, by field name. */
  @state() private fieldErrors: Record<string, string> = {};
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
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.formError = '';
    this.fieldErrors = {};
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
      if (err instanceof ApiError && err.status === 422 && err.errors.length) {
        // The API names `expiresAt`; the form's field is `expires`. A path the form has no field
        // for is told in the form's own message.
        const named = err.errors.map((x) => ({ ...x, field: x.path === 'expiresAt' ? 'expires' : x.path }));
        const known = named.filter((x) => (FIELDS as readonly string[]).includes(x.field));
        const other = named.filter((x) => !known.includes(x));
        this.fieldErrors = Object.fromEntries(known.map((x) => [x.field, x.message]));
        this.formError = other.length ? other.map((x) => `${x.path}: ${x.message}`).join('; ') : this.i18n.t('common.invalid');
        this.announce(this.formError);
        await this.updateComplete;
        form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      } else this.formError = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  /** `aria-invalid` and `aria-describedby` of a field: marked, and described by the server's complaint, if any. */
  #mark(name: (typeof FIELDS)[number]): { invalid: Mark; describedBy: Mark } {
    return this.fieldErrors[name]
      ? { invalid: 'true', describedBy: `${name}-error` }
      : { invalid: nothing, describedBy: nothing };
  }

  /** The server's complaint about a field, under it (outside its label, so not read as its name). */
  #error(name: (typeof FIELDS)[number]) {
    const error = this.fieldErrors[name];
    return error ? html`<span class="error" id="${name}-error">${error}</span>` : nothing;
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
    const m = (name: (typeof FIELDS)[number]) => this.#mark(name);
    return html`<h1 tabindex="-1">${t.t('bans.heading')}</h1>
      <form @submit=${this.#add}>
        <fieldset>
          <legend>${t.t('bans.add')}</legend>
          <div class="fields">
            <div class="field">
              <label for="kind">${t.t('bans.kind')}</label>
              <select id="kind" name="kind" aria-invalid=${m('kind').invalid} aria-describedby=${m('kind').describedBy}>
                <option value="email">${t.t('bans.kind.email')}</option>
                <option value="ip">${t.t('bans.kind.ip')}</option>
                <option value="visitor">${t.t('bans.kind.visitor')}</option>
              </select>
              ${this.#error('kind')}
            </div>
            <div class="field">
              <label for="value">${t.t('bans.value')}</label>
              <input
                id="value"
                name="value"
                required
                maxlength="320"
                aria-invalid=${m('value').invalid}
                aria-describedby=${m('value').describedBy}
              />
              ${this.#error('value')}
            </div>
            <div class="field">
              <label for="site">${t.t('common.site')}</label>
              <select id="site" name="site" aria-invalid=${m('site').invalid} aria-describedby=${m('site').describedBy}>
                <option value="">${t.t('common.allSites')}</option>
                ${this.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
              </select>
              ${this.#error('site')}
            </div>
            <div class="field">
              <label for="expires">${t.t('bans.expires')}</label>
              <select id="expires" name="expires" aria-invalid=${m('expires').invalid} aria-describedby=${m('expires').describedBy}>
                ${EXPIRIES.map(([v, k]) => html`<option value=${v}>${t.t(k)}</option>`)}
              </select>
              ${this.#error('expires')}
            </div>
            <div class="field">
              <label for="reason">${t.t('bans.reason')}</label>
              <input
                id="reason"
                name="reason"
                maxlength="500"
                aria-invalid=${m('reason').invalid}
                aria-describedby=${m('reason').describedBy}
              />
              ${this.#error('reason')}
            </div>
            <button class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('bans.submit')}</button>
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
