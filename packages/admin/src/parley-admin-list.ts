import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminComment } from './api-types.js';
import { AdminElement } from './base.js';
import { ElementShortcuts } from './keys.js';
import {
  ACTION_BY_KEY,
  applyBulkAction,
  BULK,
  type BulkAction,
  isBulk,
  isChanged,
  reloaded,
  replaced,
  selectionAfter,
  targetsOf,
  withPageLock,
  withReply,
} from './list-actions.js';
import type { ParleyAdminBanAuthor } from './parley-admin-ban-author.js';
import type { ActionDetail, ConsoleAction, ParleyAdminComment, SelectDetail } from './parley-admin-comment.js';
import type { ParleyAdminDialog } from './parley-admin-dialog.js';
import { styles } from './parley-admin-list.styles.js';
import { shared } from './styles.js';
import './parley-admin-ban-author.js';
import './parley-admin-comment.js';
import './parley-admin-dialog.js';

/**
 * A list of comments to moderate, shared by the queue, search and thread views. Keyboard first:
 * while focus is in the list (never elsewhere on the page, WCAG 2.1.4), j/k move the current
 * comment, x selects it (shift-click selects a range), and one key per action (see `KEYS`)
 * applies it to the selection, or to the current comment when nothing is selected; the
 * shortcuts overlay turns single keys off (`keys.ts`). Approve, reject, spam and delete work in
 * bulk; edit, reply, pin, lock and ban (the author) act on one comment. Deleting asks first. With
 * `resolve`, acted-on comments leave the list (the queue); without, they stay with their new status.
 * Each decision and edit carries the version shown: a comment that changed since (its author
 * edited it, another moderator acted) is not acted on but reloaded, and a notice says to look again.
 *
 * @fires parley-admin-announce - the result of each action
 */
@customElement('parley-admin-list')
export class ParleyAdminList extends AdminElement {
  static override styles = [shared, styles];

  #lastSelected?: string;
  #keys = new ElementShortcuts(this, (e) => this.#key(e));

  @state() private current = 0;
  @state() private selected = new Set<string>();
  @state() private busy = false;
  /** Shown until the next action: which comments were reloaded because they had changed. */
  @state() private notice = '';

  /** The comments shown. */
  @property({ attribute: false }) items: AdminComment[] = [];
  /** Acted-on comments leave the list (they are no longer held), as in the queue. */
  @property({ type: Boolean }) resolve = false;
  /** Accessible name of the list. */
  @property() label = '';

