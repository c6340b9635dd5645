import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from './i18n/translator.js';

/**
 * The body of a list view (bans, webhooks, subscriptions): the load error if any, the "none"
 * line for an empty list, else a table with a caption for screen readers, one header per column
 * and a last, visually hidden "actions" header; `row` renders an item's cells, actions last. The
 * table scrolls sideways in its own focusable region when a narrow screen cannot hold it.
 * Nothing while the list is still loading (`items` undefined).
 */
export function listTable<T>(
  t: Translator,
  view: { error: string; items: readonly T[] | undefined; caption: string; empty: string; columns: readonly string[] },
  row: (item: T) => TemplateResult,
): TemplateResult {
  const { error, items, caption, empty, columns } = view;
  return html`${error ? html`<p class="error">${error}</p>` : nothing}
    ${items && !items.length ? html`<p>${empty}</p>` : nothing}
    ${
      items?.length
        ? html`<div class="table-scroll" role="region" tabindex="0" aria-label=${caption}><table>
          <caption class="visually-hidden">${caption}</caption>
          <thead>
            <tr>
              ${columns.map((c) => html`<th scope="col">${c}</th>`)}
              <th scope="col"><span class="visually-hidden">${t.t('comment.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((item) => html`<tr>${row(item)}</tr>`)}
          </tbody>
        </table></div>`
        : nothing
    }`;
}
