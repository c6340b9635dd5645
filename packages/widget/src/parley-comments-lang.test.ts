import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import './parley-count.js';
import type { ParleyCount } from './parley-count.js';
import './parley-share.js';
import type { ParleyShare } from './parley-share.js';
import { countsAndThread, listing, makeComment, shadow, stubFetch, waitUntilLoaded } from './test-support.js';

// Each element's content says which language it is in (`lang`, so a screen reader picks the
// voice) and runs in that language's direction, not the page's: a Persian page without a Persian
// table shows English, which must read left to right (it read "comment 1" and "hour ago 1").

/**
 * Mounts `content` in a right-to-left page section in `pageLang`, and returns its first child.
 */
async function onPage<T extends HTMLElement>(pageLang: string, content: unknown): Promise<T> {
  const page = await fixture<HTMLElement>(html`<div dir="rtl" lang=${pageLang} style="width:40rem">${content}</div>`);
  return page.firstElementChild as T;
}

/** A thread on a right-to-left page in `pageLang`, with `dir` on the element if given. */
async function thread(pageLang: string, dir?: string): Promise<ParleyComments> {
  const el = await onPage<ParleyComments>(
    pageLang,
    html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" dir=${dir ?? nothing} no-lazy no-live></parley-comments>`,
  );
  await waitUntilLoaded(() => el.phase === 'ready', 'loaded');
  await el.updateComplete;
  return el;
}

describe('the language and direction of each element’s content', () => {
  stubFetch((url, init) =>
    url.pathname === '/api/v1/comments'
      ? listing([makeComment('c1', 'Hi', { replies: [makeComment('r1', 'reply', { parentId: 'c1' })] })])
      : countsAndThread(url, init),
  );
  beforeEach(() => localStorage.clear());

  it('the thread: English (no Persian table) on a Persian right-to-left page is lang="en", left to right', async () => {
    const el = await thread('fa');
    await expect(el).to.be.accessible();
    const root = shadow(el).querySelector('section.root')!;
    expect(root.getAttribute('lang')).to.equal('en');
    expect(root.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(root).direction).to.equal('ltr');
    const replies = getComputedStyle(shadow(el).querySelector('.replies')!);
    expect(parseFloat(replies.paddingLeft), 'replies indented from the left').to.be.greaterThan(0);
    expect(replies.borderLeftStyle).to.equal('solid');
    // The comment's own share bar follows the thread's language.
    (shadow(el).querySelector('button.share') as HTMLButtonElement).click();
    await el.updateComplete;
    const bar = shadow(el).querySelector('parley-share') as ParleyShare;
    await bar.updateComplete;
    expect(shadow(bar).firstElementChild!.getAttribute('lang')).to.equal('en');
  });

  it('the thread: the page’s language where there is a table for it, and a dir on the element wins', async () => {
    const de = await thread('de');
    await expect(de).to.be.accessible();
    const root = shadow(de).querySelector('section.root')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).to.deep.equal(['de', 'ltr']);
    const ar = await thread('ar');
    const arRoot = shadow(ar).querySelector('section.root')!;
    expect([arRoot.getAttribute('lang'), arRoot.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    const rtl = await thread('fa', 'rtl');
    const rtlRoot = shadow(rtl).querySelector('section.root')!;
    expect([rtlRoot.getAttribute('lang'), rtlRoot.getAttribute('dir')]).to.deep.equal(['en', 'rtl']);
    expect(parseFloat(getComputedStyle(shadow(rtl).querySelector('.replies')!).paddingRight)).to.be.greaterThan(0);
  });

  it('the share bar: its terms’ language, left to right unless it has a dir', async () => {
    const fa = await onPage<ParleyShare>('fa', html`<parley-share url="https://example.com/a"></parley-share>`);
    await waitUntil(() => shadow(fa).firstElementChild?.getAttribute('lang') === 'en', 'rendered');
    await expect(fa).to.be.accessible();
    expect(shadow(fa).firstElementChild!.getAttribute('dir')).to.equal('ltr');
    const de = await onPage<ParleyShare>('de', html`<parley-share url="https://example.com/a"></parley-share>`);
    await waitUntilLoaded(() => shadow(de).firstElementChild?.getAttribute('lang') === 'de', 'German terms in');
    expect(shadow(de).querySelector('ul')!.getAttribute('aria-label')).to.equal('Teilen');
    const own = await onPage<ParleyShare>('fa', html`<parley-share dir="rtl" url="https://example.com/a"></parley-share>`);
    await own.updateComplete;
    expect(shadow(own).firstElementChild!.getAttribute('dir')).to.equal('rtl');
  });

  it('the count: isolated from the text around it, in its language and direction', async () => {
    const count = await onPage<ParleyCount>(
      'fa',
      html`<parley-count site="demo" page="/a" api="http://127.0.0.1:1"></parley-count>`,
    );
    await waitUntilLoaded(() => shadow(count).querySelector('[part=count]'), 'count shown');
    await expect(count).to.be.accessible();
    const text = shadow(count).querySelector('[part=count]')!;
    expect(text.localName).to.equal('bdi');
    expect([text.getAttribute('lang'), text.getAttribute('dir'), text.textContent]).to.deep.equal(['en', 'ltr', '3 comments']);
    expect(getComputedStyle(text).unicodeBidi).to.equal('isolate');
  });
});
