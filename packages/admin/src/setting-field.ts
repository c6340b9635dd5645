import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from './i18n/translator.js';
import { type SettingType, settingText } from './setting-values.js';

/**
 * One field of the settings form: the site's own `text` (name) and `lines` (origins), an
 * editable spec type, or `unknown` for a spec type newer than the console.
 */
export interface SettingFieldView {
  /** The control's id and name (a setting's key, or `site-name` / `site-origins`). */
  key: string;
  label: string;
  /** The description under the field ('' for none). */
  hint: string;
  kind: SettingType | 'text' | 'lines' | 'unknown';
  value: unknown;
  /** The server's complaint about the last value sent ('' for none). */
  error: string;
  min?: number | undefined;
  max?: number | undefined;
  /** The choices of an `enum`, each with its label. */
  options?: [value: string, label: string][];
}

/**
 * A settings field: label, control, hint and error, the control described by the hint and the
 * error and marked invalid with an error. A type the console does not know is shown read-only
 * with a note (the form leaves it out of the save), never as a text box whose string the server
 * would refuse.
 */
export function settingField(t: Translator, f: SettingFieldView): TemplateResult {
  const note = f.kind === 'unknown' ? t.t('settings.unsupported') : '';
  const hint = [f.hint, note].filter(Boolean).join(' ');
  const describedBy = [hint ? `${f.key}-hint` : '', f.error ? `${f.key}-error` : ''].filter(Boolean).join(' ') || nothing;
  const invalid = f.error ? 'true' : nothing;
  const hintText = hint ? html`<span class="hint muted" id="${f.key}-hint">${hint}</span>` : nothing;
  const errorText = f.error ? html`<span class="error" id="${f.key}-error">${f.error}</span>` : nothing;
  if (f.kind === 'boolean') {
    return html`<div class="setting">
      <label class="check"
        ><input
          type="checkbox"
          id=${f.key}
          name=${f.key}
          .checked=${Boolean(f.value)}
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
        />${f.label}</label
      >${hintText}${errorText}
    </div>`;
  }
  let control: TemplateResult;
  if (f.kind === 'enum') {
    control = html`<select id=${f.key} name=${f.key} aria-describedby=${describedBy} aria-invalid=${invalid}>
      ${(f.options ?? []).map(([v, label]) => html`<option value=${v} ?selected=${v === f.value}>${label}</option>`)}
    </select>`;
  } else if (f.kind === 'lines' || f.kind === 'words') {
    control = html`<textarea
      id=${f.key}
      name=${f.key}
      .value=${settingText(f.value)}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
    ></textarea>`;
  } else if (f.kind === 'integer') {
    control = html`<input
      type="number"
      id=${f.key}
      name=${f.key}
      step="1"
      min=${f.min ?? nothing}
      max=${f.max ?? nothing}
      .value=${settingText(f.value)}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
    />`;
  } else {
    const shown = f.kind === 'unknown' && typeof f.value === 'object' && f.value !== null && !Array.isArray(f.value);
    control = html`<input
      id=${f.key}
      name=${f.key}
      ?readonly=${f.kind === 'unknown'}
      .value=${shown ? JSON.stringify(f.value) : Array.isArray(f.value) ? f.value.join(', ') : settingText(f.value)}
      aria-describedby=${describedBy}
      aria-invalid=${invalid}
    />`;
  }
  const perLine = f.kind === 'lines' || f.kind === 'words';
  return html`<div class="setting">
    <label for=${f.key}>${f.label}${perLine ? html` <span class="muted">(${t.t('settings.listHint')})</span>` : nothing}</label>
    ${control}${hintText}${errorText}
  </div>`;
}
