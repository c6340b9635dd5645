import { expect, fixture, html } from '@open-wc/testing';
import { flatten, type ParleyAdminThread } from './parley-admin-thread.js';
import { comment, fakeServer, until } from './test-fake-server.js';
import './parley-admin-thread.js';

describe('parley-admin-thread', () => {
  it('is accessible and shows every comment of the page, replies after their parent and indented', async () => {
    const reply = comment({ status: 'rejected' });
    const top = comment({ status: 'approved', replies: [reply] });
    const second = comment({ status: 'spam' });
    const fake = fakeServer({
      'GET /thread': () => ({
        body: { page: { key: '/posts/hello', title: 'Hello world', locked: true }, comments: [top, second] },
      }),
    });
    try {
      const el = await fixture<ParleyAdminThread>(
        html`<parley-admin-thread .sites=${[{ id: 'demo', name: 'Demo' }]} site="demo" page="/posts/hello"></parley-admin-thread>`,
      );
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the thread');
      await expect(el).to.be.accessible();
      expect(Object.fromEntries(fake.calls[0]!.query)).to.deep.equal({ site: 'demo', page: '/posts/hello' });
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Thread: Hello world');
      expect(el.shadowRoot!.textContent).to.contain('This thread is locked.');
      const list = el.shadowRoot!.querySelector('parley-admin-list')!;
      expect(list.items.map((c) => [c.id, c.depth])).to.deep.equal([
        [top.id, 0],
        [reply.id, 1],
        [second.id, 0],
      ]);
    } finally {
      fake.restore();
    }
  });

  it('a thread closed by age says so, and so does each of its comments', async () => {
    const page = { key: '/old', url: '', title: 'Old news', locked: false, closed: true };
    const fake = fakeServer({
      'GET /thread': () => ({ body: { page, comments: [comment({ status: 'approved', page })] } }),
    });
    try {
      const el = await fixture<ParleyAdminThread>(
        html`<parley-admin-thread .sites=${[{ id: 'demo', name: 'Demo' }]} site="demo" page="/old"></parley-admin-thread>`,
      );
      await until(() => el.shadowRoot!.querySelector('parley-admin-list'), 'the thread');
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.textContent).to.contain('older than the site’s auto-close age');
      expect(el.shadowRoot!.textContent).to.not.contain('This thread is locked.');
      const list = el.shadowRoot!.querySelector('parley-admin-list')!;
      await list.updateComplete;
      const item = list.shadowRoot!.querySelector('parley-admin-comment')!;
      await item.updateComplete;
      expect(item.shadowRoot!.querySelector('header')!.textContent).to.contain('Thread closed by age');
      // Locking stays on offer: a lock also holds if the auto-close age is raised later.
      expect([...item.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.includes('Lock thread'))).to.equal(true);
    } finally {
      fake.restore();
    }
  });

  it('flatten keeps reading order at any depth', () => {
    const c = comment({ replies: [comment({ replies: [comment()] }), comment()] });
    expect(flatten([c]).map((x) => x.depth)).to.deep.equal([0, 1, 2, 1]);
  });
});
