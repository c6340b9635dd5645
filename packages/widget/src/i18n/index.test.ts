import { expect } from '@open-wc/testing';
import { resolveLanguage } from './index.js';
import { Translator } from './translator.js';

describe('i18n', () => {
  it('falls back to English and fills plural placeholders', () => {
    const t = new Translator('en');
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
});
