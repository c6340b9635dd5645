import { LitElement, type PropertyDeclarations } from 'lit';
import { defaultPageKey, embedConfig } from './config.js';

/**
 * Which comment server, site and page an element speaks for. Attributes win over the script
 * tag's `data-*` configuration. Kept apart from the API client ({@link ParleyElement} in
 * base.ts) so that `<parley-count>`, which is in the first-load chunk, does not pull the client
 * in with it.
 *
 * Reactive properties here and in the subclasses are declared with `static properties` rather
 * than decorators: tsc's `__decorate` helper and the decorator calls cost bytes in every module
 * that uses them, and the embed has a size budget (docs/performance.md).
 */
export class ParleyConfigured extends LitElement {
  static override properties: PropertyDeclarations = { site: {}, page: {}, api: {} };
  // No initialisers: unset is undefined, which the getters below treat as "not given", and
  // each initialiser would cost bytes in the first-load chunk.
  /** Site id as registered on the comment server. */
  site?: string;
  /** Thread key; defaults to the canonical URL without query and fragment. */
  page?: string;
  /** Comment server base URL; defaults to `data-api` or where the embed script came from. */
  api?: string;

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
