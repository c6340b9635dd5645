import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultPageKey, embedConfig } from './config.js';

/**
 * Which comment server, site and page an element speaks for. Attributes win over the script
 * tag's `data-*` configuration. Kept apart from the API client ({@link ParleyElement} in
 * base.ts) so that `<parley-count>`, which is in the first-load chunk, does not pull the client
 * in with it.
 */
export class ParleyConfigured extends LitElement {
  /** Site id as registered on the comment server. */
  @property() site = '';
  /** Thread key; defaults to the canonical URL without query and fragment. */
  @property() page = '';
  /** Comment server base URL; defaults to `data-api` or where the embed script came from. */
  @property() api = '';

  protected get siteId(): string {
    return this.site || embedConfig()?.site || '';
  }

  protected get pageKey(): string {
    return this.page || embedConfig()?.page || defaultPageKey();
  }

  protected get apiBase(): string {
    return this.api || embedConfig()?.apiBase || '';
  }
}
