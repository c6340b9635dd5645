import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import { type Delivery, type SiteSummary, WEBHOOK_EVENTS, type Webhook } from './api-types.js';
import { AdminElement } from './base.js';
import { listTable } from './list-table.js';
import type { ParleyAdminDialog } from './parley-admin-dialog.js';
import { styles } from './parley-admin-webhooks.styles.js';
import { boxedForm, shared } from './styles.js';
import './parley-admin-dialog.js';

/**
 * Webhooks of a site (owners): add one (URL and events), see its signing secret once, delete one
 * (after a confirmation), and read its delivery log: event, the receiver's status or the error,
 * attempt, and while an event is retried when the next try is due. The log never holds the body
 * or the secret; the server does not keep the secret in any answer after the first.
 */
@customElement('parley-admin-webhooks')
export class ParleyAdminWebhooks extends AdminElement {
  static override styles = [shared, boxedForm, styles];

  @state() private hooks?: Webhook[];
  @state() private error = '';
  @state() private formError = '';
  @state() private urlError = '';
  @state() private busy = false;
  /** The secret of the webhook just added: shown until dismissed, never fetched again. */
  @state() private secret?: { url: string; value: string };
  @state() private open?: Webhook;
  @state() private log?: Delivery[];

  /** Sites the admin may see; the first is shown unless `site` is set. */
  @property({ attribute: false }) sites: SiteSummary[] = [];
  /** The site whose webhooks are shown. */
  @property() site = '';

