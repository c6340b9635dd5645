import { expect } from '@open-wc/testing';
import { en } from '../i18n/en.js';
import { FEDIVERSE_EN } from '../parley-share-fediverse.js';
import { SHARE_EN, ShareTerms } from './terms.js';

describe('share terms', () => {
  it('carry exactly the share.* terms of the English table, the dialog’s included once loaded', () => {
    for (const k of Object.keys(FEDIVERSE_EN)) expect(SHARE_EN).to.have.property(k);
    const fromEn = Object.fromEntries(Object.entries(en).filter(([k]) => k.startsWith('share.')));
    expect(SHARE_EN).to.deep.equal(fromEn);
  });

  it('prefer overrides, then the locale, then English, and fill placeholders and plurals', () => {
    const t = new ShareTerms(
      'de',
      { 'share.copy': 'Link kopieren', 'share.count': { one: '{n} Mal', other: '{n}-mal' } },
      { 'share.label': 'Teilen!' },
    );
    expect(t.t('share.label')).to.equal('Teilen!');
    expect(t.t('share.copy')).to.equal('Link kopieren');
    expect(t.t('share.print')).to.equal('Print');
    expect(t.t('share.count', { n: 1 })).to.equal('1 Mal');
    expect(t.t('share.count', { n: 1234 })).to.equal('1.234-mal');
    expect(t.t('share.on', { service: 'X' })).to.equal('Share on X');
    expect(t.t('share.fediverse.looking')).to.equal('Looking up {server}…');
  });
});
