/**
 * The setting types of the API's settings spec (`GET /api/admin/settings-spec`) that the
 * settings form can edit, and how the text of a form control becomes the JSON value the server
 * checks (`checkValue` in packages/server/src/domain/site-settings-spec.ts). Free of Lit and the
 * DOM, so that the end-to-end tests hold it to the real server's spec.
 */

/** Every spec type the console edits; a setting of any other type is shown, never sent. */
export const SETTING_TYPES = ['boolean', 'integer', 'enum', 'words'] as const;

/** One of {@link SETTING_TYPES}. */
export type SettingType = (typeof SETTING_TYPES)[number];

/** Whether the console can edit a setting of `type`. */
export function isSettingType(type: string): type is SettingType {
  return (SETTING_TYPES as readonly string[]).includes(type);
}

/** The lines of a textarea as a list: trimmed, blank lines dropped (the server drops repeats). */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The JSON value of a setting of `type` from its control: a checkbox's state, a whole number (or
 * null for an empty field, which the server refuses by name), the chosen option, or for `words`
 * one word or phrase per line.
 */
export function settingValue(type: SettingType, control: { value: string; checked?: boolean }): unknown {
  switch (type) {
    case 'boolean':
      return Boolean(control.checked);
    case 'integer':
      return control.value.trim() === '' ? null : Number(control.value);
    case 'enum':
      return control.value;
    case 'words':
      return lines(control.value);
  }
}

/** A stored value as the text of its control: lists one item per line. */
export function settingText(value: unknown): string {
  if (Array.isArray(value)) return value.join('\n');
  return value === null || value === undefined ? '' : String(value);
}
