import { css } from 'lit';

/**
 * Styles of `<parley-admin>`, the console's frame: the skip button, the header with its sections
 * and tools, and the width of the main view. Shared tokens and rules are in `styles.ts`.
 */
export const styles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: -3rem;
    background: var(--_bg);
    padding: 0.5rem;
  }
  /* A button, not a #main link: the location hash is the router. */
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    align-items: center;
    padding: 0.6rem 1.25rem;
    border-bottom: 1px solid var(--_line);
    background: var(--_panel);
  }
  .brand {
    font-weight: 700;
    margin: 0;
    font-size: 1.1rem;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: block;
    padding: 0.25rem 0.6rem;
    border-radius: 6px;
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  /* Forced colours drop the background above: an outline in the system's highlight colour
     marks the current section instead. */
  @media (forced-colors: active) {
    nav a[aria-current='page'] {
      outline: 2px solid Highlight;
    }
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-inline-start: auto;
  }
  .tools label {
    display: flex;
    gap: 0.35rem;
    align-items: center;
  }
  main {
    padding: 1.25rem;
    max-width: 72rem;
    margin: 0 auto;
  }
`;
