import { sanitize } from '@parley/widget/sanitize.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AdminComment } from './api-types.js';
import { AdminElement } from './base.js';
import type { TermKey } from './i18n/en.js';
import type { Translator } from './i18n/translator.js';
import { shared } from './styles.js';

/** The keystroke of each moderator action, as the help overlay and the buttons list them. */
export const KEYS = {
  approve: 'a',
  reject: 'r',
  spam: 's',
  delete: 'd',
  edit: 'e',
  pin: 'p',
  lock: 'l',
  reply: 'm',
  ban: 'b',
} as const;

/** A moderator action the console offers on a comment. */
export type ConsoleAction = keyof typeof KEYS;

/** Detail of `parley-admin-action`. */
export interface ActionDetail {
  id: string;
  action: ConsoleAction;
}

/** Detail of `parley-admin-select`. */
export interface SelectDetail {
  id: string;
  selected: boolean;
  /** Shift was held: select the range from the last selected comment. */
  range: boolean;
}

/**
 * One comment as moderators see it: where it is, who wrote it, why it is held, its text and a
 * button per action (each names its keystroke in `aria-keyshortcuts` while `shortcuts` are on). The body is the server's
 * sanitised HTML passed through the widget's own sanitiser (`@parley/widget/sanitize.js`): it is
 * parsed inert, rebuilt from an allowlist and inserted as nodes, never as markup.
 *
 * @fires parley-admin-action - a button was pressed ({@link ActionDetail})
 * @fires parley-admin-select - the checkbox changed ({@link SelectDetail})
 * @fires parley-admin-open-thread - the thread link was followed (detail: the comment)
 */
