import { expect, fixture, html } from '@open-wc/testing';
import './parley-share.js';
import type { ParleyShare } from './parley-share.js';

describe('<parley-share>', () => {
  it('is accessible and encodes the URL and title into every service link', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/x?y=1&z=2" title="Tom & Jerry #1"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    const hrefs = [...(el.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).to.be.greaterThanOrEqual(3);
    for (const href of hrefs) expect(href).to.contain(encodeURIComponent('https://a.example/x?y=1&z=2'));
    expect(hrefs.find((h) => h.startsWith('https://x.com/'))).to.contain('Tom%20%26%20Jerry%20%231');
  });
});
