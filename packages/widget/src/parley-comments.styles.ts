import { css } from 'lit';

/**
 * Styles of `<parley-comments>`. Public `--parley-*` tokens are copied into private `--_*`
 * variables per theme, so a page can set one token without restating the theme logic.
 * Colours meet WCAG AA (4.5:1) on the theme's own background in both themes; the border colour
 * is the same in both, so only the light theme sets it.
 */
export const styles = css`
  :host { display: block; font: inherit; }
  [hidden] { display: none !important; }
  .root {
    --_fg: var(--parley-color-text, #1b1b1b);
    --_bg: var(--parley-color-background, #ffffff);
    --_muted: var(--parley-color-muted, #595959);
    --_accent: var(--parley-color-accent, #0b57d0);
    --_on-accent: var(--parley-color-on-accent, #ffffff);
    --_border: var(--parley-color-border, #8a8a8a);
    --_error: var(--parley-color-error, #b3261e);
    --_hl: var(--parley-color-highlight, #fff3bf);
    --_skeleton: var(--parley-color-skeleton, #e8e8e8);
  }
  .root.dark {
    --_fg: var(--parley-color-text, #ececec);
    --_bg: var(--parley-color-background, #161616);
    --_muted: var(--parley-color-muted, #b4b4b4);
    --_accent: var(--parley-color-accent, #a8c7fa);
    --_on-accent: var(--parley-color-on-accent, #161616);
    --_error: var(--parley-color-error, #ffb4ab);
    --_hl: var(--parley-color-highlight, #3d3510);
    --_skeleton: var(--parley-color-skeleton, #2e2e2e);
  }
  @media (prefers-color-scheme: dark) {
    .root.auto {
      --_fg: var(--parley-color-text, #ececec);
      --_bg: var(--parley-color-background, #161616);
      --_muted: var(--parley-color-muted, #b4b4b4);
      --_accent: var(--parley-color-accent, #a8c7fa);
      --_on-accent: var(--parley-color-on-accent, #161616);
      --_error: var(--parley-color-error, #ffb4ab);
      --_hl: var(--parley-color-highlight, #3d3510);
      --_skeleton: var(--parley-color-skeleton, #2e2e2e);
    }
  }
  .root {
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--parley-font, inherit);
    line-height: 1.5;
    padding: var(--parley-padding, 0);
    --_indent: var(--parley-indent, 1.25rem);
    --_radius: var(--parley-radius, 0.375rem);
    --_avatar: var(--parley-avatar-size, 1.75rem);
  }
  a { color: var(--_accent); }
  ol { list-style: none; padding: 0; margin: 0; }
  .replies { padding-inline-start: var(--_indent); border-inline-start: 2px solid var(--_border); margin-inline-start: 0.25rem; }
  .replies.flat { padding-inline-start: 0; border: 0; margin: 0; }
  article { padding: 0.5rem; border-radius: var(--_radius); margin-block: 0.25rem; outline-offset: 2px; }
  article.hl { background: var(--_hl); }
  @media (prefers-reduced-motion: no-preference) { article { transition: background-color 0.6s; } }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; }
  .avatar { width: var(--_avatar); height: var(--_avatar); border-radius: 50%; background: var(--_skeleton); flex: none; }
  .author { font-weight: 600; overflow-wrap: anywhere; }
  .muted, .hint { color: var(--_muted); font-size: 0.875em; }
  .body { overflow-wrap: anywhere; }
  .body :first-child { margin-block-start: 0.25rem; }
  .body :last-child { margin-block-end: 0.25rem; }
  .body pre { overflow-x: auto; }
  .body blockquote { margin-inline: 0; padding-inline-start: 0.75rem; border-inline-start: 3px solid var(--_border); }
  .note { font-size: 0.875em; border-inline-start: 3px solid var(--_accent); padding-inline-start: 0.5rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.375rem; align-items: center; margin: 0.25rem 0; }
  button, select, input, textarea { font: inherit; color: var(--_fg); background: var(--_bg); }
  button, select {
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.125rem 0.625rem; cursor: pointer; min-height: 1.75rem;
  }
  button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
  button[aria-disabled='true']:not(.flag) { cursor: progress; }
  button.toggle, button.more { border: 0; background: none; color: var(--_accent); text-decoration: underline; padding-inline: 0.25rem; }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem; }
  .count { font-weight: 600; margin: 0; }
  .form { margin-block: 1rem; }
  .reply-form { margin-inline-start: var(--_indent); }
  .who { display: flex; flex-wrap: wrap; gap: 0 1rem; }
  .field { flex: 1 1 12rem; margin: 0 0 0.5rem; }
  label { display: block; margin-block-end: 0.25rem; }
  input, textarea { width: 100%; box-sizing: border-box; border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.375rem; }
  [type='checkbox'] { width: auto; }
  textarea { resize: vertical; min-height: 5.5rem; }
  .preview { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: 0.375rem; min-height: 5.5rem; }
  .preview[aria-busy='true'] { background: var(--_skeleton); cursor: progress; }
  [aria-invalid='true'] { border-color: var(--_error); border-width: 2px; }
  .error, .field-error { color: var(--_error); }
  .field-error { margin: 0.25rem 0 0; font-size: 0.875em; }
  .state { min-height: 8rem; }
  .skeleton { display: flex; gap: 0.5rem; margin-block: 1rem; }
  .skeleton span { background: var(--_skeleton); border-radius: var(--_radius); height: 3.5rem; flex: 1; }
  .skeleton span:first-child { flex: none; width: var(--_avatar); height: var(--_avatar); border-radius: 50%; }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span, .preview[aria-busy='true'] { animation: pulse 1.5s ease-in-out infinite alternate; }
    @keyframes pulse { to { opacity: 0.5; } }
  }
  /* Forced colours drop backgrounds: a pressed button and the comment opened by permalink would
     look like the others. Highlight marks them, a system colour the mode keeps. */
  @media (forced-colors: active) {
    button[aria-pressed='true'] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
    article { border: 2px solid Canvas; }
    article.hl { border-color: Highlight; }
  }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
