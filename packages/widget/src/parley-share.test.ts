import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './parley-share.js';
import type { ParleyShare, ShareEventDetail } from './parley-share.js';
import { waitUntilLoaded } from './test-support.js';

const shadow = (el: ParleyShare) => el.shadowRoot as ShadowRoot;
const controls = (el: ParleyShare) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="control"]')];
const control = (el: ParleyShare, id: string) => shadow(el).querySelector<HTMLElement>(`[part~="control-${id}"]`) as HTMLElement;
/** A real mouse click (with user activation), in the middle of the element. */
async function click(e: HTMLElement): Promise<void> {
  const box = e.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}
/** The accessible name as a screen reader would build it here: aria-label, else the text. */
const nameOf = (e: HTMLElement) => (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<parley-share>', () => {
  afterEach(() => {
    for (const n of document.head.querySelectorAll('[data-test]')) n.remove();
  });

  it('is accessible and encodes the URL and title into every service link', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/x?y=1&z=2" title="Tom & Jerry #1"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    const hrefs = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).to.be.greaterThanOrEqual(3);
    for (const href of hrefs) expect(href).to.contain(encodeURIComponent('https://a.example/x?y=1&z=2'));
    expect(hrefs.find((h) => h.startsWith('https://x.com/'))).to.contain('Tom%20%26%20Jerry%20%231');
  });

  it('shows the default services in order, each with a name, and leaves opt-in ones out', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/" title="T" api="https://comments.example"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    const ids = controls(el).map((c) => (c.getAttribute('part') ?? '').split(' ')[1]);
    // No Web Share API in desktop Linux Chromium, so no native button.
    expect(ids).to.deep.equal([
      'control-copy',
      'control-mastodon',
      'control-bluesky',
      'control-x',
      'control-facebook',
      'control-linkedin',
      'control-whatsapp',
      'control-reddit',
      'control-email',
    ]);
    expect(controls(el).map(nameOf)).to.deep.equal([
      'Copy link',
      'Mastodon',
      'Bluesky',
      'X',
      'Facebook',
      'LinkedIn',
      'WhatsApp',
      'Reddit',
      'E-mail',
    ]);
    for (const a of shadow(el).querySelectorAll('a[target="_blank"]')) {
      // noreferrer: no Referer to the network, and (per HTML) no window.opener either.
      expect(a.getAttribute('rel')).to.equal('noreferrer');
      expect(a.getAttribute('aria-describedby')).to.equal('new-window');
    }
    expect(control(el, 'email').getAttribute('href')?.startsWith('mailto:?subject=')).to.equal(true);
    expect(control(el, 'email').hasAttribute('target')).to.equal(false);
  });

  it('takes services and their order from the attribute, with Pinterest and print on request', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/" services="print pinterest hackernews telegram threads bogus copy"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    expect(controls(el).map(nameOf)).to.deep.equal(['Print', 'Pinterest', 'Hacker News', 'Telegram', 'Threads', 'Copy link']);
    expect(control(el, 'print').tagName).to.equal('BUTTON');
  });

  it('names icon-only controls for screen readers and shows a tooltip', async () => {
    const el = await fixture<ParleyShare>(html`<parley-share variant="icons" url="https://a.example/"></parley-share>`);
    await expect(el).to.be.accessible();
    const x = control(el, 'x');
    expect(nameOf(x)).to.equal('X');
    expect(x.getAttribute('title')).to.equal('Share on X');
    const label = x.querySelector('[part="label"]') as HTMLElement;
    expect(label.getBoundingClientRect().width).to.be.at.most(1);
    expect(x.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
  });

  it('copies the link, shows and announces it, and tells the host page once', async () => {
    const el = await fixture<ParleyShare>(html`<parley-share url="https://a.example/copied"></parley-share>`);
    await expect(el).to.be.accessible();
    const heard: ShareEventDetail[] = [];
    const listen = (e: Event) => heard.push((e as CustomEvent<ShareEventDetail>).detail);
    document.addEventListener('parley-share', listen);
    const event = oneEvent(el, 'parley-share');
    await click(control(el, 'copy'));
    await event;
    await el.updateComplete;
    await el.updateComplete;
    expect(nameOf(control(el, 'copy'))).to.equal('Link copied');
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Link copied');
    expect(heard).to.deep.equal([{ service: 'copy', url: 'https://a.example/copied' }]);
    document.removeEventListener('parley-share', listen);
    await expect(el).to.be.accessible();
  });

  it('falls back to a selected field when the clipboard refuses, and says so', async () => {
    const el = await fixture<ParleyShare>(html`<parley-share url="https://a.example/f" services="copy"></parley-share>`);
    await expect(el).to.be.accessible();
    let fired = 0;
    el.addEventListener('parley-share', () => fired++);
    // What an insecure context, a denied permission or an unfocused document answers.
    const writeText = Clipboard.prototype.writeText;
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    try {
      await click(control(el, 'copy'));
      await waitUntil(() => shadow(el).querySelector('input'));
    } finally {
      Clipboard.prototype.writeText = writeText;
    }
    const field = shadow(el).querySelector('input') as HTMLInputElement;
    expect(field.value).to.equal('https://a.example/f');
    expect(shadow(el).activeElement).to.equal(field);
    expect((field.selectionEnd ?? 0) - (field.selectionStart ?? 0)).to.equal(field.value.length);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal(
      'Could not copy; select the link and copy it yourself',
    );
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('takes term overrides for every visible string', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/" services="copy email" .terms=${{ 'share.copy': 'Kopieren', 'share.label': 'Teilen' }}></parley-share>`,
    );
    await expect(el).to.be.accessible();
    expect(controls(el).map(nameOf)).to.deep.equal(['Kopieren', 'E-mail']);
    expect(shadow(el).querySelector('ul')?.getAttribute('aria-label')).to.equal('Teilen');
  });

  it('fires no event when properties change, only on the reader’s action', async () => {
    const el = await fixture<ParleyShare>(html`<parley-share url="https://a.example/"></parley-share>`);
    await expect(el).to.be.accessible();
    let fired = 0;
    el.addEventListener('parley-share', () => fired++);
    el.url = 'https://b.example/';
    el.services = 'x copy';
    el.variant = 'icons';
    await el.updateComplete;
    expect(fired).to.equal(0);
    const x = control(el, 'x') as HTMLAnchorElement;
    x.addEventListener('click', (e) => e.preventDefault(), { once: true });
    x.click();
    expect(fired).to.equal(1);
  });

  it('uses the Web Share API where it exists, directly in the click, and stays silent on cancel', async () => {
    const calls: ShareData[] = [];
    let outcome: 'ok' | 'abort' = 'abort';
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        calls.push(data);
        expect(navigator.userActivation.isActive, 'called with user activation').to.equal(true);
        return outcome === 'ok' ? Promise.resolve() : Promise.reject(new DOMException('cancelled', 'AbortError'));
      },
    });
    try {
      const el = await fixture<ParleyShare>(html`<parley-share url="https://a.example/n" title="T"></parley-share>`);
      await expect(el).to.be.accessible();
      expect(controls(el).map(nameOf)[0]).to.equal('Share…');
      let fired = 0;
      el.addEventListener('parley-share', () => fired++);
      await click(control(el, 'native'));
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).to.deep.equal([{ url: 'https://a.example/n', title: 'T' }]);
      expect(fired).to.equal(0);
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('');
      outcome = 'ok';
      await click(control(el, 'native'));
      await new Promise((r) => setTimeout(r, 50));
      expect(fired).to.equal(1);
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('takes the link and title from canonical and og:title when no attribute names them', async () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<link data-test rel="canonical" href="https://news.example/story?id=7"><meta data-test property="og:title" content="Café “night” trains">',
    );
    const el = await fixture<ParleyShare>(html`<parley-share services="facebook bluesky"></parley-share>`);
    await expect(el).to.be.accessible();
    expect(control(el, 'facebook').getAttribute('href')).to.equal(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent('https://news.example/story?id=7')}`,
    );
    expect(control(el, 'bluesky').getAttribute('href')).to.contain(
      encodeURIComponent('Café “night” trains https://news.example/'),
    );
  });

  it('adds utm parameters per network when asked', async () => {
    const el = await fixture<ParleyShare>(html`<parley-share url="https://a.example/" utm="autumn" services="x"></parley-share>`);
    await expect(el).to.be.accessible();
    expect(control(el, 'x').getAttribute('href')).to.contain(
      encodeURIComponent('https://a.example/?utm_source=x&utm_medium=social&utm_campaign=autumn'),
    );
  });

  it('links Mastodon to the comment server’s fediverse page, what to share only in the fragment', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/x?y=1&z=2" title="Tom & Jerry" text="Über #1" services="mastodon" api="https://comments.example/"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    const link = control(el, 'mastodon') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(nameOf(link)).to.equal('Mastodon');
    expect([link.target, link.rel, link.getAttribute('aria-describedby')]).to.deep.equal(['_blank', 'noreferrer', 'new-window']);
    const page = new URL(link.href);
    expect(page.origin + page.pathname).to.equal('https://comments.example/share/fediverse');
    expect(page.search, 'nothing shared reaches the server').to.equal('');
    const shared = new URLSearchParams(page.hash.slice(1));
    expect(Object.fromEntries(shared)).to.deep.equal({
      url: 'https://a.example/x?y=1&z=2',
      title: 'Tom & Jerry',
      text: 'Über #1',
      lang: 'en',
    });
    let detail: ShareEventDetail | undefined;
    el.addEventListener('parley-share', (e) => {
      detail = e.detail;
    });
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(detail).to.deep.equal({ service: 'mastodon', url: link.href });
  });

  it('leaves Mastodon out where it knows no comment server, and passes on the page language', async () => {
    const alone = await fixture<ParleyShare>(
      html`<parley-share url="https://a.example/" services="copy mastodon"></parley-share>`,
    );
    await expect(alone).to.be.accessible();
    expect(controls(alone).map(nameOf)).to.deep.equal(['Copy link']);
    const wrap = await fixture<HTMLElement>(
      html`<p lang="de-AT"><parley-share url="https://a.example/" services="mastodon" api="https://comments.example"></parley-share></p>`,
    );
    const bar = wrap.querySelector('parley-share') as ParleyShare;
    await waitUntilLoaded(() => shadow(bar).querySelector('ul')?.getAttribute('aria-label') === 'Teilen', 'German bar');
    const page = new URL((control(bar, 'mastodon') as HTMLAnchorElement).href);
    expect(new URLSearchParams(page.hash.slice(1)).get('lang')).to.equal('de');
  });

  it('offers the compact variant as one Share button that unfolds icon-only services', async () => {
    const el = await fixture<ParleyShare>(
      html`<parley-share variant="compact" url="https://a.example/#comment-1" services="copy x"></parley-share>`,
    );
    await expect(el).to.be.accessible();
    const toggle = shadow(el).querySelector('[part="toggle"]') as HTMLButtonElement;
    const list = shadow(el).querySelector('[part="list"]') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(list.getBoundingClientRect().height).to.equal(0);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(control(el, 'x').getAttribute('href')).to.contain(encodeURIComponent('https://a.example/#comment-1'));
    await expect(el).to.be.accessible();
  });

  it('follows right-to-left pages and the dark theme, and shows a visible focus ring', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="ar"><parley-share theme="dark" url="https://a.example/"></parley-share></div>`,
    );
    const el = wrap.querySelector('parley-share') as ParleyShare;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const [first, second] = controls(el);
    expect(getComputedStyle(shadow(el).querySelector('ul') as HTMLElement).direction).to.equal('rtl');
    expect((first as HTMLElement).getBoundingClientRect().left).to.be.greaterThan(
      (second as HTMLElement).getBoundingClientRect().left,
    );
    const style = getComputedStyle(first as HTMLElement);
    expect(style.color).to.equal('rgb(230, 237, 243)');
    // A dark background: every channel of the computed colour (rgb() or color(srgb …)) is low.
    const channels = (style.backgroundColor.match(/[\d.]+/g) ?? []).map(Number).slice(-3);
    const scale = style.backgroundColor.startsWith('color(') ? 1 : 255;
    for (const c of channels) expect(c / scale).to.be.below(0.3);
    (first as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(second);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow(el).activeElement).to.equal(first);
    expect(getComputedStyle(first as HTMLElement).outlineStyle).to.equal('solid');
  });
});
