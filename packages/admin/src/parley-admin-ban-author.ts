import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { AdminComment, Ban } from './api-types.js';
import { EXPIRIES, expiresAt } from './ban-expiry.js';
import { AdminElement } from './base.js';
import { focusedElement, modal, shared } from './styles.js';

/**
 * "Ban author": a modal form on a native `<dialog>` for banning whoever wrote a comment, by the
 * e-mail address or the IP prefix the server holds for it. The console never sees either: the
 * ban names the comment (`commentId`) and the server looks them up. Offers only what the comment
 * has on record, this site or every site, an expiry and a reason. `open()` resolves with the new
 * ban, or undefined when cancelled; a refusal is shown in the form, which stays open.
 */
@customElement('parley-admin-ban-author')
export class ParleyAdminBanAuthor extends AdminElement {
  static override styles = [
    shared,
    modal,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      .fields {
        display: grid;
        gap: 0.75rem;
      }
      .fields label.check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  #resolve?: (ban: Ban | undefined) => void;
  #returnTo?: HTMLElement | null;

  @state() private comment?: AdminComment;
  @state() private error = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  #finish(ban: Ban | undefined) {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.dialog?.open) this.dialog.close();
    this.comment = undefined;
    this.#returnTo?.focus();
    resolve?.(ban);
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const c = this.comment;
    if (!c || this.busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const ban = await this.api.ban({
        kind: String(data.get('kind')) as Ban['kind'],
        commentId: c.id,
        site: String(data.get('site') || '') || null,
        reason: String(data.get('reason') || '').trim() || undefined,
        expiresAt: expiresAt(String(data.get('expires') ?? '')),
      });
      this.#finish(ban);
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  /** Shows the form for the author of `comment`; resolves with the ban made, or undefined. */
  async open(comment: AdminComment): Promise<Ban | undefined> {
    this.#resolve?.(undefined);
    this.#returnTo = focusedElement();
    this.comment = comment;
    this.error = '';
    const answer = new Promise<Ban | undefined>((resolve) => {
      this.#resolve = resolve;
    });
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('input[name=kind]:checked, button[type=submit], button')?.focus();
    return answer;
  }

  /** Whether the form is open (the list's keystrokes wait meanwhile). */
  get isOpen(): boolean {
    return Boolean(this.comment);
  }

  #form(c: AdminComment) {
    const t = this.i18n;
    const kinds = [
      ...(c.author.hasEmail ? [['email', t.t('banAuthor.email')] as const] : []),
      ...(c.author.ipHash ? [['ip', t.t('banAuthor.ip')] as const] : []),
    ];
    if (!kinds.length) {
      return html`<p>${t.t('banAuthor.none')}</p>
        <div class="buttons"><button type="button" @click=${() => this.#finish(undefined)}>${t.t('common.cancel')}</button></div>`;
    }
    return html`<form @submit=${this.#submit}>
      <div class="fields">
        <fieldset>
          <legend>${t.t('bans.kind')}</legend>
          ${kinds.map(
            ([kind, label], i) =>
              html`<label class="check"><input type="radio" name="kind" value=${kind} ?checked=${i === 0} />${label}</label>`,
          )}
        </fieldset>
        <label
          >${t.t('common.site')}
          <select name="site">
            <option value=${c.site} selected>${t.t('banAuthor.thisSite', { site: c.site })}</option>
            <option value="">${t.t('common.allSites')}</option>
          </select></label
        >
        <label
          >${t.t('bans.expires')}
          <select name="expires">
            ${EXPIRIES.map(([v, k]) => html`<option value=${v} ?selected=${v === String(7 * 86_400_000)}>${t.t(k)}</option>`)}
          </select></label
        >
        <label>${t.t('bans.reason')}<input name="reason" maxlength="500" /></label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="button" @click=${() => this.#finish(undefined)}>${t.t('common.cancel')}</button>
        <button type="submit" class="primary danger" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('bans.submit')}</button>
      </div>
    </form>`;
  }

  override render() {
    const c = this.comment;
    return html`<dialog
      aria-labelledby="ban-heading"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.#finish(undefined);
      }}
    >
      ${
        c
          ? html`<h2 id="ban-heading">${this.i18n.t('banAuthor.heading', { author: c.author.name || this.i18n.t('comment.anonymous') })}</h2>
            ${this.#form(c)}`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-ban-author': ParleyAdminBanAuthor;
  }
}
