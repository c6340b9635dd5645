import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AuditEntry } from './api-types.js';
import { AdminElement } from './base.js';
import { shared } from './styles.js';

/** The audit log: every moderator action, newest first, a page at a time, with who acted and how. */
@customElement('parley-admin-audit')
export class ParleyAdminAudit extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
    `,
  ];

  #next?: string | null;

  @state() private entries?: AuditEntry[];
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /**
   * The actor's address; for an action with no account behind it (a moderation link mailed to a
   * plain moderator address) "System". Decisions made through a mail's link say so.
   */
  #who(e: AuditEntry) {
    const t = this.i18n;
    const who = e.actor && !e.actor.id ? t.t('audit.system') : (e.actor?.email ?? '');
    const viaMail = typeof e.detail === 'object' && e.detail !== null && (e.detail as { via?: unknown }).via === 'mail-link';
    return viaMail ? html`${who} <span class="muted">${t.t('audit.viaMailLink')}</span>` : who;
  }

  /** Loads the first page, or the next one with `more`. */
  async load(more = false): Promise<void> {
    try {
      const page = await this.api.audit({ cursor: more ? (this.#next ?? undefined) : undefined });
      this.entries = more ? [...(this.entries ?? []), ...page.entries] : page.entries;
      this.#next = page.nextCursor;
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('audit.heading')}</h1>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${this.entries && !this.entries.length ? html`<p>${t.t('audit.empty')}</p>` : nothing}
      ${
        this.entries?.length
          ? html`<div class="table-scroll" role="region" tabindex="0" aria-label=${t.t('audit.heading')}><table>
            <caption class="visually-hidden">${t.t('audit.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('audit.when')}</th>
                <th scope="col">${t.t('audit.who')}</th>
                <th scope="col">${t.t('audit.action')}</th>
                <th scope="col">${t.t('common.site')}</th>
                <th scope="col">${t.t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.entries.map(
                (e) => html`<tr>
                  <td><time datetime=${e.at}>${t.date(e.at)}</time></td>
                  <td>${this.#who(e)}</td>
                  <td>${e.action}</td>
                  <td>${e.site ?? ''}</td>
                  <td>${e.target ?? ''}${e.detail ? html` <span class="muted">${typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)}</span>` : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
          : nothing
      }
      ${this.#next ? html`<button type="button" @click=${() => this.load(true)}>${t.t('common.more')}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-audit': ParleyAdminAudit;
  }
}
