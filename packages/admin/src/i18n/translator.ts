import { tableLanguage } from '@parley/widget/i18n/language-tag.js';
import { en, type Term, type TermKey, type Terms } from './en.js';

/** Locale tables other than English, loaded on demand (each is its own chunk). */
const LOADERS: Record<string, () => Promise<{ terms: Terms }>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  pt: () => import('./locales/pt.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  ru: () => import('./locales/ru.js'),
  uk: () => import('./locales/uk.js'),
  ja: () => import('./locales/ja.js'),
  zh: () => import('./locales/zh.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
};

/** Languages with a table, English first. */
export const LANGUAGES = ['en', ...Object.keys(LOADERS)];

/** A language's name in itself; `zh` is named 简体中文 (not 中文), since 繁體中文 (`zh-Hant`) sits beside it. */
export const languageName = (lang: string): string =>
  new Intl.DisplayNames([lang], { type: 'language' }).of(lang === 'zh' ? 'zh-Hans' : lang) ?? lang;

/** The table of `lang` (English's own for `en`), or undefined when it has none or fails to load. */
export async function loadTerms(lang: string): Promise<Terms | undefined> {
  if (lang === 'en') return en;
  return LOADERS[lang]?.()
    .then((m) => m.terms)
    .catch(() => undefined);
}

/**
 * The first of `preferred` that has a table, matched as the widget matches (the widget's
 * `tableLanguage`: whole tag, then language and script, so `zh-TW` → `zh-Hant`, then language);
 * else English.
 */
export function resolveLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const lang = tableLanguage(tag, LANGUAGES);
    if (lang) return lang;
  }
  return 'en';
}

/** Looks terms up in the locale, then English, and fills placeholders. */
export class Translator {
  readonly lang: string;
  readonly #terms: Terms;
  readonly #plural: Intl.PluralRules;

  constructor(lang = 'en', terms: Terms = {}) {
    this.lang = lang;
    this.#terms = terms;
    this.#plural = new Intl.PluralRules(lang);
  }

  /** A translator for `lang` with its table loaded; English when it has none or fails to load. */
  static async load(lang: string): Promise<Translator> {
    const terms = lang === 'en' ? undefined : await loadTerms(lang);
    return new Translator(terms ? lang : 'en', terms ?? {});
  }

  /** The text for `key`; plural terms choose their form by `vars.n`. */
  t(key: TermKey, vars: Record<string, string | number> = {}): string {
    const term: Term | undefined = this.#terms[key] ?? en[key];
    if (term === undefined) return key;
    const text = typeof term === 'string' ? term : (term[this.#plural.select(Number(vars.n ?? 0))] ?? term.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(this.lang) : value;
    });
  }

  /**
   * The text for a key built at run time (a setting, an enum value), or undefined when the table
   * has no such key: the caller then shows what the server sent.
   */
  maybe(key: string, vars: Record<string, string | number> = {}): string | undefined {
    return Object.hasOwn(en, key) ? this.t(key as TermKey, vars) : undefined;
  }

  /** A date and time in the locale's medium style. */
  date(at: string | number): string {
    return new Date(at).toLocaleString(this.lang, { dateStyle: 'medium', timeStyle: 'short' });
  }
}
