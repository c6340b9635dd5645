import { css } from 'lit';

/**
 * Styles of `<parley-share>`. Without `theme` the bar takes the page's text colour and tints its
 * controls from it, so it suits light and dark pages alike; `theme=light|dark|auto` sets its own
 * colours on a `Canvas` background instead. Deliberately terse: CSS inside a template literal
 * ships as written, and the bar has a 10 KB budget with Lit included.
 */
export const styles = css`
:host{display:block;--_b:transparent}
:host([theme]){--_b:Canvas}
:host([theme=light]){color-scheme:light;color:#1f2328}
:host([theme=dark]){color-scheme:dark;color:#e6edf3}
:host([theme=auto]){color-scheme:light dark;color:CanvasText}
ul{display:flex;flex-wrap:wrap;gap:var(--parley-share-gap,.5em);list-style:none;margin:0;padding:0}
a,button{display:inline-flex;align-items:center;gap:.4em;min-height:2.25em;padding:0 .75em;border:1px solid var(--parley-share-border,color-mix(in srgb,currentColor 30%,transparent));border-radius:var(--parley-share-radius,2em);background:var(--parley-share-bg,color-mix(in srgb,currentColor 7%,var(--_b)));color:var(--parley-share-fg,inherit);font:inherit;text-decoration:none;cursor:pointer}
:is(a,button):hover{background:color-mix(in srgb,currentColor 15%,var(--_b))}
:focus-visible{outline:3px solid var(--parley-share-focus,currentColor);outline-offset:2px}
svg{width:var(--parley-share-icon-size,1.25em);fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media (forced-colors:active){a,button{border-color:ButtonText}:focus-visible{outline-color:Highlight}}
`;
