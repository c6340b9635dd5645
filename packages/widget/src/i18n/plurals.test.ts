import { expect } from '@open-wc/testing';
import type { TermKey } from './en.js';
import { loadAllTerms, Translator } from './translator.js';

// Arabic counts in six forms (0; 1; 2; 3–10; 11–99; 100, 101, 102…), Hebrew in three (1; 2; the
// rest): each count must get its own form, never the `other` one a missing form falls back to.
// These load each table as the widget does and read the text for real counts.

const COUNTS = [0, 1, 2, 3, 11, 100, 101, 1000];

/** The text of `key` for each of {@link COUNTS}. */
const forCounts = (t: Translator, key: TermKey) => COUNTS.map((n) => t.t(key, { n }));

describe('Arabic and Hebrew plurals', () => {
  it('Arabic names 0, 1 and 2 in words, puts 3–10 in the plural and 11–99, 100 and up in the singular', async () => {
    const ar = new Translator('ar', await loadAllTerms('ar'));
    expect(forCounts(ar, 'comments.count')).to.deep.equal([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '11 تعليقًا',
      '100 تعليق',
      '101 تعليق',
      '1,000 تعليق',
    ]);
    expect(forCounts(ar, 'count.comments')).to.deep.equal(forCounts(ar, 'comments.count'));
    expect(forCounts(ar, 'item.expand')).to.deep.equal([
      'لا ردود',
      'عرض رد واحد',
      'عرض ردّين',
      'عرض 3 ردود',
      'عرض 11 ردًا',
      'عرض 100 رد',
      'عرض 101 رد',
      'عرض 1,000 رد',
    ]);
    expect(forCounts(ar, 'live.new')).to.deep.equal([
      'لا تعليقات جديدة',
      'تعليق جديد واحد',
      'تعليقان جديدان',
      '3 تعليقات جديدة',
      '11 تعليقًا جديدًا',
      '100 تعليق جديد',
      '101 تعليق جديد',
      '1,000 تعليق جديد',
    ]);
    expect(forCounts(ar, 'share.count').slice(1, 5)).to.deep.equal(['مشاركة واحدة', 'مشاركتان', '3 مشاركات', '11 مشاركة']);
  });

  it('Hebrew says one in words and counts 2 and up with the plural', async () => {
    const he = new Translator('he', await loadAllTerms('he'));
    expect(forCounts(he, 'comments.count')).to.deep.equal([
      '0 תגובות',
      'תגובה אחת',
      '2 תגובות',
      '3 תגובות',
      '11 תגובות',
      '100 תגובות',
      '101 תגובות',
      '1,000 תגובות',
    ]);
    expect(forCounts(he, 'count.comments')).to.deep.equal(forCounts(he, 'comments.count'));
    expect(forCounts(he, 'item.more').slice(0, 4)).to.deep.equal([
      'הצגת 0 תשובות נוספות',
      'הצגת תשובה נוספת',
      'הצגת 2 תשובות נוספות',
      'הצגת 3 תשובות נוספות',
    ]);
    expect(forCounts(he, 'share.count').slice(0, 3)).to.deep.equal(['0 שיתופים', 'שיתוף אחד', '2 שיתופים']);
  });

  it('gives each count the form Intl.PluralRules selects, in every plural term of both tables', async () => {
    // Every plural term has a form for each category (locales.test.ts), so no count falls back
    // to `other`: the text for a count is the form of its own category.
    for (const lang of ['ar', 'he']) {
      const terms = await loadAllTerms(lang);
      const rules = new Intl.PluralRules(lang);
      const t = new Translator(lang, terms);
      for (const [key, term] of Object.entries(terms)) {
        if (typeof term === 'string') continue;
        for (const n of COUNTS) {
          const form = term[rules.select(n)];
          expect(form, `${lang} ${key} has the ${rules.select(n)} form`).to.be.a('string');
          expect(t.t(key as TermKey, { n }), `${lang} ${key} ${n}`).to.equal(form?.replace('{n}', n.toLocaleString(lang)));
        }
      }
    }
  });
});
