import { expect } from '@open-wc/testing';
import { rightToLeft } from './direction.js';
import { resolveLanguage, supportedLanguages } from './index.js';
import { tableLanguage } from './language-tag.js';
import { loadAllTerms, Translator } from './translator.js';

describe('i18n', () => {
  it('loads English for English and unknown languages and fills plural placeholders', async () => {
    expect(new Translator('xx', await loadAllTerms('xx')).t('form.submit')).to.equal('Post comment');
    const t = new Translator('en', await loadAllTerms('en'));
    expect(t.t('comments.count', { n: 1 })).to.equal('1 comment');
    expect(t.t('comments.count', { n: 1200 })).to.equal('1,200 comments');
  });

  it('lets every string be overridden', () => {
    const t = new Translator('en', {}, { 'form.submit': 'Send' });
    expect(t.t('form.submit')).to.equal('Send');
  });

  it('resolves the language from the element, then the browser, then English', () => {
    const el = document.createElement('div');
    el.setAttribute('lang', 'xx');
    expect(resolveLanguage(el, ['yy', 'en-GB'])).to.equal('en');
    expect(resolveLanguage(null, [])).to.equal('en');
  });

  it('reads the retired Hebrew tag iw (sent by Java and older Android) as Hebrew, right to left', () => {
    const supported = supportedLanguages();
    for (const tag of ['iw', 'iw-IL', 'IW-il', 'iw-Hebr-IL']) expect(tableLanguage(tag, supported), tag).to.equal('he');
    const el = document.createElement('div');
    el.setAttribute('lang', 'iw');
    expect(resolveLanguage(el, ['de'])).to.equal('he');
    expect(resolveLanguage(null, ['iw-IL', 'en'])).to.equal('he');
    expect(rightToLeft(resolveLanguage(null, ['iw']))).to.equal(true);
    // `und` (undetermined) names no table, so the next preference still decides.
    expect(resolveLanguage(null, ['und', 'de'])).to.equal('de');
  });
});
