import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { en } from '../i18n/en.js';
import { terms as FEDIVERSE_EN } from '../i18n/locales/en.fediverse.js';
import { loadFediverseTerms } from '../parley-share-fediverse.js';
import { countBadge } from './counts.js';
import { SHARE_EN, ShareTerms } from './terms.js';

describe('share terms', () => {
  it('are the one English copy of the share.* terms, the thread’s table included; the fediverse share page’s are a table apart', async () => {
    expect(await loadFediverseTerms('en')).to.deep.equal(FEDIVERSE_EN);
    expect(await loadFediverseTerms('xx'), 'unknown language: English').to.deep.equal(FEDIVERSE_EN);
    for (const k of Object.keys(FEDIVERSE_EN)) expect(SHARE_EN).not.to.have.property(k);
    const fromEn = Object.entries(en).filter(([k]) => k.startsWith('share.'));
    expect(fromEn.length).to.be.greaterThan(0);
    for (const [k, v] of fromEn) expect(v, k).to.equal((SHARE_EN as Record<string, unknown>)[k]);
  });

  it('prefer overrides, then the locale, then English, and fill placeholders', () => {
    const t = new ShareTerms('de', { 'share.copy': 'Link kopieren' }, { 'share.label': 'Teilen!' });
    expect(t.t('share.label')).to.equal('Teilen!');
    expect(t.t('share.copy')).to.equal('Link kopieren');
    expect(t.t('share.print')).to.equal('Print');
    expect(t.t('share.on', { service: 'X' })).to.equal('Share on X');
    // The fediverse share page's terms come from its own table (an unfilled placeholder stays as it is).
    const dialog = new ShareTerms('en', FEDIVERSE_EN);
    expect(dialog.t('share.fediverse.looking')).to.equal('Looking up {server}…');
    expect(dialog.t('share.fediverse.looking', { server: 'a.social' })).to.equal('Looking up a.social…');
  });

  it('shows counts compactly and reads them out with the locale’s plural forms', () => {
    const t = new ShareTerms('de', { 'share.count': { one: '{n} Mal geteilt', other: '{n}-mal geteilt' } });
    const badge = (n: number | undefined, terms = t) => {
      const div = document.createElement('div');
      render(countBadge(n, terms), div);
      return [div.querySelector('[aria-hidden]')?.textContent, div.querySelector('.sr')?.textContent];
    };
    expect(badge(1)).to.deep.equal(['1', '1 Mal geteilt']);
    expect(badge(1234)).to.deep.equal(['1234', '1.234-mal geteilt']);
    expect(badge(25000)).to.deep.equal(['25.000', '25.000-mal geteilt']);
    expect(badge(0)).to.deep.equal([undefined, undefined]);
    expect(badge(undefined)).to.deep.equal([undefined, undefined]);
    expect(badge(2_500_000, new ShareTerms('en'))).to.deep.equal(['2.5M', '2,500,000 shares']);
  });
});
