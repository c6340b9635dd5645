import type { Plural } from './types.js';

/** Fills `{key}` placeholders; values must already be escaped for where the result goes. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

/** `rtl` or `ltr` for `<html dir>`, from the script the language is written in (`rtl` for Arabic and Hebrew). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    return (l.getTextInfo?.() ?? l.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The form of a plural term for the number `n` in a table's language, by `Intl.PluralRules`
 * (Arabic has six forms, Hebrew three, Japanese and Chinese one); `other` when the term lacks the
 * form, which the tables' type and plurals.test.ts rule out. The number itself goes in as `{n}`.
 */
export function plural(forms: Plural, locale: string, n: number): string {
  return forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
}
