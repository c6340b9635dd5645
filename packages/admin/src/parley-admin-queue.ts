import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminComment, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import { shared } from './styles.js';
import './parley-admin-list.js';

/**
 * The moderation queue: held comments of every site (pending, flagged, spam), newest first,
 * filtered by site and status, with the keyboard list of `<parley-admin-list>`. Approved,
 * rejected, spammed and deleted comments leave it.
 */
@customElement('parley-admin-queue')
export class ParleyAdminQueue extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        justify-content: space-between;
      }
    `,
  ];

  #next?: string | null;

  @state() private items: AdminComment[] = [];
  @state() private loading = true;
  @state() private error = '';
  @state() private site = '';
  @state() private status = '';

  /** Sites to filter by. */
  @property({ attribute: false }) sites: SiteSummary[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** (Re)loads the first page of the queue. */
  async load(more = false): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      const page = await this.api.queue({ site: this.site, kind: this.status, cursor: more ? (this.#next ?? '') : '' });
      this.items = more ? [...this.items, ...page.comments] : page.comments;
      this.#next = page.nextCursor;
      this.announce(this.items.length ? this.i18n.t('queue.count', { n: this.items.length }) : this.i18n.t('queue.empty'));
    } catch (e) {
      this.error = this.fail(e);
    } finally {
      this.loading = false;
    }
  }

  #filter(e: Event) {
    const form = (e.currentTarget as HTMLElement).closest('form')!;
    const data = new FormData(form);
    this.site = String(data.get('site') ?? '');
    this.status = String(data.get('status') ?? '');
    void this.load();
  }

  override render() {
    const t = this.i18n;
    return html`<div class="top">
        <h1 tabindex="-1">${t.t('queue.heading')}</h1>
        <form class="fields" @change=${this.#filter} @submit=${(e: Event) => e.preventDefault()}>
          <label
            >${t.t('common.site')}
            <select name="site">
              <option value="">${t.t('common.allSites')}</option>
              ${this.sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.site}>${s.name}</option>`)}
            </select></label
          >
          <label
            >${t.t('status.label')}
            <select name="status">
              <option value="">${t.t('status.any')}</option>
              ${(['pending', 'flagged', 'spam'] as const).map(
                (s) => html`<option value=${s} ?selected=${s === this.status}>${t.t(`status.${s}`)}</option>`,
              )}
            </select></label
          >
          <button type="button" @click=${() => this.load()}>${t.t('common.refresh')}</button>
        </form>
      </div>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${this.loading && !this.items.length ? html`<p class="muted">${t.t('common.loading')}</p>` : nothing}
      ${!this.loading && !this.error && !this.items.length ? html`<p class="empty" tabindex="-1">${t.t('queue.empty')}</p>` : nothing}
      ${
        this.items.length
          ? html`<p class="muted">${t.t('queue.count', { n: this.items.length })}</p>
            <parley-admin-list
              resolve
              .label=${t.t('queue.heading')}
              .items=${this.items}
              .api=${this.api}
              .i18n=${this.i18n}
              @parley-admin-announce=${() => void this.#sync()}
            ></parley-admin-list>`
          : nothing
      }
      ${this.#next ? html`<button type="button" @click=${() => this.load(true)}>${t.t('common.more')}</button>` : nothing}`;
  }

  /**
   * Keeps the count in step with the list, which removes comments as they are acted on. When the
   * last one goes while focus is in the list, focus moves to "The queue is empty." rather than
   * falling to the page with the removed comment.
   */
  async #sync() {
    const list = this.renderRoot.querySelector('parley-admin-list');
    if (!list || list.items === this.items) return;
    const hadFocus = list.matches(':focus-within');
    this.items = list.items;
    if (this.items.length || !hadFocus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.empty')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-queue': ParleyAdminQueue;
  }
}
