import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ParleyComments } from './parley-comments.js';
import { $, json, listing, makeComment, mountComments, stubFetch, type } from './test-support.js';

// The addresses the thread gives out (the page URL sent with a post, permalinks, the share bar's
// link) and the permalinks it opens (`#comment-<id>`): a reader's query string (tokens, e-mail
// addresses from a newsletter link) never leaves the page, a `<base href>` never sends the reader
// elsewhere, and a fragment that names no comment costs a few requests, never the thread.

/** Comment ids as the server makes them: 12 base64url characters (newCommentId). */
const ID = 'Kx3_q-9aZt0w';
const OTHER = 'AAAAAAAAAAAA';

let requests: { url: URL; init: RequestInit }[] = [];
/** Listing answers by cursor (absent: the first page). */
let pages: Record<string, { ids: string[]; next: string | null }>;
stubFetch((url, init) => {
  requests.push({ url, init });
  if (init.method === 'POST')
    return json({ comment: makeComment('n1', JSON.parse(String(init.body)).body), editToken: 'tok' }, 201);
  // A permalink's comment not loaded yet: the server names its thread, if it lists it on the page.
  const around = url.searchParams.get('around');
  if (around) {
    if (!Object.values(pages).some((p) => p.ids.includes(around))) return json({ code: 'comment-not-found', detail: 'x' }, 404);
    return json({ root: around, replies: [], moreReplies: 0, nextCursor: null });
  }
  const page = pages[url.searchParams.get('cursor') ?? ''] ?? { ids: [], next: null };
  return listing(
    page.ids.map((id) => makeComment(id, `text ${id}`)),
    { nextCursor: page.next },
  );
});

const lists = () => requests.filter((r) => r.init.method === 'GET');
const NOT_FOUND = 'The linked comment could not be found.';

const start = location.href;
/** Errors that reached the host page: they must never. */
const escaped: string[] = [];
const onError = (e: ErrorEvent) => escaped.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => escaped.push(`unhandled: ${e.reason}`);
const added: Element[] = [];
/** Adds `html` (a `<link>` or `<base>`) to the document's head for one test. */
const head = (html: string) => {
  document.head.insertAdjacentHTML('beforeend', html);
  added.push(document.head.lastElementChild!);
};