@customElement('parley-admin-comment')
export class ParleyAdminComment extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      article {
        border: 1px solid var(--_line);
        border-radius: 8px;
        padding: 0.75rem 1rem;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 0.75rem;
        background: var(--_bg);
      }
      :host([current]) article {
        background: var(--_current);
        border-color: var(--_accent);
        box-shadow: inset 4px 0 0 var(--_accent);
      }
      /* The bar marks the start of the line: box-shadow has no logical offsets. */
      :host([current]:dir(rtl)) article {
        box-shadow: inset -4px 0 0 var(--_accent);
      }
      /* Forced colours drop the background and the shadow: a border in the system's highlight
         colour, thick at the start as the shadow was, marks the current comment instead. */
      @media (forced-colors: active) {
        :host([current]) article {
          border-color: Highlight;
          border-inline-start-width: 5px;
        }
      }
      article > :not(.check) {
        grid-column: 2;
      }
      .check {
        grid-row: 1 / span 4;
        padding-top: 0.2rem;
      }
      .check input {
        width: 1.1rem;
        height: 1.1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .author {
        font-weight: 600;
      }
      .badge {
        font-size: 0.8rem;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 0.5rem;
      }
      .status-pending,
      .status-flagged {
        color: var(--_accent);
      }
      .status-spam,
      .status-rejected,
      .status-deleted {
        color: var(--_danger);
      }
      .status-approved {
        color: var(--_ok);
      }
      .reason {
        font-size: 0.9rem;
      }
      .body {
        overflow-wrap: anywhere;
      }
      :host([depth='1']) {
        margin-inline-start: 1.5rem;
      }
      :host([depth='2']) {
        margin-inline-start: 3rem;
      }
      :host([depth='3']) {
        margin-inline-start: 4.5rem;
      }
      :host([depth='4']) {
        margin-inline-start: 6rem;
      }
      .body > :first-child {
        margin-top: 0;
      }
      .body > :last-child {
        margin-bottom: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      kbd {
        font-size: 0.75rem;
        opacity: 0.8;
        margin-inline-start: 0.3rem;
      }
    `,
  ];

  #body?: DocumentFragment;

  /** The comment shown. */
  @property({ attribute: false }) comment!: AdminComment;
  /** The keyboard's current comment (highlighted; actions without a selection apply to it). */
  @property({ type: Boolean, reflect: true }) current = false;
  /** Whether the comment is in the bulk selection. */
  @property({ type: Boolean }) selected = false;
  /** Whether single-key shortcuts are on: the buttons name their keys only then. */
  @property({ type: Boolean }) shortcuts = true;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('comment')) {
      this.#body = sanitize(this.comment.html ?? '');
      // An attribute the styles match, not an inline style (the console's CSP allows none);
      // deeper replies stay at the fourth step so that narrow screens keep room for the text.
      if (this.comment.depth) this.setAttribute('depth', String(Math.min(this.comment.depth, 4)));
      else this.removeAttribute('depth');
    }
  }

  /** Focuses the comment itself (the list's roving focus). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus(options);
  }

  #fire(action: ConsoleAction) {
    this.dispatchEvent(
      new CustomEvent<ActionDetail>('parley-admin-action', {
        detail: { id: this.comment.id, action },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #select(e: MouseEvent) {
    const box = e.currentTarget as HTMLInputElement;
    this.dispatchEvent(
      new CustomEvent<SelectDetail>('parley-admin-select', {
        detail: { id: this.comment.id, selected: box.checked, range: e.shiftKey },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #openThread(e: Event) {
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('parley-admin-open-thread', { detail: this.comment, bubbles: true, composed: true }));
  }

  #button(action: ConsoleAction, label: string, cls = '') {
    const key = this.shortcuts ? KEYS[action] : undefined;
    return html`<button type="button" class=${cls} aria-keyshortcuts=${key ?? nothing} @click=${() => this.#fire(action)}>
      ${label}${key ? html`<kbd aria-hidden="true">${key}</kbd>` : nothing}
    </button>`;
  }

  override render() {
    const c = this.comment;
    const t = this.i18n;
    const author = c.author.name || t.t('comment.anonymous');
    const page = c.page.title || c.page.url || c.page.key;
    const id = `c-${c.id}`;
    const held = c.status === 'pending' || c.status === 'spam' || Boolean(c.flags);
    return html`<article tabindex="-1" aria-labelledby="${id}-who ${id}-where">
      <div class="check">
        <input
          type="checkbox"
          .checked=${this.selected}
          @click=${this.#select}
          aria-label=${t.t('comment.select', { author })}
        />
      </div>
      <header>
        <span class="author" id="${id}-who">${author}</span>
        ${c.moderator ? html`<span class="badge">${t.t('comment.moderator')}</span>` : nothing}
        <span class="muted" id="${id}-where"
          >${t.t('comment.on', { page })} · ${c.site} ·
          <time datetime=${c.createdAt}>${t.date(c.createdAt)}</time></span
        >
        <span class="badge status-${c.status}">${t.t(`status.${c.status}`)}</span>
        ${c.pinned ? html`<span class="badge">${t.t('comment.pinned')}</span>` : nothing}
        ${c.page.closed && !c.page.locked ? html`<span class="muted">${t.t('comment.closed')}</span>` : nothing}
        ${c.flags ? html`<span class="muted">${t.t('comment.flags', { n: c.flags })}</span>` : nothing}
      </header>
      ${held && c.heldReason ? html`<div class="reason muted">${t.t('comment.reason', { reason: reason(t, c.heldReason) })}</div>` : nothing}
      <div class="body">${this.#body}</div>
      <div class="actions" role="group" aria-label=${t.t('comment.actions')}>
        ${c.status !== 'approved' ? this.#button('approve', t.t('action.approve'), 'primary') : nothing}
        ${c.status !== 'rejected' ? this.#button('reject', t.t('action.reject')) : nothing}
        ${c.status !== 'spam' ? this.#button('spam', t.t('action.spam')) : nothing}
        ${this.#button('delete', t.t('action.delete'), 'danger')} ${this.#button('edit', t.t('action.edit'))}
        ${this.#button('pin', c.pinned ? t.t('action.unpin') : t.t('action.pin'))}
        ${this.#button('lock', c.page.locked ? t.t('action.unlock') : t.t('action.lock'))}
        ${this.#button('reply', t.t('action.reply'))}
        ${c.moderator || c.status === 'deleted' ? nothing : this.#button('ban', t.t('action.ban'), 'danger')}
        <a href="#/thread?site=${encodeURIComponent(c.site)}&page=${encodeURIComponent(c.page.key)}" @click=${this.#openThread}
          >${t.t('comment.viewThread')}</a
        >
      </div>
    </article>`;
  }
}

/** A held reason as a sentence: the known codes are translated, others shown as they come. */
function reason(t: Translator, code: string): string {
  const key = `reason.${code}` as TermKey;
  const text = t.t(key);
  return text === key ? code : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-comment': ParleyAdminComment;
  }
}
