import assert from 'node:assert/strict';

/** The `{placeholder}` names of a term, sorted. */
const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Asserts that every language's table words every term English has, differently from English (a
 * term a table lacks falls back to English, so it would read the same), with the placeholders
 * English has. Shared by the mail, moderator-mail and page term tests, whose tables work alike.
 */
export function assertTermTablesComplete<T extends { [K in keyof T]: string }>(
  locales: readonly string[],
  termsOf: (locale: string) => T,
): void {
  const english = termsOf('en');
  for (const lang of locales) {
    const terms = termsOf(lang);
    for (const key of Object.keys(english) as (keyof T)[]) {
      const own = terms[key];
      const text = english[key];
      if (lang !== 'en') assert.notEqual(own, text, `${lang} ${String(key)} is translated`);
      assert.deepEqual(holes(own), holes(text), `${lang} ${String(key)} placeholders`);
    }
  }
}
