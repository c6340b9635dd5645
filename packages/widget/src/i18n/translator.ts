import type { Term, TermKey, Terms } from './en.js';
import { loadTerms } from './index.js';
import { loadTable, type TableLoader } from './language-tag.js';

/** The comment thread's part of each locale table (the share bar's part is loaded by index.ts). */
const THREAD: Record<string, TableLoader> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ru: () => import('./locales/ru.js'),
  uk: () => import('./locales/uk.js'),
  zh: () => import('./locales/zh.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

/**
 * Loads a language's whole table, for a tag matched as `loadTable` does (`pt-BR` gets `pt`);
 * English, unknown languages and load failures give English.
 * English is a table like the others (`en.ts`, its own chunk in the script-tag build): every
 * locale translates every key (locales.test.ts), so a German page never downloads it.
 */
export async function loadAllTerms(lang: string): Promise<Terms> {
  const [first, thread] = await Promise.all([loadTerms(lang), loadTable(THREAD, lang)]);
  const english = thread
    ? undefined
    : await import('./en.js').then(
        (m) => m.en as Terms,
        () => undefined,
      );
  return { ...english, ...first, ...thread };
}

/** Looks up terms in overrides, then the loaded table (see {@link loadAllTerms}), and fills placeholders. */
export class Translator {
  readonly lang: string;
  readonly #terms: Terms;
  readonly #overrides: Terms;
  readonly #plural: Intl.PluralRules;

  constructor(lang = 'en', terms: Terms = {}, overrides: Terms = {}) {
    this.lang = lang;
    this.#terms = terms;
    this.#overrides = overrides;
    this.#plural = new Intl.PluralRules(lang);
  }

  /** The text for `key`; for plural terms pass `n`. */
  t(key: TermKey, vars: Record<string, string | number> = {}): string {
    const term: Term = this.#overrides[key] ?? this.#terms[key] ?? key;
    let text: string;
    if (typeof term === 'string') text = term;
    else {
      const n = Number(vars.n ?? 0);
      text = term[this.#plural.select(n)] ?? term.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(this.lang) : value;
    });
  }
}
