import { html, nothing } from 'lit';
import type { Identity } from './storage.js';
import { submit } from './submit.js';
import type { Thread } from './thread.js';
import { setForm, uiOf } from './ui.js';
import { draft, follow as followThread, remember, toggleForm, togglePreview, typing } from './write.js';

/**
 * A comment form: the one at the bottom (`root`), a reply (`r:<id>`) or an edit (`e:<id>`).
 * Field errors from the server appear next to their field (aria-describedby, aria-invalid).
 * Busy buttons are `aria-disabled`, not `disabled`: Chromium takes the focus from a disabled
 * button, and the reader pressing it would be left nowhere (`submit` and `follow` ignore a
 * second press while busy).
 * `homepage` is a honeypot: clipped out of sight, aria-hidden, out of the tab order and never
 * autofilled, so only form-filling scripts type in it; the server then refuses the post.
 * "Notify me of replies" (and, under the thread, "follow this discussion") shows once an e-mail
 * is typed: without one there is nowhere to mail.
 */
export function renderForm(host: Thread, key: string, opts: { parentId?: string; body?: string } = {}): unknown {
  const st = uiOf(host, key);
  const id = key.replace(':', '-');
  const errors = st.fields ?? {};
  const edit = key.startsWith('e:');
  const body = st.kept ?? draft(host, key) ?? opts.body ?? '';
  const describe = (name: string, path: string, extra = '') =>
    [extra, errors[path] ? `${id}-${name}-err` : ''].filter(Boolean).join(' ') || nothing;
  const err = (name: string, path: string) =>
    errors[path] ? html`<p class="field-error" id="${id}-${name}-err">${errors[path]}</p>` : nothing;
  const field = (name: keyof Identity, type: string, auto: string, max: number) => {
    const path = `author.${name}`;
    return html`<p class="field">
      <label for="${id}-${name}">${host.tr(`form.${name}`)}</label>
      <input id="${id}-${name}" name=${name} type=${type} autocomplete=${auto} maxlength=${max} .value=${host.me[name] ?? ''}
        aria-invalid=${errors[path] ? 'true' : 'false'} aria-describedby=${describe(name, path)}
        @input=${(e: Event) => {
          remember(host, name, e);
          setForm(host, key, uiOf(host, key));
        }} />
      ${err(name, path)}
    </p>`;
  };
  const label = host.tr(edit ? 'form.save' : key === 'root' ? 'form.submit' : 'form.reply');
  // Escape closes a reply or edit form as Cancel does (the draft as Cancel leaves it, the focus
  // back on Reply or Edit); the form under the thread has no Cancel and stays. Not while an
  // input method composes: its Escape drops the composition. A handled Escape stops here, so a
  // dialog of the host page around the thread does not close with the form.
  const cancel = () => toggleForm(host, edit ? 'e' : 'r', key.slice(2), false);
  const esc = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.isComposing) return;
    e.stopPropagation();
    cancel();
  };
  return html`<form part="form" class="form" novalidate @submit=${(e: Event) => submit(host, key, e, opts.parentId)}
    @keydown=${key === 'root' ? nothing : esc}>
    ${edit ? nothing : html`<div class="who">${field('name', 'text', 'name', 80)}${field('email', 'email', 'email', 254)}${field('website', 'url', 'url', 300)}</div>`}
    ${
      edit || !host.mail
        ? nothing
        : html`<p class="actions" ?hidden=${!host.me.email}><label><input type="checkbox" name="notify" /> ${host.tr('form.notify')}</label>
          ${key === 'root' ? follow(host) : nothing}</p>`
    }
    ${edit ? nothing : html`<p class="sr" aria-hidden="true"><input name="homepage" tabindex="-1" autocomplete="off" aria-label="homepage" /></p>`}
    <label for="${id}-body">${host.tr('form.body')}</label>
    <textarea id="${id}-body" name="body" rows="4" .value=${body} ?hidden=${!!st.preview} ?readonly=${st.kept !== undefined}
      aria-invalid=${errors.body ? 'true' : 'false'} aria-describedby=${describe('body', 'body', `${id}-hint`)}
      @input=${(e: Event) => typing(host, key, e)}></textarea>
    ${st.preview ? html`<div class="preview" part="preview" aria-busy=${st.shown ? 'false' : 'true'}>${st.shown}</div>` : nothing}
    ${err('body', 'body')}
    <p class="hint" id="${id}-hint">${host.tr('form.hint')}</p>
    ${st.error ? html`<p class="error" part="error">${st.error}</p>` : nothing}
    <p class="actions">
      <button type="submit" part="button submit" aria-disabled=${!!st.busy} ?hidden=${st.kept !== undefined}>${st.busy ? host.tr('form.posting') : st.error && st.again ? host.tr('comments.retry') : label}</button>
      <button type="button" part="button" aria-pressed=${st.preview ? 'true' : 'false'}
        @click=${(e: Event) => togglePreview(host, key, (e.target as HTMLButtonElement).form!)}>${host.tr('form.preview')}</button>
      ${key === 'root' ? nothing : html`<button type="button" part="button" @click=${cancel}>${host.tr('form.cancel')}</button>`}
    </p>
  </form>`;
}

/**
 * "Follow this discussion" for the address in the form's e-mail field: the server mails a link to
 * confirm (double opt-in), and the button gives way to a note saying so, which takes the focus.
 */
function follow(host: Thread): unknown {
  const st = uiOf(host, 'follow');
  return st.done
    ? html`<span class="note" part="follow" id="followed" tabindex="-1">${host.tr('follow.done')}</span>`
    : html`<button type="button" part="button follow" aria-disabled=${!!st.busy} aria-describedby=${st.error ? 'follow-err' : nothing}
        @click=${() => followThread(host)}>${host.tr('follow.submit')}</button>
      ${st.error ? html`<span class="error" part="error" id="follow-err">${st.error}</span>` : nothing}`;
}
