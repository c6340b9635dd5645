import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError, type Comment } from './api.js';
import { ParleyElement } from './base.js';
import { define } from './define.js';
import { sanitize } from './sanitize.js';

/**
 * The comment thread: the comments of one page and a form to add one.
 *
 * @fires parley-comment-posted - a comment was accepted; `detail.comment`
 * @csspart form - the comment form
 */
export class ParleyComments extends ParleyElement {
  static override styles = css`
    :host { display: block; font: inherit; color: inherit; }
    ol { list-style: none; padding: 0; margin: 0; }
    .replies { padding-inline-start: 1.5em; }
    article { margin-block: 1em; }
    label { display: block; margin-block: 0.5em 0.25em; }
    textarea, input { font: inherit; width: 100%; box-sizing: border-box; }
    .error { color: #b00020; }
  `;

  @state() private comments: Comment[] = [];
  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private error = '';
  @state() private posting = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('site') || changed.has('page')) void this.load();
  }

  private async load(): Promise<void> {
    if (!this.siteId) return;
    try {
      const data = await this.client.list(this.siteId, this.pageKey);
      this.comments = data.comments;
      this.status = 'ready';
    } catch (err) {
      this.status = 'error';
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.posting = true;
    this.error = '';
    try {
      const { comment } = await this.client.post({
        site: this.siteId,
        page: this.pageKey,
        url: location.href,
        title: document.title,
        body: String(data.get('body') ?? ''),
        author: { name: String(data.get('name') ?? '') },
      });
      this.comments = [...this.comments, comment];
      form.reset();
      this.dispatchEvent(new CustomEvent('parley-comment-posted', { detail: { comment }, bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.posting = false;
    }
  }

  private renderComment(c: Comment): unknown {
    return html`<li>
      <article id="comment-${c.id}">
        ${
          c.deleted
            ? html`<p><em>Deleted</em></p>`
            : html`<header><strong>${c.author?.name || 'Anonymous'}</strong>
                <time datetime=${c.createdAt}>${new Date(c.createdAt).toLocaleString()}</time></header>
              <div class="body">${sanitize(c.html)}</div>`
        }
      </article>
      ${c.replies?.length ? html`<ol class="replies">${c.replies.map((r) => this.renderComment(r))}</ol>` : nothing}
    </li>`;
  }

  override render() {
    return html`
      <section aria-label="Comments">
        ${this.status === 'loading' ? html`<p>Loading comments…</p>` : nothing}
        ${this.status === 'ready' && this.comments.length === 0 ? html`<p>Be the first to comment.</p>` : nothing}
        <ol>${this.comments.map((c) => this.renderComment(c))}</ol>
        <form part="form" @submit=${this.submit}>
          <label for="name">Name</label>
          <input id="name" name="name" autocomplete="name" maxlength="80" />
          <label for="body">Comment</label>
          <textarea id="body" name="body" required rows="4"></textarea>
          <p class="error" role="alert">${this.error}</p>
          <button type="submit" ?disabled=${this.posting}>Post comment</button>
        </form>
      </section>
    `;
  }
}

define('parley-comments', ParleyComments);

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments;
  }
}
