import { expect, fixture, html } from '@open-wc/testing';
import { EMBED_SCRIPT } from '../config.js';
import '../parley-comments.js';
import type { ParleyComments } from '../parley-comments.js';
import '../parley-count.js';
import '../parley-share.js';
import type { ParleyShare } from '../parley-share.js';
import { fediverseLanguage } from '../parley-share-fediverse.js';
import { countsAndThread, shadow, stubFetch, waitUntilLoaded } from '../test-support.js';

// The script tag's `data-lang="de-AT"` (read once per page, hence a file of its own) is a tag
// like any other: every element matches it to the German table, and it comes after the element's
// own `lang` and before the page's `<html lang>` (docs/embedding.md).
const script = document.createElement('script');
script.src = 'https://comments.test/embed.js';
script.dataset.site = 'demo';
script.dataset.lang = 'de-AT';
(globalThis as Record<symbol, unknown>)[EMBED_SCRIPT] = script;

describe('data-lang="de-AT" on the script tag', () => {
  stubFetch(countsAndThread);

  it('gives German to the count, the share bar, the language its fediverse page is given and the thread on an English page', async () => {
    const wrap = await fixture<HTMLElement>(html`<div lang="en">
      <parley-count href="/a"></parley-count>
      <parley-share url="https://a.example/" services="mastodon"></parley-share>
      <parley-comments page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>
      <parley-count lang="pt-BR" href="/b"></parley-count>
    </div>`);
    const [counter, own] = [...wrap.querySelectorAll('parley-count')];
    const bar = wrap.querySelector('parley-share') as ParleyShare;
    const thread = wrap.querySelector('parley-comments') as ParleyComments;
    await waitUntilLoaded(
      () => shadow(counter)?.querySelector('[part=count]') && shadow(own)?.querySelector('[part=count]'),
      'counted',
    );
    await waitUntilLoaded(() => thread.phase === 'ready', 'thread loaded');
    await thread.updateComplete;
    await waitUntilLoaded(() => shadow(bar).querySelector('ul')?.getAttribute('aria-label') === 'Teilen', 'German share bar');
    await expect(wrap).to.be.accessible();
    expect(shadow(counter).textContent?.trim()).to.equal('3 Kommentare');
    expect(shadow(own).textContent?.trim(), 'own lang first').to.equal('3 comentários');
    expect(thread.t.lang).to.equal('de');
    expect([...shadow(thread).querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Antworten');
    // The fediverse share page (on the comment server) is told the bar's language in its link.
    const link = shadow(bar).querySelector<HTMLAnchorElement>('[part~="control-mastodon"]');
    expect(new URL(link?.href ?? '').origin).to.equal('https://comments.test');
    expect(fediverseLanguage(new URLSearchParams(new URL(link?.href ?? '').hash.slice(1)).get('lang') ?? '')).to.equal('de');
  });
});
