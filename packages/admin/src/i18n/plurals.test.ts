import { expect } from '@open-wc/testing';
import { LANGUAGES, resolveLanguage, Translator } from './translator.js';

// The Slavic tables need four plural forms and the East Asian ones one; these tests load each
// table the way the console does (through LOADERS) and check the form chosen for real counts.
describe('console plurals in Polish, Russian, Ukrainian, Japanese and Chinese (Simplified and Traditional)', () => {
  it('offers the five languages and resolves region tags to them', () => {
    for (const lang of ['pl', 'ru', 'uk', 'ja', 'zh']) expect(LANGUAGES, lang).to.include(lang);
    expect(resolveLanguage(['uk-UA', 'en'])).to.equal('uk');
    expect(resolveLanguage(['zh-CN'])).to.equal('zh');
    expect(resolveLanguage(['pl-PL'])).to.equal('pl');
  });

  it('Polish picks one, few and many by the number’s ending', async () => {
    const t = await Translator.load('pl');
    expect(t.lang).to.equal('pl');
    expect([1, 2, 5, 12, 22, 25].map((n) => t.t('done.approve', { n }))).to.deep.equal([
      'Zatwierdzono 1 komentarz.',
      'Zatwierdzono 2 komentarze.',
      'Zatwierdzono 5 komentarzy.',
      'Zatwierdzono 12 komentarzy.',
      'Zatwierdzono 22 komentarze.',
      'Zatwierdzono 25 komentarzy.',
    ]);
  });

  it('Russian and Ukrainian treat 21 as one and 11 as many', async () => {
    const ru = await Translator.load('ru');
    expect([1, 3, 11, 21].map((n) => ru.t('thread.count', { n }))).to.deep.equal([
      '1 комментарий',
      '3 комментария',
      '11 комментариев',
      '21 комментарий',
    ]);
    const uk = await Translator.load('uk');
    expect([1, 4, 11, 21].map((n) => uk.t('comment.flags', { n }))).to.deep.equal([
      '1 скарга',
      '4 скарги',
      '11 скарг',
      '21 скарга',
    ]);
  });

  it('Japanese and Chinese use their single form and the locale’s digits grouping', async () => {
    const ja = await Translator.load('ja');
    expect(ja.t('done.delete', { n: 1 })).to.equal('1 件のコメントを削除しました。');
    const zh = await Translator.load('zh');
    expect(zh.t('thread.count', { n: 1200 })).to.equal('1,200 条评论');
    const hant = await Translator.load('zh-Hant');
    expect(hant.lang).to.equal('zh-Hant');
    expect(hant.t('thread.count', { n: 1200 })).to.equal('1,200 則留言');
  });

  it('gives Traditional Chinese to zh-Hant, zh-TW, zh-HK and zh-MO, Simplified to the other Chinese tags', () => {
    const traditional = ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-Hant-CN', 'zh-TW-Hant', 'ZH-hk'];
    const simplified = ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-TW', 'zh-Hans-HK'];
    expect(
      traditional.map((tag) => resolveLanguage([tag])),
      'Traditional',
    ).to.deep.equal(traditional.map(() => 'zh-Hant'));
    expect(
      simplified.map((tag) => resolveLanguage([tag])),
      'Simplified',
    ).to.deep.equal(simplified.map(() => 'zh'));
    expect(resolveLanguage(['xx', 'zh-HK', 'zh-CN'])).to.equal('zh-Hant');
    expect(resolveLanguage(['xx-YY', 'not a tag'])).to.equal('en');
  });
});

// Arabic counts in six forms (0; 1; 2; 3–10; 11–99; 100, 101…), Hebrew in three (1; 2; the rest);
// a missing form would fall back to `other` ("3 تعليق"), so each count is read here.
describe('console plurals in Arabic and Hebrew', () => {
  const COUNTS = [0, 1, 2, 3, 11, 100, 101];

  it('offers both languages, reached from their region tags', () => {
    for (const lang of ['ar', 'he']) expect(LANGUAGES, lang).to.include(lang);
    expect(resolveLanguage(['ar-EG', 'en'])).to.equal('ar');
    expect(resolveLanguage(['he-IL'])).to.equal('he');
    expect(resolveLanguage(['iw'])).to.equal('en');
  });

  it('Arabic names 0, 1 and 2 in words, puts 3–10 in the plural and 11 and up in the singular', async () => {
    const ar = await Translator.load('ar');
    expect(ar.lang).to.equal('ar');
    expect(COUNTS.map((n) => ar.t('thread.count', { n }))).to.deep.equal([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '11 تعليقًا',
      '100 تعليق',
      '101 تعليق',
    ]);
    expect(COUNTS.map((n) => ar.t('done.delete', { n }))).to.deep.equal([
      'لم يُحذف أي تعليق.',
      'تم حذف تعليق واحد.',
      'تم حذف تعليقين.',
      'تم حذف 3 تعليقات.',
      'تم حذف 11 تعليقًا.',
      'تم حذف 100 تعليق.',
      'تم حذف 101 تعليق.',
    ]);
    expect(COUNTS.map((n) => ar.t('comment.flags', { n }))).to.deep.equal([
      'لا بلاغات',
      'بلاغ واحد',
      'بلاغان',
      '3 بلاغات',
      '11 بلاغًا',
      '100 بلاغ',
      '101 بلاغ',
    ]);
  });

  it('Hebrew says one in words and counts the rest with the plural', async () => {
    const he = await Translator.load('he');
    expect(he.lang).to.equal('he');
    expect(COUNTS.map((n) => he.t('queue.count', { n }))).to.deep.equal([
      '0 תגובות ממתינות',
      'תגובה אחת ממתינה',
      '2 תגובות ממתינות',
      '3 תגובות ממתינות',
      '11 תגובות ממתינות',
      '100 תגובות ממתינות',
      '101 תגובות ממתינות',
    ]);
    expect(COUNTS.map((n) => he.t('search.results', { n }))).to.deep.equal([
      'נמצאו 0 תגובות',
      'נמצאה תגובה אחת',
      'נמצאו 2 תגובות',
      'נמצאו 3 תגובות',
      'נמצאו 11 תגובות',
      'נמצאו 100 תגובות',
      'נמצאו 101 תגובות',
    ]);
  });
});