describe('<parley-comments> addresses and permalinks', () => {
  beforeEach(() => {
    localStorage.clear();
    requests = [];
    escaped.length = 0;
    pages = { '': { ids: [ID], next: null } };
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    // As a reader who came from a newsletter link: personal data in the query.
    const url = new URL(start);
    url.searchParams.set('access_token', 'SECRET');
    url.searchParams.set('email', 'ada@example.com');
    history.replaceState(null, '', url);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    for (const el of added.splice(0)) el.remove();
    history.replaceState(null, '', start);
  });

  /** What the thread gives out: the URL sent with a post, a comment's shared link and its timestamp's href. */
  async function addresses(el: ParleyComments): Promise<string[]> {
    type($<HTMLTextAreaElement>(el, 'form textarea'), 'Hello');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => requests.some((r) => r.init.method === 'POST'), 'posted');
    const sent = JSON.parse(String(requests.find((r) => r.init.method === 'POST')!.init.body)).url;
    $(el, `#comment-${ID} button.share`).click();
    await el.updateComplete;
    const shared = $(el, `#comment-${ID} parley-share`).getAttribute('url')!;
    return [sent, shared, $(el, `#comment-${ID} a.permalink`).getAttribute('href')!];
  }

  it('sends and shares the page’s address without its query; permalinks are that address and the comment', async () => {
    const page = location.origin + location.pathname;
    expect(await addresses(await mountComments())).to.deep.equal([page, `${page}#comment-${ID}`, `${page}#comment-${ID}`]);
    requests = [];
    // The canonical address wins (its own query is the site's, kept), without its fragment.
    head('<link rel="canonical" href="/story?p=7#intro">');
    const canonical = `${location.origin}/story?p=7`;
    expect(await addresses(await mountComments())).to.deep.equal([
      canonical,
      `${canonical}#comment-${ID}`,
      `${canonical}#comment-${ID}`,
    ]);
    requests = [];
    // On another origin, the server would refuse it (a page URL must be on the site's origins).
    (added.pop() as HTMLLinkElement).remove();
    head('<link rel="canonical" href="https://news.example/story">');
    expect(await addresses(await mountComments())).to.deep.equal([page, `${page}#comment-${ID}`, `${page}#comment-${ID}`]);
  });

  it('opens a permalink in place under a <base href>, and leaves a modified click to the browser', async () => {
    head('<base href="/elsewhere/">');
    const el = await mountComments();
    const link = $<HTMLAnchorElement>(el, `#comment-${ID} a.permalink`);
    expect(link.href).to.equal(`${location.origin}${location.pathname}#comment-${ID}`);
    // A click nothing prevented would navigate: recorded, and stopped so that the test page stays.
    const navigations: string[] = [];
    const guard = (e: MouseEvent) => {
      if (!e.defaultPrevented) navigations.push(link.href);
      e.preventDefault();
    };
    addEventListener('click', guard);
    try {
      const before = location.pathname + location.search;
      const changed = oneEvent(window, 'hashchange');
      link.click();
      expect(navigations, 'no navigation away from the article').to.deep.equal([]);
      await changed;
      expect(location.pathname + location.search).to.equal(before);
      expect(location.hash).to.equal(`#comment-${ID}`);
      await waitUntil(() => $(el, `#comment-${ID}`).classList.contains('hl'), 'highlighted');
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      expect(navigations, 'a new tab for ctrl+click').to.deep.equal([link.href]);
    } finally {
      removeEventListener('click', guard);
    }
    expect(escaped).to.deep.equal([]);
  });

  it('loads the thread under a malformed #comment- fragment, says the comment is not there, and throws nothing', async () => {
    for (const frag of ['#comment-%', '#comment-%E0%A4%A', `#comment-${ID}%`, '#comment-c1']) {
      history.replaceState(null, '', frag);
      const el = await mountComments();
      expect($(el, `#comment-${ID} .body`).textContent, frag).to.equal(`text ${ID}`);
      expect($(el, 'form textarea'), frag).to.not.equal(null);
      await waitUntil(() => el.announcement === NOT_FOUND, `announced for ${frag}`);
      expect(lists().length, `${frag}: no search`).to.equal(1);
      requests = [];
      // The reader (or a link on the page) changes the fragment later.
      const changed = oneEvent(window, 'hashchange');
      location.hash = '#comment-%zz';
      await changed;
      await waitUntil(() => el.announcement === `${NOT_FOUND}\u00a0`, `announced again after ${frag}`);
    }
    expect(escaped).to.deep.equal([]);
  });

  it('asks the server where a comment not loaded is, looks for its thread in at most five more pages, else says it is not there', async () => {
    let n = 0;
    for (const cursor of ['', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']) pages[cursor] = { ids: [`x${n++}`], next: `p${n}` };
    history.replaceState(null, '', `#comment-${OTHER}`);
    const el = await mountComments();
    await waitUntil(() => el.announcement === NOT_FOUND, 'announced');
    const asked = () => lists().map((r) => r.url.searchParams.get('cursor') ?? r.url.searchParams.get('around'));
    expect(asked(), 'one question, no search for a comment the server does not list').to.deep.equal([null, OTHER]);
    expect(el.phase).to.equal('ready');
    // One within reach is found and shown.
    requests = [];
    pages.p3 = { ids: [OTHER], next: 'p4' };
    const again = await mountComments();
    await waitUntil(() => $(again, `#comment-${OTHER}`)?.classList.contains('hl'), 'found on the fourth page');
    expect(asked()).to.deep.equal([null, OTHER, 'p1', 'p2', 'p3']);
    // Beyond five more pages it is not.
    requests = [];
    pages.p3 = { ids: ['x3'], next: 'p4' };
    pages.p7 = { ids: [OTHER], next: null };
    const far = await mountComments();
    await waitUntil(() => far.announcement === NOT_FOUND, 'announced');
    expect(asked()).to.deep.equal([null, OTHER, 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(escaped).to.deep.equal([]);
  });
});
