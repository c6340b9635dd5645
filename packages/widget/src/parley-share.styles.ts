import { css } from 'lit';

/** Styles of `<parley-share>`: public `--parley-share-*` tokens copied into private `--_*`. */
export const styles = css`
  :host {
    --_fg: var(--parley-share-fg, #1f2328);
    --_bg: var(--parley-share-bg, #f3f4f6);
    --_hover: var(--parley-share-hover-bg, #e5e7eb);
    --_border: var(--parley-share-border, #d0d7de);
    --_focus: var(--parley-share-focus, #0969da);
    --_radius: var(--parley-share-radius, 999px);
    --_gap: var(--parley-share-gap, 0.5em);
    --_icon: var(--parley-share-icon-size, 1.25em);
    display: block;
    font: inherit;
    color-scheme: light;
  }
  :host([theme='dark']) {
    --_fg: var(--parley-share-fg, #e6edf3);
    --_bg: var(--parley-share-bg, #262c36);
    --_hover: var(--parley-share-hover-bg, #343b46);
    --_border: var(--parley-share-border, #474f5b);
    --_focus: var(--parley-share-focus, #4493f8);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_fg: var(--parley-share-fg, #e6edf3);
      --_bg: var(--parley-share-bg, #262c36);
      --_hover: var(--parley-share-hover-bg, #343b46);
      --_border: var(--parley-share-border, #474f5b);
      --_focus: var(--parley-share-focus, #4493f8);
      color-scheme: dark;
    }
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  a,
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2.25em;
    min-inline-size: 2.25em;
    justify-content: center;
    padding-block: 0.25em;
    padding-inline: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
  }
  a:hover,
  button:hover {
    background: var(--_hover);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  :host([variant='icons']) li > :is(a, button),
  :host([variant='compact']) li > :is(a, button) {
    padding-inline: 0.4em;
  }
  svg {
    inline-size: var(--_icon);
    block-size: var(--_icon);
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  [part~='count'] {
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    opacity: 0.85;
  }
  [hidden] {
    display: none !important;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='toggle'] {
    margin-block-end: var(--_gap);
  }
  dialog {
    color: var(--_fg);
    background: Canvas;
    border: 1px solid var(--_border);
    border-radius: 0.5em;
    max-inline-size: min(28em, 90vw);
  }
  dialog h2 {
    font-size: 1.1em;
    margin-block: 0 0.75em;
  }
  dialog label {
    display: block;
    font-weight: 600;
  }
  dialog input {
    font: inherit;
    inline-size: 100%;
    box-sizing: border-box;
    margin-block: 0.25em;
    padding: 0.4em;
  }
  dialog p {
    margin-block: 0.25em 0.75em;
  }
  .error {
    color: var(--parley-share-error, #b42318);
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: var(--_gap);
    justify-content: flex-end;
  }
  @media (forced-colors: active) {
    a,
    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    a {
      color: LinkText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    svg {
      stroke: currentColor;
    }
  }
`;
