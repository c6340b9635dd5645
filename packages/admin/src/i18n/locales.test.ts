import { expect } from '@open-wc/testing';
import { en, type Term, type Terms } from './en.js';
import { LANGUAGES, loadTerms } from './translator.js';

/** The `{name}` placeholders of one text, sorted, so two texts compare by what they fill in. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Every text of a term: the term itself, or each of its plural forms. */
function texts(term: Term): string[] {
  return typeof term === 'string' ? [term] : Object.values(term);
}

const english = en as Record<string, Term>;

describe('console locale tables', () => {
  it('covers the widget languages', () => {
    // The console follows the widget's localisation standard (issue 7): every language the widget
    // ships must be selectable in the console too.
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'ja', 'zh'])
      expect(LANGUAGES).to.include(lang);
  });

  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      let table: Record<string, Term>;
      before(async () => {
        const terms: Terms | undefined = await loadTerms(lang);
        expect(terms, `${lang} loads`).to.be.an('object');
        table = terms as Record<string, Term>;
      });

      it('translates every English term and has no key English lacks', () => {
        expect(Object.keys(english).filter((k) => !Object.hasOwn(table, k))).to.deep.equal([], 'missing');
        expect(Object.keys(table).filter((k) => !Object.hasOwn(english, k))).to.deep.equal([], 'extra');
      });

      it('fills in the same placeholders as English in every term and plural form', () => {
        const wrong = Object.entries(table).flatMap(([key, term]) => {
          const want = placeholders(texts(english[key] ?? '').join(' '));
          const uniq = (list: string[]) => [...new Set(list)];
          return texts(term)
            .filter((text) => uniq(placeholders(text)).join() !== uniq(want).join())
            .map((text) => `${key}: ${text}`);
        });
        expect(wrong).to.deep.equal([]);
      });

      it('gives plural terms exactly the forms Intl.PluralRules selects for the language', () => {
        const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
        const wrong = Object.entries(english)
          .filter(([, term]) => typeof term !== 'string')
          .flatMap(([key]) => {
            const term = table[key];
            const forms = term === undefined || typeof term === 'string' ? [] : Object.keys(term).sort();
            return forms.join() === needed.join() ? [] : [`${key}: ${forms.join() || 'not plural'}`];
          });
        expect(wrong).to.deep.equal([], `plural categories of ${lang}: ${needed.join()}`);
        for (const [key, term] of Object.entries(table)) {
          if (typeof english[key] === 'string') expect(typeof term, `${key} is not plural in English`).to.equal('string');
        }
      });

      it('keeps the keyboard shortcut hint in the queue help label', () => {
        // The `?` key opens the overlay in every language, so the label must still name it.
        expect(table['queue.help']).to.contain('(?)');
      });
    });
  }
});
