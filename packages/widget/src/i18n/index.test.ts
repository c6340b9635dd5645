import { expect } from '@open-wc/testing';
import { resolveLanguage } from './index.js';
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
});
