import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminComment, CommentStatus, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import { shared } from './styles.js';
import './parley-admin-list.js';

const STATUSES: CommentStatus[] = ['pending', 'spam', 'approved', 'rejected', 'deleted'];

/** Search over all comments by text, author, page, status and site; results can be moderated in place. */
@customElement('parley-admin-search')
export class ParleyAdminSearch extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
    `,
  ];

  #query: Record<string, string> = {};
  #next?: string | null;

  @state() private items?: AdminComment[];
  @state() private busy = false;
  @state() private error = '';

  /** Sites to filter by. */
  @property({ attribute: false }) sites: SiteSummary[] = [];

  async #search(more: boolean) {
    this.busy = true;
    this.error = '';
    try {
      const page = await this.api.search({ ...this.#query, cursor: more ? (this.#next ?? undefined) : undefined });
      this.items = more ? [...(this.items ?? []), ...page.comments] : page.comments;
      this.#next = page.nextCursor;
      this.announce(this.i18n.t('search.results', { n: this.items.length }));
    } catch (e) {
      this.error = this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    this.#query = Object.fromEntries([...data].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v));
    void this.#search(false);
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('search.heading')}</h1>
      <form class="fields" role="search" @submit=${this.#submit}>
        <label>${t.t('search.text')}<input name="q" type="search" /></label>
        <label>${t.t('search.author')}<input name="author" /></label>
        <label>${t.t('search.page')}<input name="page" /></label>
        <label
          >${t.t('status.label')}
          <select name="status">
            <option value="">${t.t('status.any')}</option>
            ${STATUSES.map((s) => html`<option value=${s}>${t.t(`status.${s}`)}</option>`)}
          </select></label
        >
        <label
          >${t.t('common.site')}
          <select name="site">
            <option value="">${t.t('common.allSites')}</option>
            ${this.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select></label
        >
        <button class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('search.submit')}</button>
      </form>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${
        this.items
          ? html`<p class="muted">${t.t('search.results', { n: this.items.length })}</p>
            <parley-admin-list .label=${t.t('search.heading')} .items=${this.items} .api=${this.api} .i18n=${this.i18n}></parley-admin-list>
            ${this.#next ? html`<button type="button" @click=${() => this.#search(true)}>${t.t('common.more')}</button>` : nothing}`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-search': ParleyAdminSearch;
  }
}
