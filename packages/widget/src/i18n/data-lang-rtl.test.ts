import { expect, fixture, html } from '@open-wc/testing';
import { EMBED_SCRIPT } from '../config.js';
import '../parley-comments.js';
import type { ParleyComments } from '../parley-comments.js';
import '../parley-count.js';
import '../parley-share.js';
import type { ParleyShare } from '../parley-share.js';
import { countsAndThread, shadow, stubFetch, waitUntilLoaded } from '../test-support.js';

// The script tag's `data-lang="he-IL"` (read once per page, hence a file of its own) makes every
// element Hebrew and so right to left, on a page that is left to right; an element's own
// `lang="en"` keeps it English and left to right (docs/embedding.md, "Right to left").
const script = document.createElement('script');
script.src = 'https://comments.test/embed.js';
script.dataset.site = 'demo';
script.dataset.lang = 'he-IL';
(globalThis as Record<symbol, unknown>)[EMBED_SCRIPT] = script;

describe('data-lang="he-IL" on the script tag', () => {
  stubFetch(countsAndThread);

  it('turns the count, the share bar and the thread right to left on a left-to-right page', async () => {
    const wrap = await fixture<HTMLElement>(html`<div dir="ltr" lang="en">
      <parley-count href="/a"></parley-count>
      <parley-share url="https://a.example/" services="copy email"></parley-share>
      <parley-comments page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>
      <parley-count lang="en" href="/b"></parley-count>
    </div>`);
    const [counter, own] = [...wrap.querySelectorAll('parley-count')];
    const bar = wrap.querySelector('parley-share') as ParleyShare;
    const thread = wrap.querySelector('parley-comments') as ParleyComments;
    const part = (el: Element | undefined) => shadow(el).querySelector<HTMLElement>('[part=count]');
    await waitUntilLoaded(() => part(counter) && part(own), 'counted');
    await waitUntilLoaded(() => thread.phase === 'ready', 'thread loaded');
    await thread.updateComplete;
    await waitUntilLoaded(() => shadow(bar).querySelector('ul')?.getAttribute('aria-label') === 'שיתוף', 'Hebrew share bar');
    await expect(wrap).to.be.accessible();
    expect(part(counter)?.textContent).to.equal('3 תגובות');
    expect(getComputedStyle(part(counter) as HTMLElement).direction).to.equal('rtl');
    expect(part(own)?.textContent).to.equal('3 comments');
    expect(getComputedStyle(part(own) as HTMLElement).direction, 'own lang first').to.equal('ltr');
    expect(getComputedStyle(shadow(bar).querySelector('ul') as HTMLElement).direction).to.equal('rtl');
    expect(thread.t.lang).to.equal('he');
    expect(getComputedStyle(shadow(thread).querySelector('section') as HTMLElement).direction).to.equal('rtl');
  });
});
