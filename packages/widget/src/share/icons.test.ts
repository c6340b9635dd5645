import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { icon } from './icons.js';
import { brand, SERVICES } from './services.js';

describe('share icons and brand names', () => {
  it('draws a path of its own for every service (the paths are listed in the order of SERVICES)', () => {
    const paths = SERVICES.map((id) => {
      const div = document.createElement('div');
      render(icon(id), div);
      expect(div.querySelector('svg')?.getAttribute('aria-hidden'), id).to.equal('true');
      return div.querySelector('path')?.getAttribute('d') ?? '';
    });
    for (const d of paths) expect(d).to.match(/^M[\d .,a-zA-Z-]+$/);
    expect(new Set(paths).size).to.equal(SERVICES.length);
  });

  it('names the networks by their brands and leaves the translated services to the terms', () => {
    expect(SERVICES.map(brand)).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'X',
      'Facebook',
      'LinkedIn',
      'Reddit',
      'Hacker News',
      'WhatsApp',
      'Telegram',
      'Bluesky',
      'Threads',
      'Pinterest',
    ]);
  });
});
