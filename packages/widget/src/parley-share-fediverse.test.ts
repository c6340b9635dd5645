import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParleyShareFediverse } from './parley-share-fediverse.js';
import { loadFediverseTerms } from './parley-share-fediverse.js';
import type { ShareData } from './share/services.js';
import { ShareTerms } from './share/terms.js';
import { json, shadow, stubFetch } from './test-support.js';

const ARTICLE = { url: 'https://news.example/a?b=1', title: 'Rain & shine', text: 'Read this' };

/** Every lookup the form made, by URL. */
let asked: string[] = [];

/** The form as the share page shows it, in `lang`, sharing a fixed article; `navigate` recorded. */
async function mount(lang = 'en', data: ShareData = ARTICLE): Promise<{ el: ParleyShareFediverse; went: string[] }> {
  const el = document.createElement('parley-share-fediverse');
  el.i18n = new ShareTerms(lang, await loadFediverseTerms(lang));
  el.data = data;
  const went: string[] = [];
  el.navigate = (url) => went.push(url);
  const wrap = await fixture<HTMLElement>(html`<main></main>`);
  wrap.append(el);
  await el.updateComplete;
  return { el, went };
}

const field = (el: ParleyShareFediverse) => shadow(el).querySelector('#handle') as HTMLInputElement;

async function submit(el: ParleyShareFediverse, value: string): Promise<void> {
  field(el).value = value;
  (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

describe('<parley-share-fediverse> (the comment server’s fediverse share page)', () => {
  beforeEach(() => {
    localStorage.clear();
    asked = [];
  });
  // A Misskey account whose handle names example.com while the server is social.example.com.
  stubFetch((url) => {
    asked.push(url.href);
    if (url.pathname === '/.well-known/webfinger')
      return json({ links: [{ rel: 'self', type: 'application/activity+json', href: 'https://social.example.com/users/me' }] });
    if (url.pathname === '/.well-known/nodeinfo')
      return json({ links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${url.origin}/nodeinfo/2.1` }] });
    if (url.pathname === '/nodeinfo/2.1') return json({ software: { name: 'Misskey' } });
    return json({}, 404);
  });

  it('is accessible, labelled by its heading, and puts the focus in the empty field', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    const form = shadow(el).querySelector('form') as HTMLFormElement;
    expect(shadow(el).getElementById(form.getAttribute('aria-labelledby') ?? '')?.tagName).to.equal('H1');
    expect(shadow(el).querySelector('h1')?.textContent).to.equal('Share on Mastodon or another fediverse server');
    expect(shadow(el).querySelector('label[for="handle"]')?.textContent).to.equal('Your handle or server');
    expect(shadow(el).activeElement).to.equal(field(el));
    expect(field(el).value).to.equal('');
  });

  it('refuses anything but a handle or a host name, says why, and looks nothing up', async () => {
    const { el, went } = await mount();
    for (const bad of ['https://evil.example/path', 'me@', 'javascript:alert(1)', 'http://social.example']) {
      await submit(el, bad);
      await el.updateComplete;
      expect(shadow(el).querySelector('#error')?.textContent, bad).to.contain('Enter a handle like');
      expect(field(el).getAttribute('aria-invalid'), bad).to.equal('true');
    }
    await expect(el).to.be.accessible();
    expect(asked).to.deep.equal([]);
    expect(went).to.deep.equal([]);
  });

  it('asks the reader’s server how it takes shares, goes to that share page, and remembers the choice', async () => {
    const { el, went } = await mount();
    await submit(el, ' @Me@Example.com ');
    await waitUntil(() => went.length === 1, 'went on');
    expect(asked).to.deep.equal([
      'https://example.com/.well-known/webfinger?resource=acct%3Ame%40example.com',
      'https://social.example.com/.well-known/nodeinfo',
      'https://social.example.com/nodeinfo/2.1',
    ]);
    const page = new URL(went[0] ?? '');
    expect(page.origin + page.pathname).to.equal('https://social.example.com/share');
    expect(Object.fromEntries(page.searchParams)).to.deep.equal({ text: 'Read this', url: 'https://news.example/a?b=1' });

    // Next time the form opens filled in, and the same answer needs no lookup.
    asked = [];
    const again = await mount();
    expect(field(again.el).value, 'as typed, trimmed').to.equal('@Me@Example.com');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => again.went.length === 1, 'went on again');
    expect(asked).to.deep.equal([]);
    expect(again.went).to.deep.equal(went);
  });

  it('opened without anything to share, says so and keeps the Share button disabled', async () => {
    const { el, went } = await mount('en', { url: '', title: '' });
    await expect(el).to.be.accessible();
    const error = shadow(el).querySelector('#error') as HTMLElement;
    expect(error.textContent).to.equal("Nothing to share: open this page from an article's share button.");
    expect(error.getAttribute('role')).to.equal('alert');
    const share = shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(share.disabled).to.equal(true);
    field(el).value = 'social.example';
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(asked).to.deep.equal([]);
    expect(went).to.deep.equal([]);
  });

  it('shows a busy Share button and announces the lookup while it runs, then clears both', async () => {
    const { el, went } = await mount('de');
    let answer: (r: Response) => void = () => undefined;
    const realFetch = window.fetch;
    window.fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    try {
      await submit(el, 'social.example');
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('social.example');
      expect((shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).disabled).to.equal(true);
      expect(shadow(el).querySelector('h1')?.textContent).to.equal('Auf Mastodon oder einem anderen Fediverse-Server teilen');
      answer(json({}, 404));
      await waitUntil(() => went.length === 1, 'fell back');
      expect(new URL(went[0] ?? '').pathname).to.equal('/share');
      // A reader who comes Back finds the page as it was left (bfcache): ready to share again.
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('');
      expect((shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).disabled).to.equal(false);
    } finally {
      window.fetch = realFetch;
    }
  });
});
