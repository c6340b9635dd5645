import { css } from 'lit';

/**
 * Styles of `<parley-admin-list>`: the sticky bar of bulk actions over a selection, and the notice
 * about comments reloaded because they had changed. Shared tokens
 * and rules are in `styles.ts`.
 */
export const styles = css`
  :host {
    display: block;
  }
  .bulk {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    margin-bottom: 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: 8px;
    background: var(--_panel);
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_panel);
  }
`;
