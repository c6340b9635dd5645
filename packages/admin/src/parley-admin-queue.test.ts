import { expect, fixture, html } from '@open-wc/testing';
import type { ParleyAdminQueue } from './parley-admin-queue.js';
import { comment, fakeServer, until } from './test-fake-server.js';
import './parley-admin-queue.js';

const SITES = [
  { id: 'demo', name: 'Demo' },
  { id: 'blog', name: 'Blog' },
];

describe('parley-admin-queue', () => {
  it('is accessible, lists the held comments and filters by site and kind', async () => {
    const fake = fakeServer({
      'GET /queue': (c) => ({
        body: { comments: c.query.get('site') === 'blog' ? [] : [comment(), comment({ status: 'spam', heldReason: 'spam' })] },
      }),
    });
    try {
      const el = await fixture<ParleyAdminQueue>(html`<parley-admin-queue .sites=${SITES}></parley-admin-queue>`);
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the list');
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.textContent).to.contain('2 comments waiting');
      const [site, kind] = [...el.shadowRoot!.querySelectorAll('select')];
      kind!.value = 'spam';
      site!.value = 'blog';
      site!.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => el.shadowRoot!.textContent!.includes('The queue is empty.'), 'the empty queue');
      const last = fake.calls.at(-1)!;
      expect([last.query.get('site'), last.query.get('kind')]).to.deep.equal(['blog', 'spam']);
    } finally {
      fake.restore();
    }
  });

  it('says what went wrong when the queue cannot be loaded', async () => {
    const fake = fakeServer({
      'GET /queue': () => ({ status: 503, body: { code: 'database-unavailable', detail: 'Database down' } }),
    });
    try {
      const el = await fixture<ParleyAdminQueue>(html`<parley-admin-queue></parley-admin-queue>`);
      await until(() => el.shadowRoot!.querySelector('.error'), 'the error');
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal('Something went wrong: Database down');
    } finally {
      fake.restore();
    }
  });

  it('when the last comment is acted on, focus moves to "The queue is empty." instead of the page', async () => {
    const held = comment();
    const fake = fakeServer({
      'GET /queue': () => ({ body: { comments: [held], nextCursor: null } }),
      [`POST /comments/${held.id}/approve`]: () => ({ body: { comment: { ...held, status: 'approved' } } }),
    });
    try {
      const el = await fixture<ParleyAdminQueue>(html`<parley-admin-queue></parley-admin-queue>`);
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the list');
      await expect(el).to.be.accessible();
      const list = el.shadowRoot!.querySelector('parley-admin-list')!;
      await list.updateComplete;
      const item = list.shadowRoot!.querySelector('parley-admin-comment')!;
      const approve = item.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-keyshortcuts=a]')!;
      approve.focus();
      approve.click();
      await until(() => el.shadowRoot!.activeElement?.textContent === 'The queue is empty.', 'focus on the empty queue');
      expect(document.activeElement).to.equal(el);
      await expect(el).to.be.accessible();
    } finally {
      fake.restore();
    }
  });
});
