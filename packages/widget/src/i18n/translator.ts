import { en, type Term, type TermKey, type Terms } from './en.js';

/** Looks up terms in overrides, then the locale, then English, and fills placeholders. */
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
    const term: Term = this.#overrides[key] ?? this.#terms[key] ?? en[key];
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
