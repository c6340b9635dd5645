import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * Styles of a form that stands alone on the page as a panel (sign-in, new password); the element
 * sets its own `max-width` on `:host`.
 */
export const panelFormStyles = css`
  :host {
    display: block;
    margin: 10vh auto;
  }
  form {
    display: grid;
    gap: 0.9rem;
    padding: 1.5rem;
    border: 1px solid var(--_line);
    border-radius: 10px;
    background: var(--_panel);
  }
  label {
    display: grid;
    gap: 0.2rem;
  }
  form p {
    margin: 0;
  }
`;

/**
 * A form standing alone on the page (sign-in, new password): its heading (focusable, for
 * `focusHeading`), an optional intro, the fields, the error of the last try and the submit
 * button, `aria-disabled` while `busy` (the element ignores a submit then; a disabled button
 * would drop focus to the page). The form is labelled by the heading and described by the intro
 * and the error, so a screen reader entering it hears why it is there and what went wrong.
 */
export function panelForm(
  form: { heading: string; intro?: string; error: string; busy: boolean; button: string; submit: (e: SubmitEvent) => void },
  fields: TemplateResult,
): TemplateResult {
  const described = [form.intro ? 'intro' : '', form.error ? 'error' : ''].filter(Boolean).join(' ');
  return html`<form @submit=${form.submit} aria-labelledby="heading" aria-describedby=${described || nothing}>
    <h1 id="heading" tabindex="-1">${form.heading}</h1>
    ${form.intro ? html`<p id="intro">${form.intro}</p>` : nothing}
    ${fields}
    ${form.error ? html`<p class="error" id="error">${form.error}</p>` : nothing}
    <button class="primary" type="submit" aria-disabled=${form.busy ? 'true' : nothing}>${form.button}</button>
  </form>`;
}