  @query('parley-admin-dialog') private dialog!: ParleyAdminDialog;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sites') || changed.has('site')) && !this.site && this.sites[0]) this.site = this.sites[0].id;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site) void this.load();
  }

  /** Loads the site's webhooks. */
  async load(): Promise<void> {
    this.error = '';
    this.open = undefined;
    this.log = undefined;
    try {
      this.hooks = await this.api.webhooks(this.site);
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  async #add(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const t = this.i18n;
    const events = data.getAll('events').map(String);
    this.formError = '';
    this.urlError = '';
    if (events.length === 0) {
      this.formError = t.t('webhooks.noEvents');
      this.announce(this.formError);
      return;
    }
    this.busy = true;
    try {
      const made = await this.api.addWebhook(this.site, String(data.get('url')).trim(), events);
      form.reset();
      this.secret = { url: made.webhook.url, value: made.secret };
      this.hooks = [...(this.hooks ?? []), made.webhook];
      this.announce(t.t('webhooks.added'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.secret h2')?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'webhook-url-refused') {
        this.urlError = t.t('webhooks.urlRefused', { reason: err.message });
        this.announce(this.urlError);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('input[name=url]')?.focus();
      } else if (err instanceof ApiError && err.code === 'webhook-limit-reached') {
        this.formError = t.t('webhooks.limit');
        this.announce(this.formError);
      } else this.formError = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #delete(hook: Webhook) {
    const t = this.i18n;
    const ok = await this.dialog.ask({
      heading: t.t('webhooks.confirmDelete', { url: hook.url }),
      confirm: t.t('webhooks.delete'),
      danger: true,
    });
    if (ok === undefined) return;
    try {
      await this.api.deleteWebhook(this.site, hook.id);
      this.hooks = this.hooks?.filter((h) => h.id !== hook.id);
      if (this.open?.id === hook.id) this.open = undefined;
      this.announce(t.t('webhooks.deleted'));
      this.focusHeading();
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  async #showLog(hook: Webhook) {
    this.open = hook;
    this.log = undefined;
    try {
      this.log = await this.api.deliveries(this.site, hook.id);
      this.announce(this.i18n.t('webhooks.logLoaded', { n: this.log.length }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#log-heading')?.focus();
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  #site(e: Event) {
    this.site = (e.currentTarget as HTMLSelectElement).value;
    this.secret = undefined;
  }

  #result(d: Delivery): string {
    const t = this.i18n;
    if (d.ok) return t.t('webhooks.ok', { status: d.status ?? '' });
    return d.status === null
      ? t.t('webhooks.noAnswer', { error: d.error ?? '' })
      : t.t('webhooks.httpError', { status: d.status });
  }

  /** The delivery log; its table scrolls in a group, not a region: the section is its region already. */
  #renderLog() {
    const t = this.i18n;
    if (!this.open) return nothing;
    return html`<section aria-labelledby="log-heading">
      <h2 id="log-heading" tabindex="-1">${t.t('webhooks.logHeading', { url: this.open.url })}</h2>
      <button type="button" @click=${() => this.open && this.#showLog(this.open)}>${t.t('common.refresh')}</button>
      ${
        !this.log
          ? html`<p class="muted">${t.t('common.loading')}</p>`
          : !this.log.length
            ? html`<p>${t.t('webhooks.logEmpty')}</p>`
            : html`<div class="table-scroll" role="group" tabindex="0" aria-labelledby="log-heading"><table>
              <caption class="visually-hidden">${t.t('webhooks.logHeading', { url: this.open.url })}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.t('webhooks.col.at')}</th>
                  <th scope="col">${t.t('webhooks.col.event')}</th>
                  <th scope="col">${t.t('webhooks.col.attempt')}</th>
                  <th scope="col">${t.t('webhooks.col.result')}</th>
                  <th scope="col">${t.t('webhooks.col.next')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.log.map(
                  (d) => html`<tr>
                    <td>${t.date(d.at)}</td>
                    <td>${d.event}</td>
                    <td>${d.attempt}</td>
                    <td>${this.#result(d)}</td>
                    <td>${d.nextRetryAt ? t.date(d.nextRetryAt) : d.state === 'failed' ? t.t('webhooks.gaveUp') : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
      }
    </section>`;
  }

  #renderSecret() {
    const t = this.i18n;
    if (!this.secret) return nothing;
    return html`<section class="secret" aria-labelledby="secret-heading">
      <h2 id="secret-heading" tabindex="-1">${t.t('webhooks.secretHeading')}</h2>
      <p>${t.t('webhooks.secretHint', { url: this.secret.url })}</p>
      <p><code>${this.secret.value}</code></p>
      <button type="button" @click=${() => {
        this.secret = undefined;
        this.focusHeading();
      }}>${t.t('webhooks.secretDone')}</button>
    </section>`;
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('webhooks.heading')}</h1>
      <p class="muted">${t.t('webhooks.intro')}</p>
      <div class="fields">
        <label
          >${t.t('common.site')}
          <select @change=${this.#site}>
            ${this.sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.site}>${s.name}</option>`)}
          </select></label
        >
      </div>
      ${this.#renderSecret()}
      <form @submit=${this.#add}>
        <fieldset>
          <legend>${t.t('webhooks.add')}</legend>
          <div class="fields">
            <label class="url"
              >${t.t('webhooks.url')}
              <input
                name="url"
                type="url"
                required
                maxlength="2048"
                placeholder="https://"
                aria-invalid=${this.urlError ? 'true' : 'false'}
                aria-describedby=${this.urlError ? 'url-error' : nothing}
            /></label>
          </div>
          ${this.urlError ? html`<p class="error" id="url-error">${this.urlError}</p>` : nothing}
          <fieldset class="events">
            <legend>${t.t('webhooks.events')}</legend>
            ${WEBHOOK_EVENTS.map(
              (ev) =>
                html`<label><input type="checkbox" name="events" value=${ev} ?checked=${ev !== 'comment.updated'} />${ev}</label>`,
            )}
          </fieldset>
          <p><button class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('webhooks.submit')}</button></p>
          ${this.formError ? html`<p class="error">${this.formError}</p>` : nothing}
        </fieldset>
      </form>
      ${listTable(
        t,
        {
          error: this.error,
          items: this.hooks,
          caption: t.t('webhooks.heading'),
          empty: t.t('webhooks.empty'),
          columns: [t.t('webhooks.url'), t.t('webhooks.events'), t.t('webhooks.col.created')],
        },
        (h) => html`<td>${h.url}</td>
          <td>${h.events.join(', ')}</td>
          <td>${t.date(h.createdAt)}</td>
          <td>
            <button type="button" aria-expanded=${this.open?.id === h.id ? 'true' : 'false'} @click=${() => this.#showLog(h)}>
              ${t.t('webhooks.showLog')}<span class="visually-hidden"> ${h.url}</span>
            </button>
            <button type="button" class="danger" @click=${() => this.#delete(h)}>
              ${t.t('webhooks.delete')}<span class="visually-hidden"> ${h.url}</span>
            </button>
          </td>`,
      )}
      ${this.#renderLog()}
      <parley-admin-dialog .i18n=${t}></parley-admin-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-webhooks': ParleyAdminWebhooks;
  }
}
