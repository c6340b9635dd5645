import { expect, fixture, html } from '@open-wc/testing';
import { setEmbedConfig } from '../config.js';
import '../parley-comments.js';
import type { ParleyComments } from '../parley-comments.js';
import '../parley-count.js';
import '../parley-share.js';
import type { ParleyShare } from '../parley-share.js';
import { fediverseLanguage, loadFediverseTerms } from '../parley-share-fediverse.js';
import { countsAndThread, stubFetch, waitUntilLoaded } from '../test-support.js';

// Each surface rendered for a Traditional Chinese reader (tags zh-TW, zh-HK, zh-MO, zh-Hant-TW):
// Taiwan terms (留言, 回覆, 檢舉, 分享, 電子郵件), never the Simplified table's (评论, 回复, 举报).

/** The visible text of a shadow root, whitespace collapsed. */
const text = (root: ShadowRoot | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ');

describe('Traditional Chinese on every widget surface', () => {
  stubFetch(countsAndThread);
  beforeEach(() => {
    localStorage.clear();
  });

  it('the comment thread on a zh-TW page', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="zh-TW"><parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments></div>`,
    );
    const el = wrap.querySelector('parley-comments') as ParleyComments;
    await waitUntilLoaded(() => el.phase === 'ready', 'loaded');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(el.t.lang).to.equal('zh-Hant');
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('section')?.getAttribute('aria-label')).to.equal('留言');
    expect(root.querySelector('form button[type=submit]')?.textContent?.trim()).to.equal('送出留言');
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).to.include.members(['回覆', '檢舉']);
    expect(text(root)).not.to.match(/评论|回复|举报/);
  });

  it('the share bar and its fediverse page on a zh-HK page', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="zh-HK"><parley-share url="https://a.example/" services="copy mastodon email" api="https://comments.test"></parley-share></p>`,
    );
    const bar = wrap.querySelector('parley-share') as ParleyShare;
    const root = bar.shadowRoot as ShadowRoot;
    await waitUntilLoaded(() => root.querySelector('ul')?.getAttribute('aria-label') === '分享', 'Traditional share terms');
    await expect(bar).to.be.accessible();
    const copy = root.querySelector<HTMLElement>('[part~="control-copy"]');
    const email = root.querySelector<HTMLElement>('[part~="control-email"]');
    expect(copy?.textContent?.trim()).to.equal('複製連結');
    expect(email?.textContent?.trim()).to.equal('電子郵件');
    // The fediverse share page the Mastodon link opens reads the bar's language from the link.
    const link = root.querySelector<HTMLAnchorElement>('[part~="control-mastodon"]');
    const lang = fediverseLanguage(new URLSearchParams(new URL(link?.href ?? '').hash.slice(1)).get('lang') ?? '');
    expect(lang).to.equal('zh-Hant');
    expect((await loadFediverseTerms(lang))['share.fediverse.field']).to.equal('你的帳號或伺服器');
  });

  it('the comment count with lang="zh-MO" and inside a zh-Hant-TW page', async () => {
    setEmbedConfig({ apiBase: 'https://comments.test', site: 'demo' });
    const wrap = await fixture<HTMLElement>(html`<div>
      <parley-count lang="zh-MO" href="/a"></parley-count>
      <p lang="zh-Hant-TW"><parley-count href="/b"></parley-count></p>
    </div>`);
    const counts = [...wrap.querySelectorAll('parley-count')];
    await waitUntilLoaded(() => counts.every((c) => c.shadowRoot?.querySelector('[part=count]')), 'counted');
    await expect(wrap).to.be.accessible();
    expect(counts.map((c) => c.shadowRoot?.textContent?.trim())).to.deep.equal(['3 則留言', '3 則留言']);
  });
});
