import { html, nothing } from 'lit';
import { renderForm } from './comments/form.js';
import { renderList } from './comments/item.js';
import { focusOn, loadMore, setSort, showNew } from './comments/read.js';
import { Thread } from './comments/thread.js';
import { type ParleyEvents, SORTS, type Sort } from './comments/types.js';
import { define } from './define.js';
import { direction } from './i18n/direction.js';
import './parley-share.js';
import { styles } from './parley-comments.styles.js';

/**
 * The comment thread of one page: threaded replies, sorting, pagination, permalinks, a form to
 * post, reply, edit and delete, and votes. Loads when it comes within about one viewport.
 *
 * Live: while the thread is within about one viewport and its tab is visible, it listens to the
 * server's event stream (closed otherwise, and resumed after the last event it had, so nothing
 * is missed). Replies, edits, deletions and votes change in place; new top-level comments wait
 * behind a "N new comments — show" button, so nothing moves under the reader's eyes, and are
 * announced once through the polite live region.
 *
 * Notifications: once an e-mail is typed, the form offers "notify me of replies" and (the form
 * under the thread) a "follow this discussion" button for every new comment; both are confirmed
 * by a link mailed to the address (double opt-in), and the button then says to check the inbox.
 *
 * @attr site - site id (defaults to the script tag's `data-site`)
 * @attr page - thread key (defaults to the canonical URL without query and fragment)
 * @attr api - comment server base URL (defaults to where the script came from)
 * @attr lang - language; then the script tag's `data-lang`, the nearest `lang` (`<html lang>`), the browser, English.
 *   The thread's root carries the `lang` of the table used, and that language's direction
 * @attr dir - `ltr` or `rtl`, over the language's direction: Arabic and Hebrew render right to left
 *   on any page, every other table left to right on any page
 * @attr theme - `light` (default), `dark` or `auto`
 * @attr no-lazy - load at once instead of near the viewport
 * @attr no-live - no live updates (no event stream): the thread changes on reload only
 * @attr strings - JSON object overriding any term, e.g. `{"form.submit":"Send"}`
 *
 * @fires parley-ready - the first page of comments loaded; `detail.count`
 * @fires parley-error - loading or an action failed; `detail.error`
 * @fires parley-comment-posted - the server accepted a comment; `detail.comment`
 * @fires parley-comment-deleted - the reader deleted their comment; `detail.id`
 *
 * @csspart comment - each comment's `<article>`
 * @csspart author - the author's name (a link when they gave a website)
 * @csspart avatar - the generated avatar
 * @csspart body - the comment text
 * @csspart pending - the "awaiting moderation" note
 * @csspart form - every comment form
 * @csspart preview - the preview of a comment (the server's rendering of its text; busy while it loads)
 * @csspart error - a form's error message
 * @csspart button - every button; votes also have `vote`, the post button `submit`
 * @csspart count - the comment count above the thread
 * @csspart sort - the sort menu
 * @csspart new - the "N new comments — show" button (also `button`)
 * @csspart follow - the "follow this discussion" button (also `button`) and the note after it
 *
 * @cssprop --parley-font - font family (default: inherited from the page)
 * @cssprop --parley-color-text - text colour
 * @cssprop --parley-color-background - background colour
 * @cssprop --parley-color-muted - secondary text (times, hints)
 * @cssprop --parley-color-accent - links, focus rings, pressed buttons
 * @cssprop --parley-color-on-accent - text on the accent colour
 * @cssprop --parley-color-border - borders and thread lines
 * @cssprop --parley-color-error - error text and invalid fields
 * @cssprop --parley-color-highlight - background of a comment opened by permalink
 * @cssprop --parley-color-skeleton - loading placeholders and avatar backdrop
 * @cssprop --parley-radius - corner radius
 * @cssprop --parley-indent - indentation per reply level
 * @cssprop --parley-avatar-size - avatar size
 * @cssprop --parley-padding - padding around the thread
 */
export class ParleyComments extends Thread {
  static override styles = styles;

  /**
   * The first load's skeleton, or the error with its retry. Retrying moves focus to the count once
   * the thread is in (which says it), or to the new retry button if it failed again: the button
   * the reader pressed is gone while loading.
   */
  #renderState() {
    if (this.phase === 'error') {
      const retry = () => this.reload().then(() => focusOn(this, this.phase === 'ready' ? '.count' : '.state button'));
      return html`<div class="state"><p class="error">${this.tr('comments.error')}</p>
        <button type="button" part="button" @click=${retry}>${this.tr('comments.retry')}</button></div>`;
    }
    const bone = html`<div class="skeleton"><span></span><span></span></div>`;
    return html`<div class="state" aria-busy="true"><p class="sr">${this.tr('comments.loading')}</p>${bone}${bone}</div>`;
  }

  override render() {
    const ready = this.phase === 'ready';
    // Loading again (another sort, a retry) keeps what was shown, the sort menu with the reader's
    // focus included and the form with what is typed in it, the list marked busy; only the first
    // load shows the skeleton.
    const shown = ready || (this.phase === 'loading' && !!this.info);
    const count = this.info?.count ?? 0;
    const n = this.waiting.length;
    const fresh = n
      ? html`<button type="button" part="button new" @click=${() => showNew(this)}>${this.tr('live.show', { n })}</button>`
      : nothing;
    const top = this.order === 'newest';
    // The language of the table in use, and its direction unless the element has a `dir`: an
    // English fallback on a right-to-left page must neither read nor lay out as the page's language.
    return html`<section class="root ${this.themeName}" aria-label=${this.tr('comments.heading')} lang=${this.t.lang} dir=${direction(this, this.t.lang)}>
      ${
        shown
          ? html`<div class="bar">
              <p class="count" part="count" tabindex="-1">${this.tr('comments.count', { n: count })}</p>
              <label>${this.tr('comments.sort')}
                <select part="sort" @change=${(e: Event) => setSort(this, (e.target as HTMLSelectElement).value as Sort)}>
                  ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.order}>${this.tr(`sort.${s}`)}</option>`)}
                </select></label>
            </div>`
          : this.#renderState()
      }
      ${ready && this.comments.length === 0 ? html`<p>${this.tr(this.locked ? 'comments.locked' : 'comments.empty')}</p>` : nothing}
      ${top ? fresh : nothing}
      <ol class="thread" aria-busy=${shown && !ready}>${renderList(this, this.comments, 0)}</ol>
      ${top ? nothing : fresh}
      ${
        ready && this.next
          ? html`<button type="button" part="button" aria-disabled=${this.loadingMore} @click=${() => loadMore(this)}>${this.tr('comments.loadMore')}</button>`
          : nothing
      }
      ${shown && this.locked && this.comments.length ? html`<p>${this.tr('comments.locked')}</p>` : nothing}
      ${shown && !this.locked ? renderForm(this, 'root') : nothing}
      <div class="sr" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}

define('parley-comments', ParleyComments);

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments;
  }
  interface HTMLElementEventMap {
    'parley-ready': CustomEvent<ParleyEvents['parley-ready']>;
    'parley-error': CustomEvent<ParleyEvents['parley-error']>;
    'parley-comment-posted': CustomEvent<ParleyEvents['parley-comment-posted']>;
    'parley-comment-deleted': CustomEvent<ParleyEvents['parley-comment-deleted']>;
  }
}
