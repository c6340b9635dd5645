import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SiteSummary, Subscription } from './api-types.js';
import { AdminElement } from './base.js';
import { listTable } from './list-table.js';
import { shared } from './styles.js';

/**
 * Readers' e-mail subscriptions of a site, optionally of one page: who follows a thread or waits
 * for replies, whether they confirmed, and a button to remove one (a reader who writes in asking
 * to stop). Addresses arrive masked from the server (`j…@example.com`) and are shown as they come:
 * the console never has a raw address to leak.
 */
@customElement('parley-admin-subscriptions')
export class ParleyAdminSubscriptions extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      td {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private rows?: Subscription[];
  @state() private next: string | null = null;
  @state() private error = '';
  @state() private page = '';

  /** Sites the admin may see; the first is shown unless `site` is set. */
  @property({ attribute: false }) sites: SiteSummary[] = [];
  /** The site whose subscriptions are shown. */
  @property() site = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sites') || changed.has('site')) && !this.site && this.sites[0]) this.site = this.sites[0].id;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site) void this.load();
  }

  /** Loads the first page of subscriptions (of `page` when one is given). */
  async load(more = false): Promise<void> {
    this.error = '';
    try {
      const got = await this.api.subscriptions(this.site, {
        page: this.page || undefined,
        cursor: more ? (this.next ?? undefined) : undefined,
      });
      this.rows = more ? [...(this.rows ?? []), ...got.subscriptions] : got.subscriptions;
      this.next = got.nextCursor;
      this.announce(this.i18n.t('subs.loaded', { n: this.rows.length }));
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  #filter(e: SubmitEvent) {
    e.preventDefault();
    this.page = String(new FormData(e.currentTarget as HTMLFormElement).get('page') ?? '').trim();
    void this.load();
  }

  async #remove(s: Subscription) {
    try {
      await this.api.unsubscribe(this.site, s.id);
      this.rows = this.rows?.filter((r) => r.id !== s.id);
      this.announce(this.i18n.t('subs.removed', { email: s.email }));
      this.focusHeading();
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('subs.heading')}</h1>
      <p class="muted">${t.t('subs.intro')}</p>
      <form class="fields" @submit=${this.#filter}>
        <label
          >${t.t('common.site')}
          <select @change=${(e: Event) => (this.site = (e.currentTarget as HTMLSelectElement).value)}>
            ${this.sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.site}>${s.name}</option>`)}
          </select></label
        >
        <label>${t.t('subs.page')}<input name="page" maxlength="512" .value=${this.page} /></label>
        <button>${t.t('subs.filter')}</button>
      </form>
      ${listTable(
        t,
        {
          error: this.error,
          items: this.rows,
          caption: t.t('subs.heading'),
          empty: t.t('subs.empty'),
          columns: [
            t.t('subs.col.email'),
            t.t('subs.col.kind'),
            t.t('subs.col.page'),
            t.t('subs.col.confirmed'),
            t.t('subs.col.since'),
          ],
        },
        (s) => html`<td>${s.email}</td>
          <td>${t.t(s.kind === 'thread' ? 'subs.kind.thread' : 'subs.kind.replies')}</td>
          <td>${s.pageKey ?? ''}</td>
          <td>${t.t(s.confirmed ? 'subs.yes' : 'subs.no')}</td>
          <td>${t.date(s.createdAt)}</td>
          <td>
            <button type="button" class="danger" @click=${() => this.#remove(s)}>
              ${t.t('subs.remove')}<span class="visually-hidden"> ${s.email}</span>
            </button>
          </td>`,
      )}
      ${this.next ? html`<button type="button" @click=${() => this.load(true)}>${t.t('common.more')}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-subscriptions': ParleyAdminSubscriptions;
  }
}
