import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ParleyApi } from './api.js';
import { defaultPageKey, embedConfig } from './config.js';

/**
 * What every Parley element shares: where the server is, which site and page it speaks for.
 * Attributes win over the script tag's `data-*` configuration.
 */
export class ParleyElement extends LitElement {
  /** Site id as registered on the comment server. */
  @property() site = '';
  /** Thread key; defaults to the canonical URL without query and fragment. */
  @property() page = '';
  /** Comment server base URL; defaults to where the embed script came from. */
  @property() api = '';

  protected get siteId(): string {
    return this.site || embedConfig()?.site || '';
  }

  protected get pageKey(): string {
    return this.page || embedConfig()?.page || defaultPageKey();
  }

  protected get client(): ParleyApi {
    return new ParleyApi(this.api || embedConfig()?.apiBase || '');
  }
}
