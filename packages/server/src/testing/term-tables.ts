import assert from 'node:assert/strict';
import type { Plural } from '../domain/notify/terms/types.js';

/** A term as a merged table holds it: words, or plural forms by `Intl.PluralRules` category. */
type Term = string | Plural;

/** The `{placeholder}` names of a text, sorted. */
const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Whether `Intl.PluralRules` of `lang` chooses `form` for one whole number only (of 0 to 1000):
 * Arabic's `zero`, `one` and `two`, Hebrew's `one` and `two`, English's `one`; not French's `one`
 * (0 and 1) nor Russian's (1, 21, 31…). Such a form may say its number in words and leave `{n}` out.
 */
export function formForOneNumber(lang: string, form: string): boolean {
  const rules = new Intl.PluralRules(lang);
  return Array.from({ length: 1001 }, (_, n) => rules.select(n)).filter((f) => f === form).length === 1;
}

/**
 * Asserts that every language's table words every term English has, differently from English (a
 * term a table lacks falls back to English, so it would read the same), with the placeholders
 * English has: in each form of a plural term, those of English's `other`, less `{n}` in a form
 * chosen for one number only. Shared by the mail, moderator-mail and page term tests, whose tables
 * work alike; plurals.test.ts checks that each plural term has the forms its language needs.
 */
export function assertTermTablesComplete<T extends { [K in keyof T]: Term }>(
  locales: readonly string[],
  termsOf: (locale: string) => T,
): void {
  const english = termsOf('en');
  for (const lang of locales) {
    const terms = termsOf(lang);
    for (const key of Object.keys(english) as (keyof T)[]) {
      const own: Term = terms[key];
      const text: Term = english[key];
      const name = `${lang} ${String(key)}`;
      if (typeof text === 'string') {
        assert.equal(typeof own, 'string', `${name} is words, as in English`);
        if (lang !== 'en') assert.notEqual(own, text, `${name} is translated`);
        assert.deepEqual(holes(own as string), holes(text), `${name} placeholders`);
        continue;
      }
      assert.equal(typeof own, 'object', `${name} has plural forms, as in English`);
      const want = holes(text.other);
      for (const [form, words = ''] of Object.entries(own as Plural)) {
        if (lang !== 'en') assert.ok(!Object.values(text).includes(words), `${name} ${form} is translated`);
        const have = holes(words);
        const inWords = formForOneNumber(lang, form) && !have.includes('n');
        assert.deepEqual(have, inWords ? want.filter((h) => h !== 'n') : want, `${name} ${form} placeholders`);
      }
    }
  }
}
