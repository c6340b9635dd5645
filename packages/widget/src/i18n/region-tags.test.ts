import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { setEmbedConfig } from '../config.js';
import '../parley-comments.js';
import type { ParleyComments } from '../parley-comments.js';
import '../parley-count.js';
import '../parley-share.js';
import type { ParleyShare } from '../parley-share.js';
import { fediverseLanguage, loadFediverseTerms } from '../parley-share-fediverse.js';
import { countsAndThread, shadow, stubFetch, waitUntilLoaded } from '../test-support.js';
import { loadTerms } from './index.js';
import { loadAllTerms } from './translator.js';

// A region tag (`de-AT`, `pt-BR`, `zh-TW`) given to any element is matched to a table
// (`tableLanguage`) wherever a table is chosen, and a tag naming an `Object.prototype` member
// finds no table. Each case: the tag, the table's count text for 3, its thread's "Reply", its
// share bar's label, the handle label of its fediverse share page. `iw-IL` is Hebrew under its
// retired tag, which Java and older Android still send: Intl.Locale reads it as `he`.
const CASES = [
  ['de-AT', '3 Kommentare', 'Antworten', 'Teilen', 'Ihr Handle oder Server'],
  ['pt-BR', '3 comentários', 'Responder', 'Partilhar', 'O seu identificador ou servidor'],
  ['zh-TW', '3 則留言', '回覆', '分享', '你的帳號或伺服器'],
  ['iw-IL', '3 תגובות', 'תשובה', 'שיתוף', 'הכינוי או השרת שלך'],
] as const;
const BUILT_INS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/**
 * The handle label of the fediverse share page a bar's Mastodon link opens: the page reads the
 * bar's language from the link's fragment and matches it as share-fediverse-page.ts does.
 */
async function pageLabel(bar: ParleyShare): Promise<string | undefined> {
  const link = shadow(bar).querySelector<HTMLAnchorElement>('[part~="control-mastodon"]');
  const lang = new URLSearchParams(new URL(link?.href ?? '').hash.slice(1)).get('lang') ?? '';
  return (await loadFediverseTerms(fediverseLanguage(lang)))['share.fediverse.field'] as string | undefined;
}

/**
 * A count, a share bar and a thread, each with `lang=tag`, in a `<div>` with `lang=pageLang`
 * (none if not given).
 */
async function surfaces(tag: string, pageLang?: string) {
  const wrap = await fixture<HTMLElement>(html`<div lang=${pageLang ?? nothing}>
    <parley-count lang=${tag} href="/a"></parley-count>
    <parley-share lang=${tag} url="https://a.example/" services="mastodon"></parley-share>
    <parley-comments lang=${tag} site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments>
  </div>`);
  const counter = wrap.querySelector('parley-count');
  const bar = wrap.querySelector('parley-share') as ParleyShare;
  const thread = wrap.querySelector('parley-comments') as ParleyComments;
  return { wrap, counter, bar, thread };
}

describe('region tags and Object built-ins choose a table on every element', () => {
  stubFetch(countsAndThread);
  beforeEach(() => {
    localStorage.clear();
    setEmbedConfig({ apiBase: 'https://comments.test', site: 'demo' });
  });

  it('the loaders take a tag, not only a table name', async () => {
    for (const [tag, count, reply, share, handle] of CASES) {
      expect((await loadTerms(tag))['count.comments'], tag).to.have.property('other', count.replace('3', '{n}'));
      const all = await loadAllTerms(tag);
      expect([all['item.reply'], all['share.label']], tag).to.deep.equal([reply, share]);
      expect((await loadFediverseTerms(tag))['share.fediverse.field'], tag).to.equal(handle);
    }
  });

  it('the loaders give English, without errors, for tags naming Object built-ins', async () => {
    for (const tag of BUILT_INS) {
      expect(await loadTerms(tag), tag).to.deep.equal({});
      expect((await loadAllTerms(tag))['item.reply'], tag).to.equal('Reply');
      expect((await loadFediverseTerms(tag))['share.fediverse.field'], tag).to.equal('Your handle or server');
    }
  });

  for (const [tag, count, reply, share, handle] of CASES) {
    it(`<parley-count>, <parley-share> with its fediverse page and <parley-comments> with lang="${tag}"`, async () => {
      const { wrap, counter, bar, thread } = await surfaces(tag, 'en');
      await waitUntilLoaded(() => shadow(counter)?.querySelector('[part=count]'), 'counted');
      await waitUntilLoaded(() => thread.phase === 'ready', 'thread loaded');
      await thread.updateComplete;
      await waitUntilLoaded(() => shadow(bar).querySelector('ul')?.getAttribute('aria-label') === share, `${tag} share bar`);
      await expect(wrap).to.be.accessible();
      expect(shadow(counter).textContent?.trim()).to.equal(count);
      const buttons = [...shadow(thread).querySelectorAll('button')].map((b) => b.textContent?.trim());
      expect(buttons).to.include(reply);
      expect(await pageLabel(bar)).to.equal(handle);
    });
  }

  it('elements whose lang names an Object built-in speak English, without errors', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      for (const tag of BUILT_INS) {
        const { counter, bar, thread } = await surfaces(tag);
        await waitUntilLoaded(() => shadow(counter)?.querySelector('[part=count]'), `${tag} counted`);
        await waitUntilLoaded(() => thread.phase === 'ready', `${tag} thread loaded`);
        expect(shadow(counter).textContent?.trim(), tag).to.equal('3 comments');
        expect(thread.t.lang, tag).to.equal('en');
        expect(shadow(bar).querySelector('ul')?.getAttribute('aria-label'), tag).to.equal('Share');
        expect(await pageLabel(bar), tag).to.equal('Your handle or server');
      }
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
  });
});
