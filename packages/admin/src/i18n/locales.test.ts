import { expect } from '@open-wc/testing';
import { en, type Term, type Terms } from './en.js';
import { LANGUAGES, loadTerms, Translator } from './translator.js';

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
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'ja', 'zh', 'zh-Hant', 'ar', 'he'])
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
        // A form the language chooses for one number only (Arabic's zero, one and two, Hebrew's
        // one) may say the number in words ("تعليق واحد", "תגובה אחת") and leave `{n}` out.
        const rules = new Intl.PluralRules(lang);
        const counts = Array.from({ length: 1001 }, (_, n) => rules.select(n));
        const single = (form: string) => counts.filter((f) => f === form).length === 1;
        const uniq = (list: string[]) => [...new Set(list)].join();
        const wrong = Object.entries(table).flatMap(([key, term]) => {
          const want = placeholders(texts(english[key] ?? '').join(' '));
          const forms = typeof term === 'string' ? [['', term]] : Object.entries(term);
          return forms
            .filter(([form = '', text = '']) => {
              const have = uniq(placeholders(text));
              return have !== uniq(want) && !(single(form) && have === uniq(want.filter((h) => h !== 'n')));
            })
            .map(([, text]) => `${key}: ${text}`);
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

// French, Spanish, Italian and Portuguese have a `many` form for exact millions ("1 000 000 de
// commentaires"); French and Portuguese count 0 as singular, Dutch does not. These load each table
// the way the console does and check the form chosen for real counts.
describe('console plurals in French, Spanish, Italian, Portuguese and Dutch', () => {
  it('French treats 0 and 1 as one and exact millions as many', async () => {
    const fr = await Translator.load('fr');
    expect(fr.lang).to.equal('fr');
    expect([0, 1, 2, 1_000_000, 1_500_000].map((n) => fr.t('thread.count', { n }))).to.deep.equal([
      '0 commentaire',
      '1 commentaire',
      '2 commentaires',
      '1\u202f000\u202f000 de commentaires',
      '1\u202f500\u202f000 commentaires',
    ]);
  });

  it('Spanish, Italian and Portuguese put de/di before the noun for a million', async () => {
    const es = await Translator.load('es');
    expect([1, 2, 1_000_000].map((n) => es.t('done.delete', { n }))).to.deep.equal([
      '1 comentario eliminado.',
      '2 comentarios eliminados.',
      '1.000.000 de comentarios eliminados.',
    ]);
    const it_ = await Translator.load('it');
    expect(it_.t('search.results', { n: 1_000_000 })).to.equal('1.000.000 di commenti trovati');
    const pt = await Translator.load('pt');
    expect([0, 1, 1_000_000].map((n) => pt.t('queue.count', { n }))).to.deep.equal([
      '0 comentário em espera',
      '1 comentário em espera',
      '1.000.000 de comentários em espera',
    ]);
  });

  it('Dutch uses the plural for 0', async () => {
    const nl = await Translator.load('nl');
    expect([0, 1, 2].map((n) => nl.t('thread.count', { n }))).to.deep.equal(['0 reacties', '1 reactie', '2 reacties']);
  });
});
