import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminComment, AdminPage, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import { shared } from './styles.js';
import './parley-admin-list.js';

/**
 * The whole thread of one page, every comment whatever its status, oldest first (replies right
 * after their parent), moderated in place. `site` and `page` may be set from a link in the queue.
 */
@customElement('parley-admin-thread')
export class ParleyAdminThread extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @state() private items?: AdminComment[];
  @state() private pageInfo?: AdminPage;
  @state() private busy = false;
  @state() private error = '';

  /** Sites to choose from. */
  @property({ attribute: false }) sites: SiteSummary[] = [];
  /** The site of the page shown. */
  @property() site = '';
  /** The page shown: its key or URL. */
  @property() page = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('site') || changed.has('page')) && this.site && this.page) void this.load();
  }

  /** Loads the thread of `site` and `page`. */
  async load(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const thread = await this.api.thread(this.site, this.page);
      this.items = flatten(thread.comments);
      this.pageInfo = thread.page;
      this.announce(this.i18n.t('thread.count', { n: this.items.length }));
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
    this.site = String(data.get('site') ?? '');
    this.page = String(data.get('page') ?? '').trim();
  }

  override render() {
    const t = this.i18n;
    const p = this.pageInfo;
    return html`<h1 tabindex="-1">${t.t('thread.heading')}${p ? html`: ${p.title || p.url || p.key}` : nothing}</h1>
      <form class="fields" @submit=${this.#submit}>
        <label
          >${t.t('common.site')}
          <select name="site" required>
            ${this.sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.site}>${s.name}</option>`)}
          </select></label
        >
        <label>${t.t('thread.page')}<input name="page" required .value=${this.page} /></label>
        <button class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('thread.show')}</button>
      </form>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${p?.locked ? html`<p>${t.t('thread.locked')}</p>` : p?.closed ? html`<p>${t.t('thread.closed')}</p>` : nothing}
      ${
        this.items
          ? html`<p class="muted">${t.t('thread.count', { n: this.items.length })}</p>
            <parley-admin-list .label=${t.t('thread.heading')} .items=${this.items} .api=${this.api} .i18n=${this.i18n}></parley-admin-list>`
          : nothing
      }`;
  }
}

/** The nested thread as one list in reading order, each reply after its parent with its depth. */
export function flatten(comments: AdminComment[], depth = 0): AdminComment[] {
  return comments.flatMap((c) => {
    const { replies, ...rest } = c;
    return [{ ...rest, depth }, ...flatten(replies ?? [], depth + 1)];
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-thread': ParleyAdminThread;
  }
}
