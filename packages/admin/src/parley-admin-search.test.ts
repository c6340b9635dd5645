import { expect, fixture, html } from '@open-wc/testing';
import type { ParleyAdminSearch } from './parley-admin-search.js';
import { comment, fakeServer, until } from './test-fake-server.js';
import './parley-admin-search.js';

describe('parley-admin-search', () => {
  it('is accessible and searches by text, author, page, status and site', async () => {
    const fake = fakeServer({
      'GET /comments': () => ({ body: { comments: [comment({ status: 'approved' })], nextCursor: null } }),
    });
    try {
      const el = await fixture<ParleyAdminSearch>(
        html`<parley-admin-search .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-search>`,
      );
      await expect(el).to.be.accessible();
      const field = (name: string) => el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
      field('q').value = 'hello';
      field('author').value = 'Ada';
      field('page').value = '/posts/hello';
      field('status').value = 'approved';
      field('site').value = 'demo';
      el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the results');
      const q = fake.calls[0]!.query;
      expect(Object.fromEntries(q)).to.deep.equal({
        q: 'hello',
        author: 'Ada',
        page: '/posts/hello',
        status: 'approved',
        site: 'demo',
      });
      expect(el.shadowRoot!.textContent).to.contain('1 comment found');
      await expect(el).to.be.accessible();
    } finally {
      fake.restore();
    }
  });

  it('the Search button keeps focus while searching and after (aria-disabled, not disabled)', async () => {
    const fake = fakeServer({ 'GET /comments': () => ({ body: { comments: [comment()], nextCursor: null } }) });
    try {
      const el = await fixture<ParleyAdminSearch>(html`<parley-admin-search></parley-admin-search>`);
      await expect(el).to.be.accessible();
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!;
      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      button.click();
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the results');
      expect(button.hasAttribute('aria-disabled')).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(fake.calls).to.have.length(1);
    } finally {
      fake.restore();
    }
  });
});
