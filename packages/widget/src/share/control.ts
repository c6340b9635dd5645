import { html, nothing, type TemplateResult } from 'lit';
import type { ParleyShare } from '../parley-share.js';
import { ACTIONS, fediversePage, shareData, shared } from './actions.js';
import { icon } from './icons.js';
import { brand as brandOf, type ServiceId, shareUrl } from './services.js';
import type { ShareKey } from './terms.js';

/**
 * One service's control in a share bar: a link where the service has a share URL (opened in a
 * new window, except e-mail), else a button calling its action (`ACTIONS`); the brand name or the
 * translated term as its label (visually hidden, and a tooltip, in the `icons` and `compact`
 * variants) and its count badge. A function of the bar, so the minifier can shorten its name.
 */
export function control(bar: ParleyShare, id: ServiceId): TemplateResult {
  const brand = brandOf(id);
  const key = `share.${id === 'copy' && bar.copied ? 'copied' : id === 'mastodon' ? 'fediverse' : id}` as ShareKey;
  const name = brand ?? bar.i18n.t(key);
  const iconOnly = bar.variant === 'icons' || bar.variant === 'compact';
  const body = html`${icon(id)}<span part="label" class=${iconOnly ? 'sr' : ''}>${name}</span>${bar.badge?.(id)}`;
  const part = `control control-${id}`;
  const tip = iconOnly ? (brand ? bar.i18n.t('share.on', { service: name }) : name) : nothing;
  const href = id === 'mastodon' ? fediversePage(bar) : shareUrl(id, shareData(bar, id));
  if (href) {
    const away = id !== 'email';
    // biome-ignore format: one line, since whitespace inside templates is shipped as is
    return html`<a part=${part} href=${href} title=${tip} target=${away ? '_blank' : nothing} rel="noreferrer" aria-describedby=${away ? 'new-window' : nothing} @click=${() => shared(bar, id, href)}>${body}</a>`;
  }
  // The services that are buttons are named after their actions.
  const click = () => void ACTIONS[id as keyof typeof ACTIONS](bar);
  // biome-ignore format: one line, since whitespace inside templates is shipped as is
  return html`<button part=${part} title=${tip} @click=${click}>${body}</button>`;
}
