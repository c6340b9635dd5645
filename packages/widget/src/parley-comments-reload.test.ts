import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { Comment } from './api.js';
import { save } from './comments/storage.js';
import type { ParleyComments } from './parley-comments.js';
import { $, json, listing, makeComment as make, mountComments, stubFetch, texts, type } from './test-support.js';

// The thread loading anew (another sort, another page of a single-page app) while the reader
// writes or posts: their text, their draft and their new comment stay where they belong.

/** A request; one the test answers itself has `answer`. */
type Call = { url: URL; init: RequestInit; answer?: (res: Response) => void };
let calls: Call[];
/** Which requests the test answers itself; the others get `respond`'s answer at once. */
let later: (url: URL, init: RequestInit) => boolean;
let respond: (url: URL, init: RequestInit) => Response;
stubFetch((url, init) => {
  const call: Call = { url, init };
  calls.push(call);
  if (!later(url, init)) return respond(url, init);
  return new Promise((ok) => {
    call.answer = ok;
  });
});

const isPost = (_u: URL, init: RequestInit) => init.method === 'POST';
const pending = (what: (c: Call) => boolean) => calls.find((c) => c.answer && what(c))!;
const posted = (c: Comment) => json({ comment: c, editToken: `tok-${c.id}` }, 201);
const body = (el: ParleyComments) => $<HTMLTextAreaElement>(el, '#root-body');
const sortBy = (el: ParleyComments, sort: string) => {
  const select = $<HTMLSelectElement>(el, 'select');
  select.value = sort;
  select.dispatchEvent(new Event('change'));
};
/** Lets an answer given by the test take effect (promise callbacks and Lit's updates run before a timer's). */
const settle = () => aTimeout(0);

describe('<parley-comments> posting and writing while the thread loads anew', () => {
  beforeEach(() => {
    localStorage.clear();
    calls = [];
    later = () => false;
    respond = (url) => listing([make('c1', `${url.searchParams.get('page')} first`)]);
  });

  for (const status of ['approved', 'pending'] as const) {
    it(`keeps a post (${status}) sent before a single-page app changed the page with its own page`, async () => {
      localStorage.setItem('parley:draft:demo:/b:root', JSON.stringify('My half-written comment on /b'));
      const el = await mountComments();
      type(body(el), 'Meant for /a');
      later = isPost;
      body(el).form!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => pending((c) => c.init.method === 'POST'), 'sent');
      el.setAttribute('page', '/b');
      await waitUntil(() => texts(el)[0] === '/b first', 'thread of /b');
      pending((c) => c.init.method === 'POST').answer!(posted(make('n1', 'Meant for /a', { status })));
      await waitUntil(() => !el.ui.get('root')?.busy, 'answered');
      await el.updateComplete;
      expect(JSON.parse(calls.find((c) => c.init.method === 'POST')!.init.body as string).page).to.equal('/a');
      expect(localStorage.getItem('parley:draft:demo:/a:root'), 'the post’s own draft').to.equal(null);
      expect(localStorage.getItem('parley:draft:demo:/b:root'), 'the other page’s draft').to.equal(
        '"My half-written comment on /b"',
      );
      expect(body(el).value).to.equal('My half-written comment on /b');
      expect($(el, '#comment-n1'), 'not in the thread of /b').to.equal(null);
      expect(el.info?.count).to.equal(1);
      expect($(el, '[role=status]').textContent).to.contain('Comment posted');
      const held = JSON.parse(localStorage.getItem('parley:held') ?? '{}');
      expect(Object.values(held).map((h) => (h as { p: string }).p)).to.deep.equal(status === 'pending' ? ['/a'] : []);
      if (status === 'pending') {
        // Back on /a: the held one is shown there, to its author.
        el.setAttribute('page', '/a');
        await waitUntil(() => $(el, '#comment-n1 [part=pending]'), 'held on /a');
      }
    });
  }

  it('keeps the reader’s new comment when a listing asked for before it was stored comes after it', async () => {
    const el = await mountComments();
    type(body(el), 'Posted during a reload');
    later = isPost;
    body(el).form!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => pending((c) => c.init.method === 'POST'), 'sent');
    later = (url) => url.searchParams.get('sort') === 'newest';
    sortBy(el, 'newest');
    await waitUntil(() => pending((c) => c.url.searchParams.get('sort') === 'newest'), 'listing asked for');
    pending((c) => c.init.method === 'POST').answer!(
      posted(make('n1', 'Posted during a reload', { createdAt: new Date().toISOString() })),
    );
    await waitUntil(() => $(el, '#comment-n1'), 'shown');
    // The listing was read before the post was stored: it lacks it.
    pending((c) => c.url.searchParams.get('sort') === 'newest').answer!(listing([make('c1', 'older')]));
    await waitUntil(() => el.phase === 'ready', 'loaded');
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['Posted during a reload', 'older']);
    expect($(el, '#comment-n1 button.edit')).to.not.equal(null);
  });

  describe('with localStorage blocked', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    beforeEach(() => {
      // As with "block all site data": reading `localStorage` throws.
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    afterEach(() => {
      Object.defineProperty(window, 'localStorage', real);
      // What the thread kept in memory instead goes, for the tests after these.
      for (const key of ['tokens', 'me', 'sort:demo', 'draft:demo:/a:root', 'draft:demo:/a:r:c1']) save(key, undefined);
    });

    it('keeps the text being typed through a sort change, and a reply’s draft while the page is open', async () => {
      const el = await mountComments();
      type(body(el), 'half-written thoughts');
      later = (url) => url.searchParams.get('sort') === 'newest';
      sortBy(el, 'newest');
      await el.updateComplete;
      expect(el.phase).to.equal('loading');
      expect(body(el)?.value, 'while loading').to.equal('half-written thoughts');
      pending(() => true).answer!(listing([make('c1', 'first')]));
      await settle();
      await el.updateComplete;
      expect(el.phase).to.equal('ready');
      expect(body(el).value, 'loaded').to.equal('half-written thoughts');

      $<HTMLButtonElement>(el, '#comment-c1 button.reply').click();
      await el.updateComplete;
      type($<HTMLTextAreaElement>(el, '#r-c1-body'), 'a reply I started');
      const cancel = [...$(el, '.reply-form form').querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
      cancel.click();
      await el.updateComplete;
      expect($(el, '#r-c1-body')).to.equal(null);
      $<HTMLButtonElement>(el, '#comment-c1 button.reply').click();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#r-c1-body').value).to.equal('a reply I started');
    });
  });
});