  @query('parley-admin-dialog') private dialog!: ParleyAdminDialog;
  @query('parley-admin-ban-author') private banForm!: ParleyAdminBanAuthor;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('items')) {
      const ids = new Set(this.items.map((c) => c.id));
      if ([...this.selected].some((id) => !ids.has(id))) this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
      this.current = Math.min(this.current, Math.max(0, this.items.length - 1));
    }
  }

  #key(e: KeyboardEvent) {
    if (this.dialog?.open || this.banForm?.isOpen || !this.items.length) return;
    const key = e.key;
    if (key === 'j' || key === 'k') {
      e.preventDefault();
      this.move(key === 'j' ? 1 : -1);
    } else if (key === 'x') {
      e.preventDefault();
      const c = this.items[this.current];
      if (c) this.#toggle(c.id, !this.selected.has(c.id), false);
    } else {
      const action = ACTION_BY_KEY.get(key);
      if (!action) return;
      e.preventDefault();
      void this.run(action);
    }
  }

  /** Moves the current comment by `delta` and focuses it. */
  move(delta: number): void {
    this.current = Math.max(0, Math.min(this.items.length - 1, this.current + delta));
    void this.#focusCurrent();
  }

  async #focusCurrent() {
    await this.updateComplete;
    const item = this.renderRoot.querySelectorAll<ParleyAdminComment>('parley-admin-comment')[this.current];
    item?.focus();
    item?.scrollIntoView({ block: 'nearest' });
  }

  #toggle(id: string, on: boolean, range: boolean) {
    const ids = this.items.map((c) => c.id);
    const next = selectionAfter(this.selected, ids, this.#lastSelected, id, on, range);
    if (on) this.#lastSelected = id;
    this.selected = next;
    this.current = Math.max(0, ids.indexOf(id));
    this.announce(this.i18n.t('queue.selected', { n: next.size }));
  }

  /** Empties the selection; the bar goes, so focus goes back to the current comment. */
  #clear() {
    this.selected = new Set();
    this.announce(this.i18n.t('queue.selected', { n: 0 }));
    void this.#focusCurrent();
  }

  #replace(updated: AdminComment) {
    this.items = replaced(this.items, updated);
  }

  /** Comments that changed since they were shown: reloaded, and the moderator told to look again. */
  async #refresh(ids: string[]) {
    this.notice = this.i18n.t('queue.changed', { n: ids.length });
    this.announce(this.notice);
    try {
      this.items = await reloaded(this.api, this.items, ids);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Applies `action` to the selection or the current comment, as its keystroke does. */
  async run(action: ConsoleAction, only?: string): Promise<void> {
    if (this.busy) return;
    const targets = only ? this.items.filter((c) => c.id === only) : targetsOf(this.items, this.selected, this.current);
    if (!targets.length) return;
    this.busy = true;
    this.notice = '';
    try {
      if (isBulk(action)) await this.#bulk(action, targets);
      else await this.#single(action, targets[0]!);
    } catch (e) {
      if (isChanged(e)) await this.#refresh(targets.map((c) => c.id));
      else this.fail(e);
    } finally {
      this.busy = false;
      // Keyboard work goes on from the current comment (also after a dialog closed).
      if (this.items.length) void this.#focusCurrent();
    }
  }

  async #bulk(action: BulkAction, targets: AdminComment[]) {
    const t = this.i18n;
    if (action === 'delete') {
      const ok = await this.dialog.ask({
        heading: t.t('confirm.delete', { n: targets.length }),
        confirm: t.t('action.delete'),
        danger: true,
      });
      if (ok === undefined) return;
    }
    const { done, changed, failed, updated } = await applyBulkAction(this.api, action, targets);
    if (this.resolve && done.length) {
      this.items = this.items.filter((c) => !done.includes(c.id));
      this.current = Math.min(this.current, Math.max(0, this.items.length - 1));
    } else for (const c of updated) this.#replace(c);
    if (done.length) {
      this.selected = new Set([...this.selected].filter((id) => !done.includes(id)));
      this.announce(t.t(`done.${action}`, { n: done.length }));
    }
    if (failed) this.fail(new Error(failed));
    if (changed.length) await this.#refresh(changed);
  }

  async #single(action: ConsoleAction, c: AdminComment) {
    const t = this.i18n;
    if (action === 'pin') {
      const updated = await this.api.act(c.id, c.pinned ? 'unpin' : 'pin');
      this.#replace({ ...c, ...updated, pinned: updated?.pinned ?? !c.pinned });
      this.announce(t.t(c.pinned ? 'done.unpin' : 'done.pin'));
    } else if (action === 'lock') {
      const locked = (await this.api.lock(c.site, c.page.key, !c.page.locked)).locked ?? !c.page.locked;
      this.items = withPageLock(this.items, c, locked);
      this.announce(t.t(locked ? 'done.lock' : 'done.unlock'));
    } else if (action === 'edit') {
      const text = await this.dialog.ask({
        heading: t.t('editor.edit'),
        field: t.t('editor.text'),
        value: c.body ?? '',
        confirm: t.t('common.save'),
      });
      if (text === undefined) return;
      this.#replace(await this.api.edit(c.id, text, c.version));
      this.announce(t.t('done.edit'));
    } else if (action === 'reply') {
      const text = await this.dialog.ask({
        heading: t.t('editor.reply'),
        field: t.t('editor.text'),
        confirm: t.t('action.reply'),
      });
      if (text === undefined) return;
      const reply = await this.api.reply(c.id, text, c.version);
      if (!this.resolve && reply) this.items = withReply(this.items, c.id, reply);
      this.announce(t.t('done.reply'));
    } else if (action === 'ban') {
      const ban = await this.banForm.open(c);
      if (ban) this.announce(t.t('done.ban', { label: ban.label }));
    }
  }

  #onAction(e: CustomEvent<ActionDetail>) {
    e.stopPropagation();
    this.current = Math.max(
      0,
      this.items.findIndex((c) => c.id === e.detail.id),
    );
    void this.run(e.detail.action, e.detail.id);
  }

  #onSelect(e: CustomEvent<SelectDetail>) {
    e.stopPropagation();
    this.#toggle(e.detail.id, e.detail.selected, e.detail.range);
  }

  override render() {
    const t = this.i18n;
    const n = this.selected.size;
    return html`${
      n
        ? html`<div class="bulk" role="group" aria-label=${t.t('queue.bulk')}>
            <span>${t.t('queue.selected', { n })}</span>
            ${BULK.map(
              (a) =>
                html`<button type="button" aria-disabled=${this.busy ? 'true' : nothing} class=${a === 'delete' ? 'danger' : ''} @click=${() => this.run(a)}>
                  ${t.t(`action.${a}`)}
                </button>`,
            )}
            <button type="button" @click=${this.#clear}>${t.t('queue.clear')}</button>
          </div>`
        : nothing
    }${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      <ol
        class="comments"
        aria-label=${this.label}
        aria-busy=${this.busy ? 'true' : 'false'}
        @parley-admin-action=${this.#onAction}
        @parley-admin-select=${this.#onSelect}
      >
        ${repeat(
          this.items,
          (c) => c.id,
          (c, i) =>
            html`<li>
              <parley-admin-comment
                .comment=${c}
                .i18n=${this.i18n}
                .api=${this.api}
                ?current=${i === this.current}
                .selected=${this.selected.has(c.id)}
                .shortcuts=${this.#keys.on}
                @focusin=${() => (this.current = i)}
              ></parley-admin-comment>
            </li>`,
        )}
      </ol>
      <parley-admin-dialog .i18n=${this.i18n}></parley-admin-dialog>
      <parley-admin-ban-author .i18n=${this.i18n} .api=${this.api}></parley-admin-ban-author>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-list': ParleyAdminList;
  }
}
