import { expect } from '@open-wc/testing';
import { ENGLISH_COUNT } from '../parley-count.js';
import { loadFediverseTerms } from '../parley-share-fediverse.js';
import { en } from './en.js';
import { loadTerms, resolveLanguage, supportedLanguages } from './index.js';
import { terms as FEDIVERSE_EN } from './locales/en.fediverse.js';
import { loadAllTerms, Translator } from './translator.js';

/** Every English term: the thread's and the bar's (`en`), the fediverse share page's and the count's. */
const english: Record<string, unknown> = { ...en, ...FEDIVERSE_EN, 'count.comments': ENGLISH_COUNT };
const LANGS = ['ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'uk', 'zh', 'zh-Hant'];

describe('locale tables', () => {
  it('exist for the fifteen languages and each translates every English key', async () => {
    expect(supportedLanguages().sort()).to.deep.equal(['en', ...LANGS].sort());
    for (const lang of LANGS) {
      const terms = { ...(await loadAllTerms(lang)), ...(await loadFediverseTerms(lang)) };
      const missing = Object.keys(english).filter((k) => !(k in terms));
      expect(missing, `${lang} misses`).to.deep.equal([]);
    }
  });

  it('fill in the placeholders English has, in every term and plural form', async () => {
    const holes = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join();
    const texts = (term: unknown) => (typeof term === 'string' ? [term] : Object.values(term as object));
    const wrong: string[] = [];
    for (const lang of LANGS) {
      const rules = new Intl.PluralRules(lang);
      const counts = Array.from({ length: 1001 }, (_, n) => rules.select(n));
      const terms = { ...(await loadAllTerms(lang)), ...(await loadFediverseTerms(lang)) } as Record<string, unknown>;
      for (const [key, term] of Object.entries(terms)) {
        const want = holes(texts(english[key]).join(' '));
        const forms = typeof term === 'string' ? [['', term]] : Object.entries(term as object);
        for (const [form, text] of forms as [string, string][]) {
          // A form its language chooses for one number only (Arabic's zero, one and two, Hebrew's
          // one) may say the number in words ("تعليق واحد", "תגובה אחת") and leave `{n}` out.
          const single = form !== '' && counts.filter((f) => f === form).length === 1;
          const spelt = want
            .split(',')
            .filter((h) => h !== 'n')
            .join();
          if (holes(text) !== want && !(single && holes(text) === spelt))
            wrong.push(`${lang} ${key}${form && `.${form}`}: ${text}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('give every plural term exactly the forms Intl.PluralRules selects for its language', async () => {
    // A missing category silently falls back to `other` (Portuguese lacked `many`, so
    // "1000000 comentários" instead of "1000000 de comentários"); a stray one is never chosen.
    const wrong: string[] = [];
    for (const lang of ['en', ...LANGS]) {
      const terms: Record<string, unknown> = {
        ...(await loadAllTerms(lang)),
        ...(await loadFediverseTerms(lang)),
        ...(lang === 'en' && { 'count.comments': ENGLISH_COUNT }),
      };
      const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort().join();
      for (const [key, term] of Object.entries(terms)) {
        const plural = typeof english[key] !== 'string';
        if (typeof term === 'string') {
          if (plural) wrong.push(`${lang} ${key}: a string where English is plural`);
          continue;
        }
        if (!plural) wrong.push(`${lang} ${key}: plural where English is a string`);
        const forms = Object.keys(term as object)
          .sort()
          .join();
        if (forms !== needed) wrong.push(`${lang} ${key}: ${forms}, Intl has ${needed}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('splits each table: the first load gets only the share bar’s and count’s terms, the fediverse share page its own', async () => {
    for (const lang of LANGS) {
      const first = Object.keys(await loadTerms(lang));
      expect(first.length, lang).to.be.greaterThan(0);
      expect(
        first.filter((k) => !/^(share|count)\./.test(k) || k.startsWith('share.fediverse.')),
        `${lang} first-load keys`,
      ).to.deep.equal([]);
      const dialog = Object.keys(await loadFediverseTerms(lang));
      expect(dialog.length, lang).to.equal(8);
      expect(
        dialog.filter((k) => !k.startsWith('share.fediverse.')),
        `${lang} dialog keys`,
      ).to.deep.equal([]);
    }
  });

  it('applies plural rules per language', async () => {
    const pl = new Translator('pl', await loadAllTerms('pl'));
    expect([1, 2, 5, 22, 25].map((n) => pl.t('comments.count', { n }))).to.deep.equal([
      '1 komentarz',
      '2 komentarze',
      '5 komentarzy',
      '22 komentarze',
      '25 komentarzy',
    ]);
    const ru = new Translator('ru', await loadAllTerms('ru'));
    expect(ru.t('live.new', { n: 21 })).to.equal('21 новый комментарий');
    expect([1, 3, 5].map((n) => ru.t('live.show', { n }))).to.deep.equal([
      '1 новый комментарий — показать',
      '3 новых комментария — показать',
      '5 новых комментариев — показать',
    ]);
    const ja = new Translator('ja', await loadAllTerms('ja'));
    expect(ja.t('comments.count', { n: 3 })).to.equal('3 件のコメント');
  });

  it('uses the `many` form for exact millions in Portuguese, Spanish, French and Italian', async () => {
    const pt = new Translator('pt', await loadAllTerms('pt'));
    expect([1, 2, 1_000_000, 1_000_001].map((n) => pt.t('comments.count', { n }))).to.deep.equal([
      '1 comentário',
      '2 comentários',
      '1.000.000 de comentários',
      '1.000.001 comentários',
    ]);
    const es = new Translator('es', await loadAllTerms('es'));
    expect(es.t('live.new', { n: 2_000_000 })).to.equal('2.000.000 de comentarios nuevos');
    const fr = new Translator('fr', await loadAllTerms('fr'));
    expect(fr.t('comments.count', { n: 1_000_000 })).to.equal('1\u202f000\u202f000 de commentaires');
    const it_ = new Translator('it', await loadAllTerms('it'));
    expect(it_.t('item.expand', { n: 1_000_000 })).to.equal('Mostra 1.000.000 di risposte');
  });

  it('picks a region tag’s language and falls back to English', () => {
    const el = document.createElement('div');
    el.setAttribute('lang', 'pt-BR');
    expect(resolveLanguage(el)).to.equal('pt');
    expect(resolveLanguage(null, ['xx', 'uk-UA'])).to.equal('uk');
  });

  it('gives Traditional Chinese to zh-Hant, zh-TW, zh-HK and zh-MO, Simplified to the other Chinese tags', () => {
    const of = (tag: string) => resolveLanguage(null, [tag]);
    const traditional = ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-Hant-CN', 'zh-TW-Hant'];
    const simplified = ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-TW', 'zh-Hans-HK'];
    expect(traditional.map(of), 'Traditional').to.deep.equal(traditional.map(() => 'zh-Hant'));
    expect(simplified.map(of), 'Simplified').to.deep.equal(simplified.map(() => 'zh'));
    expect(['ZH-tw', 'zh-hant', ' zh-HK '].map(of), 'any case').to.deep.equal(['zh-Hant', 'zh-Hant', 'zh-Hant']);
    const el = document.createElement('div');
    el.setAttribute('lang', 'zh-HK');
    expect(resolveLanguage(el, ['zh-CN'])).to.equal('zh-Hant');
  });

  it('matches other tags as before: whole tag, then language; malformed tags are skipped', () => {
    expect(['de-AT', 'pt-PT', 'ja-JP', 'sr-Latn', 'en-GB'].map((tag) => resolveLanguage(null, [tag, 'fr']))).to.deep.equal([
      'de',
      'pt',
      'ja',
      'fr',
      'en',
    ]);
    expect(resolveLanguage(null, ['not a tag', '', '-', 'es'])).to.equal('es');
  });
});
