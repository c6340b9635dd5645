import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { ParleyElement } from './base.js';
import { define } from './define.js';

/** Shows how many comments a page has, e.g. on a listing page. */
export class ParleyCount extends ParleyElement {
  @state() private count: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.client.counts(this.siteId, [this.pageKey]).then((r) => {
      this.count = r.counts[this.pageKey] ?? 0;
    });
  }

  override render() {
    return html`${this.count === undefined ? '' : `${this.count} ${this.count === 1 ? 'comment' : 'comments'}`}`;
  }
}

define('parley-count', ParleyCount);

declare global {
  interface HTMLElementTagNameMap {
    'parley-count': ParleyCount;
  }
}
