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
