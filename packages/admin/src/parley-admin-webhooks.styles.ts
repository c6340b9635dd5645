import { css } from 'lit';

/**
 * Styles of `<parley-admin-webhooks>`: the add form and its event boxes, the one-time secret, and
 * the delivery log. Shared tokens and rules, the view's box and its fieldsets' frame, are in `styles.ts`.
 */
export const styles = css`
  .events {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .events label {
    display: flex;
    gap: 0.3rem;
    align-items: center;
  }
  .url {
    flex: 0 1 36rem;
  }
  .secret {
    border: 2px solid var(--_accent);
    border-radius: 8px;
    padding: 0.75rem 1rem;
    margin: 0 0 1.5rem;
  }
  code {
    word-break: break-all;
    user-select: all;
  }
  td {
    overflow-wrap: anywhere;
  }
`;
