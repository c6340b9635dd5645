import { expect, fixture, html } from '@open-wc/testing';
import type { Subscription } from './api-types.js';
import type { ParleyAdminSubscriptions } from './parley-admin-subscriptions.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-subscriptions.js';

function sub(id: string, over: Partial<Subscription> = {}): Subscription {
  return {
    id,
    kind: 'thread',
    target: '/a',
    pageKey: '/a',
    confirmed: true,
    createdAt: '2026-11-26T00:00:00Z',
    email: `${id[0]}…@example.org`,
    ...over,
  };
}

describe('parley-admin-subscriptions', () => {
  it('is accessible, lists masked addresses, filters by page, pages on and removes one', async () => {
    const all = [sub('a1'), sub('b2', { kind: 'replies', target: 'c9', pageKey: '/b', confirmed: false }), sub('c3')];
    const fake = fakeServer({
      'GET /sites/demo/subscriptions': (c) => {
        const page = c.query.get('page');
        const rows = page ? all.filter((s) => s.pageKey === page) : all;
        // Two at a time: the first answer has a cursor.
        const from = c.query.get('cursor') === 'next' ? 2 : 0;
        return { body: { subscriptions: rows.slice(from, from + 2), nextCursor: from === 0 && rows.length > 2 ? 'next' : null } };
      },
      'DELETE /sites/demo/subscriptions/a1': () => ({ status: 204 }),
    });
    try {
      const el = await fixture<ParleyAdminSubscriptions>(
        html`<parley-admin-subscriptions .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-subscriptions>`,
      );
      const root = el.shadowRoot!;
      await until(() => root.querySelectorAll('tbody tr').length === 2, 'the first page');
      await expect(el).to.be.accessible();
      const text = root.querySelector('tbody')!.textContent!;
      expect(text).to.contain('a…@example.org');
      expect(text).to.contain('Replies to a comment');
      expect(text).to.contain('Not yet');
      const more = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Load more'))!;
      more.click();
      await until(() => root.querySelectorAll('tbody tr').length === 3, 'the second page');
      expect(fake.calls.at(-1)!.query.get('cursor')).to.equal('next');

      root.querySelector<HTMLInputElement>('input[name=page]')!.value = '/b';
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await until(() => root.querySelectorAll('tbody tr').length === 1, 'the filtered list');
      expect(fake.calls.at(-1)!.query.get('page')).to.equal('/b');

      root.querySelector<HTMLInputElement>('input[name=page]')!.value = '';
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await until(() => root.querySelectorAll('tbody tr').length === 2, 'the whole list again');
      const remove = root.querySelector<HTMLButtonElement>('tbody tr button')!;
      expect(remove.textContent).to.contain('a…@example.org');
      remove.click();
      await until(() => root.querySelectorAll('tbody tr').length === 1, 'the removal');
      expect(fake.calls.at(-1)!.method).to.equal('DELETE');
      expect(root.activeElement).to.equal(root.querySelector('h1'));
    } finally {
      fake.restore();
    }
  });
});
