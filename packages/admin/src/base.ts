import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminApi } from './api.js';
import { ApiError } from './api-request.js';
import { Translator } from './i18n/translator.js';

/** Detail of `parley-admin-announce`: a sentence for the console's one polite live region. */
export interface AnnounceDetail {
  message: string;
}

/**
 * What every view shares: the API client and translator the root hands down, and the two ways a
 * view reports back — `announce()` (the root's live region reads it) and `fail()` (an error as a
 * translated sentence; a lost session sends the root back to the sign-in form).
 *
 * @fires parley-admin-announce - a result to read out ({@link AnnounceDetail})
 * @fires parley-admin-signed-out - the API answered 401: the session is gone
 */
export class AdminElement extends LitElement {
  /** The admin API client. */
  @property({ attribute: false }) api = new AdminApi();
  /** Console terms in the chosen language. */
  @property({ attribute: false }) i18n = new Translator();

  /** Sends `message` to the live region. */
  protected announce(message: string): void {
    this.dispatchEvent(
      new CustomEvent<AnnounceDetail>('parley-admin-announce', { detail: { message }, bubbles: true, composed: true }),
    );
  }

  /** The sentence for an error (and, for 401, tells the root the session is gone). */
  protected fail(error: unknown): string {
    const t = this.i18n;
    let message: string;
    if (error instanceof ApiError && error.status === 401) {
      this.dispatchEvent(new CustomEvent('parley-admin-signed-out', { bubbles: true, composed: true }));
      message = t.t('common.session');
    } else if (error instanceof ApiError && error.status === 0) message = t.t('common.network');
    else message = t.t('common.error', { message: error instanceof Error ? error.message : String(error) });
    this.announce(message);
    return message;
  }

  /** Moves focus to the view's heading, so a screen reader starts reading the new view there. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
