import { css } from 'lit';

const LIGHT = css`
  --_bg: var(--parley-admin-bg, #ffffff);
  --_fg: var(--parley-admin-fg, #1b1f24);
  --_muted: var(--parley-admin-muted, #57606a);
  --_line: var(--parley-admin-line, #8c959f);
  --_panel: var(--parley-admin-panel, #f6f8fa);
  --_accent: var(--parley-admin-accent, #0b57d0);
  --_accent-fg: var(--parley-admin-accent-fg, #ffffff);
  --_danger: var(--parley-admin-danger, #b3261e);
  --_ok: var(--parley-admin-ok, #116329);
  --_focus: var(--parley-admin-focus, #0b57d0);
  --_current: var(--parley-admin-current, #e8f0fe);
`;
const DARK = css`
  --_bg: var(--parley-admin-bg, #0d1117);
  --_fg: var(--parley-admin-fg, #e6edf3);
  --_muted: var(--parley-admin-muted, #9da7b3);
  --_line: var(--parley-admin-line, #6e7681);
  --_panel: var(--parley-admin-panel, #161b22);
  --_accent: var(--parley-admin-accent, #8ab4f8);
  --_accent-fg: var(--parley-admin-accent-fg, #0d1117);
  --_danger: var(--parley-admin-danger, #ff938a);
  --_ok: var(--parley-admin-ok, #7ee2a8);
  --_focus: var(--parley-admin-focus, #8ab4f8);
  --_current: var(--parley-admin-current, #1f2a3a);
`;

/**
 * The theme tokens, set on the root element only (custom properties inherit through shadow
 * roots, so every view sees them): light, dark by `prefers-color-scheme`, or forced by the root's
 * `theme` attribute. `--parley-admin-*` custom properties override each token.
 */
export const tokens = css`
  :host {
    ${LIGHT}
    color: var(--_fg);
    background: var(--_bg);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${DARK}
    }
  }
  :host([theme='dark']) {
    ${DARK}
  }
`;

/** Styles every console element shares: native controls, lists, tables. */
export const shared = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.5rem;
    /* A thread's heading names its page, often a URL with no place to break on a phone. */
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.2rem;
  }
  h1:focus {
    outline: none;
  }
  a {
    color: var(--_accent);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--_line);
    background: var(--_panel);
    border-radius: 6px;
    padding: 0.3rem 0.7rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button.danger {
    color: var(--_danger);
  }
  button.primary.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_accent-fg);
  }
  /* Busy buttons are aria-disabled, not disabled: a disabled button drops focus to <body>. */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: 6px;
    padding: 0.35rem 0.5rem;
    max-width: 100%;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .fields label,
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.2rem;
  }
  /* Fields wrap, and on a 320 px screen shrink to the line (a select as wide as its longest
     option would otherwise push the page sideways, WCAG 1.4.10). */
  .fields > * {
    min-width: 0;
    max-width: 100%;
  }
  fieldset {
    min-width: 0;
  }
  /* Wide tables scroll in their own box, not the page. */
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    /* Holds the visually hidden headers, which would otherwise stick out of the page. */
    position: relative;
  }
  ol.comments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_line);
    vertical-align: top;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The frame of the console's modal `<dialog>`s (confirmations, ban author, shortcuts): border,
 * colours, backdrop and the row of buttons; each sets its width with `--_modal-width`.
 */
export const modal = css`
  dialog {
    border: 1px solid var(--_line);
    border-radius: 10px;
    background: var(--_bg);
    color: var(--_fg);
    width: min(var(--_modal-width, 36rem), 92vw);
    padding: 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 1rem;
  }
`;

/**
 * The element that has focus, looked up through open shadow roots (`document.activeElement` stops
 * at the first host): where a modal returns focus when it closes.
 */
export function focusedElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}

/** A block view whose form groups are drawn as boxes (bans, webhooks). */
export const boxedForm = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--_line);
    border-radius: 8px;
    margin: 0 0 1.5rem;
  }
`;
