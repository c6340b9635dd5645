import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from './define.js';

/** Share-intent URL builders; every value is encoded. */
const SERVICES: Record<string, { label: string; url: (u: string, t: string) => string }> = {
  x: { label: 'X', url: (u, t) => `https://x.com/intent/post?url=${encodeURIComponent(u)}&text=${encodeURIComponent(t)}` },
  facebook: { label: 'Facebook', url: (u) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(u)}` },
  linkedin: { label: 'LinkedIn', url: (u) => `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(u)}` },
  email: { label: 'E-mail', url: (u, t) => `mailto:?subject=${encodeURIComponent(t)}&body=${encodeURIComponent(u)}` },
};

/**
 * A share bar that sends nothing to anyone until the reader clicks.
 *
 * @fires parley-share - the reader chose a service; `detail.service`
 */
export class ParleyShare extends LitElement {
  static override styles = css`
    :host { display: block; }
    ul { display: flex; flex-wrap: wrap; gap: 0.5em; list-style: none; margin: 0; padding: 0; }
    a, button { font: inherit; }
  `;

  @state() private copied = false;
  /** URL to share; defaults to the canonical URL of the page. */
  @property() url = '';
  /** Title to share; defaults to the document title. */
  @property() override title = '';

  private get shareUrl(): string {
    return this.url || document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href;
  }

  private get shareTitle(): string {
    return this.title || document.title;
  }

  private async copy(): Promise<void> {
    await navigator.clipboard.writeText(this.shareUrl).catch(() => undefined);
    this.copied = true;
    this.fire('copy');
  }

  private fire(service: string): void {
    this.dispatchEvent(new CustomEvent('parley-share', { detail: { service }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<ul aria-label="Share">
      <li><button type="button" @click=${this.copy}>${this.copied ? 'Link copied' : 'Copy link'}</button></li>
      ${Object.entries(SERVICES).map(
        ([id, s]) => html`<li><a href=${s.url(this.shareUrl, this.shareTitle)} target="_blank" rel="noopener noreferrer"
          @click=${() => this.fire(id)}>${s.label}</a></li>`,
      )}
    </ul>`;
  }
}

define('parley-share', ParleyShare);

declare global {
  interface HTMLElementTagNameMap {
    'parley-share': ParleyShare;
  }
}
