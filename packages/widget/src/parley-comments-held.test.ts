import { expect } from '@open-wc/testing';
import type { Comment } from './api.js';
import { loadMore } from './comments/read.js';
import { listing, makeComment as make, mountComments, scoredComments, stubFetch, minute as t, texts } from './test-support.js';

// The reader's own top-level comments that wait for a moderator (kept in localStorage, added
// again on each load: the server lists only approved ones) go where the sort order puts them,
// as new comments shown live do (`place` in comments/read.ts), not at the end whatever the sort.

const held = (...comments: Comment[]) =>
  localStorage.setItem(
    'parley:held',
    JSON.stringify(
      Object.fromEntries(comments.map((c) => [c.id, { c: { ...c, status: 'pending' }, s: 'demo', p: '/a', at: Date.now() }])),
    ),
  );

type Page = { comments: Comment[]; next?: string | null };
let pages: Record<string, Page>;
const mount = (sort: string) => mountComments({ sort });

describe('<parley-comments> the reader’s own held comments', () => {
  stubFetch((url) => {
    const page = pages[url.searchParams.get('cursor') ?? 'first']!;
    return listing(page.comments, { nextCursor: page.next ?? null });
  });
  beforeEach(() => {
    localStorage.clear();
  });

  it('oldest: by time among the loaded comments; one newer than all stays after the next page', async () => {
    // Stored newest first, so the order they come back in is not the answer.
    held(make('h9', 'mine, later', { createdAt: t(9) }), make('h2', 'mine, early', { createdAt: t(2) }));
    pages = {
      first: { comments: [make('c1', 'one', { createdAt: t(1) }), make('c3', 'three', { createdAt: t(3) })], next: 'p2' },
      p2: { comments: [make('c4', 'four', { createdAt: t(4) })] },
    };
    const el = await mount('oldest');
    await expect(el).to.be.accessible();
    expect(texts(el)).to.deep.equal(['one', 'mine, early', 'three', 'mine, later']);
    expect(el.shadowRoot!.querySelectorAll('[part=pending]').length, 'both shown as held').to.equal(2);
    await loadMore(el, false);
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'mine, early', 'three', 'four', 'mine, later']);
  });

  it('oldest: one that belongs inside the next page goes in its place there when the page comes', async () => {
    held(make('h5', 'mine', { createdAt: t(5) }));
    pages = {
      first: { comments: [make('c1', 'one', { createdAt: t(1) }), make('c3', 'three', { createdAt: t(3) })], next: 'p2' },
      p2: { comments: [make('c4', 'four', { createdAt: t(4) }), make('c6', 'six', { createdAt: t(6) })] },
    };
    const el = await mount('oldest');
    expect(texts(el)).to.deep.equal(['one', 'three', 'mine']);
    await loadMore(el, false);
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'three', 'four', 'mine', 'six']);
  });

  it('a held reply to a comment of a later page shows under it when that page comes, until the server lists it', async () => {
    held(make('r1', 'my reply', { parentId: 'c4', createdAt: t(9) }));
    pages = {
      first: { comments: [make('c1', 'one', { createdAt: t(1) })], next: 'p2' },
      p2: { comments: [make('c4', 'four', { createdAt: t(4) })] },
    };
    const el = await mount('oldest');
    await loadMore(el, false);
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['one', 'four']);
    expect(el.shadowRoot!.querySelector('#replies-c4 #comment-r1 [part=pending]'), 'held reply under its parent').to.not.equal(
      null,
    );
    // Approved meanwhile: the page brings it, and it is no longer kept.
    pages.p2 = { comments: [make('c4', 'four', { createdAt: t(4), replies: [make('r1', 'my reply', { parentId: 'c4' })] })] };
    const again = await mount('oldest');
    await loadMore(again, false);
    await again.updateComplete;
    expect(again.shadowRoot!.querySelectorAll('#comment-r1').length).to.equal(1);
    expect(again.shadowRoot!.querySelector('#comment-r1 [part=pending]')).to.equal(null);
    expect(localStorage.getItem('parley:held')).to.equal('{}');
  });

  it('newest: at the top after the pinned ones, older ones by time', async () => {
    held(make('h4', 'mine, early', { createdAt: t(4) }), make('h9', 'mine, later', { createdAt: t(9) }));
    pages = {
      first: {
        comments: [
          make('c0', 'pinned', { createdAt: t(0), pinned: true }),
          make('c5', 'five', { createdAt: t(5) }),
          make('c3', 'three', { createdAt: t(3) }),
        ],
      },
    };
    const el = await mount('newest');
    expect(texts(el)).to.deep.equal(['pinned', 'mine, later', 'five', 'mine, early', 'three']);
  });

  it('top: after the comments that score higher, before those that score lower', async () => {
    held(make('h5', 'mine', { createdAt: t(5) }));
    pages = { first: { comments: scoredComments() } };
    const el = await mount('top');
    expect(texts(el)).to.deep.equal(['liked', 'even', 'mine', 'disliked']);
  });
});
