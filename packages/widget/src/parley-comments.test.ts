import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';

const list = {
  page: { key: '/a', url: '', title: '', count: 1, locked: false },
  comments: [
    {
      id: 'c1',
      parentId: null,
      author: { name: 'Ada', website: null, avatar: 'abc' },
      html: '<p>Hi <em>there</em></p>',
      body: 'Hi *there*',
      createdAt: '2026-01-01T00:00:00.000Z',
      editedAt: null,
      status: 'approved',
      up: 0,
      down: 0,
      score: 0,
      replies: [],
    },
  ],
  nextCursor: null,
};

describe('<parley-comments>', () => {
  let realFetch: typeof fetch;
  beforeEach(() => {
    realFetch = window.fetch;
    window.fetch = async () => new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } });
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('is accessible and renders the comments the server returns', async () => {
    const el = await fixture<ParleyComments>(
      html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1"></parley-comments>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('article'), 'comment rendered');
    await expect(el).to.be.accessible();
    const article = el.shadowRoot?.querySelector('#comment-c1');
    expect(article?.querySelector('strong')?.textContent).to.equal('Ada');
    expect(article?.querySelector('.body em')?.textContent).to.equal('there');
  });
});
