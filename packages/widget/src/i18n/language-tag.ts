import type { Terms } from './en.js';

/**
 * Which of `supported` serves a language tag (BCP 47, any case), or undefined when none does.
 * Tried in turn: the whole tag; its language with its script, the script filled in by
 * `Intl.Locale#maximize` (CLDR's likely subtags), so `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*`
 * find `zh-Hant`; its language alone (`de-AT` → `de`; `zh`, `zh-CN`, `zh-SG` and `zh-Hans-*` →
 * `zh`). The language is read as Intl.Locale canonicalises it, so the retired `iw` finds `he`.
 * A table is named by its language alone when it is written in the language's usual script
 * (`zh` is Simplified Chinese) and by language and script otherwise (`zh-Hant`). The widget and
 * the admin console both resolve with this; the server's mails follow the same rule (`mailLocale`).
 */
export function tableLanguage(tag: string, supported: readonly string[]): string | undefined {
  const clean = tag.trim();
  let [language = '', ...rest] = clean.split('-');
  // A tag Intl.Locale refuses, such as `zh-TW-Hant` (script after region), still names its script.
  let script = rest.find((s) => /^[a-z]{4}$/i.test(s));
  try {
    const locale = new Intl.Locale(clean);
    // Canonical: the retired `iw` (still sent by Java and older Android) reads `he`. Older engines
    // give `und` no language (undefined; Node 20 too), so the tag's own stays.
    if (locale.language) language = locale.language;
    script = locale.maximize().script;
  } catch {}
  const find = (name: string) => supported.find((s) => s.toLowerCase() === name.toLowerCase());
  return find(clean) ?? find(`${language}-${script}`) ?? find(language);
}

/** A locale table's module, imported on demand. */
export type TableLoader = () => Promise<{ terms: Terms }>;

/**
 * Loads the table of `tables` that serves the language tag `tag` (matched by {@link tableLanguage},
 * so `de-AT` loads `de`); undefined when none serves it or it fails to load. Only the object's own
 * keys are candidates, so tags such as `constructor` or `__proto__` name no table rather than an
 * `Object.prototype` built-in.
 */
export async function loadTable(tables: Record<string, TableLoader>, tag: string): Promise<Terms | undefined> {
  const name = tableLanguage(tag, Object.keys(tables));
  return name ? (await tables[name]?.().catch(() => undefined))?.terms : undefined;
}
