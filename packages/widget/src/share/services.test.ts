import { expect } from '@open-wc/testing';
import { fediverseUrl } from './fediverse.js';
import { DEFAULT_SERVICES, mailtoUrl, parseServices, SERVICES, type ShareData, shareUrl, withUtm } from './services.js';
import { measure, xWeight } from './text.js';

const URL_ = 'https://news.example.com/a?b=1&c=2#frag';
const HARD: ShareData = {
  url: URL_,
  title: 'Tom & Jerry #1: 100% "quoted" \'single\'\nsecond line 👩‍👩‍👧‍👦 🇺🇦 مرحبا',
};
const LONG = `${'Night trains return to the Alps 🚆 & more '.repeat(40)}end`;

/** The decoded value of one query parameter, checking the raw query has no `+` for spaces. */
function param(href: string, name: string): string {
  const query = href.slice(href.indexOf('?') + 1);
  expect(query, `${href} uses %20`).not.to.contain('+');
  const pair = query.split('&').find((p) => p.startsWith(`${name}=`));
  expect(pair, `${name} in ${href}`).to.be.a('string');
  return decodeURIComponent((pair ?? '').slice(name.length + 1));
}

describe('share intent URLs', () => {
  it('builds each network’s current intent URL with the link and title round-tripping exactly', () => {
    const cases: [string, string, string, string | undefined][] = [
      ['x', 'https://x.com/intent/post?', 'url', 'text'],
      ['facebook', 'https://www.facebook.com/sharer/sharer.php?', 'u', undefined],
      ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/?', 'url', undefined],
      ['reddit', 'https://www.reddit.com/submit?', 'url', 'title'],
      ['telegram', 'https://t.me/share/url?', 'url', 'text'],
      ['threads', 'https://www.threads.com/intent/post?', 'url', 'text'],
      ['pinterest', 'https://www.pinterest.com/pin/create/button/?', 'url', 'description'],
    ];
    for (const [service, prefix, urlParam, textParam] of cases) {
      const href = shareUrl(service as never, HARD) ?? '';
      expect(href.startsWith(prefix), service).to.equal(true);
      expect(param(href, urlParam), service).to.equal(URL_);
      if (textParam) expect(param(href, textParam), service).to.equal(HARD.title);
      expect(href, service).not.to.match(/[\s"<>#]/);
    }
  });

  it('encodes &, #, %, quotes and newlines so that no value leaks into another parameter', () => {
    const href = shareUrl('x', HARD) ?? '';
    expect(href).to.contain('Tom%20%26%20Jerry%20%231%3A%20100%25%20%22quoted%22');
    expect(href).to.contain('%0Asecond');
    expect(href.split('&')).to.have.length(2);
    expect(shareUrl('facebook', HARD)).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(URL_)}`);
  });

  it('writes mailto: per RFC 6068: no recipient, %20 not +, CRLF line breaks, link in the body', () => {
    const href = mailtoUrl(HARD);
    expect(href.startsWith('mailto:?subject=')).to.equal(true);
    expect(href).not.to.contain('+');
    expect(href).to.contain('%0D%0Asecond%20line');
    expect(param(href, 'subject')).to.equal(HARD.title.replace(/\n/g, '\n'));
    expect(param(href, 'body')).to.equal(`${HARD.title.replace(/\n/g, '\r\n')}\r\n\r\n${URL_}`);
    expect(shareUrl('email', HARD)).to.equal(href);
  });

  it('puts the link inside the text for WhatsApp and Bluesky', () => {
    expect(param(shareUrl('whatsapp', HARD) ?? '', 'text')).to.equal(`${HARD.title}\n${URL_}`);
    expect(shareUrl('whatsapp', HARD)?.startsWith('https://wa.me/?text=')).to.equal(true);
    const bsky = shareUrl('bluesky', HARD) ?? '';
    expect(bsky.startsWith('https://bsky.app/intent/compose?text=')).to.equal(true);
    expect(param(bsky, 'text')).to.equal(`${HARD.title} ${URL_}`);
  });

  it('cuts a very long title to Bluesky’s 300 graphemes with the whole link kept', () => {
    const text = param(shareUrl('bluesky', { url: URL_, title: LONG }) ?? '', 'text');
    // 300 at most; one less when the cut fell on a space that was dropped before the "…".
    expect(measure(text)).to.be.within(299, 300);
    expect(text.endsWith(`… ${URL_}`)).to.equal(true);
  });

  it('cuts a very long title to X’s 280 with the link counted as 23 and emoji as 2', () => {
    const href = shareUrl('x', { url: `${URL_}${'z'.repeat(200)}`, title: LONG }) ?? '';
    const text = param(href, 'text');
    expect(text.endsWith('…')).to.equal(true);
    const weight = measure(text, xWeight) + 1 + 23;
    expect(weight).to.be.at.most(280);
    expect(weight).to.be.at.least(278);
    const cjk = param(shareUrl('x', { url: URL_, title: '日本語'.repeat(100) }) ?? '', 'text');
    expect(measure(cjk, xWeight)).to.be.at.most(256);
    expect(cjk.length).to.be.at.most(128);
  });

  it('cuts Hacker News titles to 80 and Reddit titles to 300', () => {
    const hn = shareUrl('hackernews', { url: URL_, title: LONG }) ?? '';
    expect(hn.startsWith('https://news.ycombinator.com/submitlink?u=')).to.equal(true);
    expect(measure(param(hn, 't'))).to.equal(80);
    expect(measure(param(shareUrl('reddit', { url: URL_, title: LONG }) ?? '', 'title'))).to.equal(300);
  });

  it('shares to a fediverse server with Mastodon’s 500 (link as 23) or the link in its own parameter', () => {
    const mastodon = fediverseUrl(
      { origin: 'https://example.social', path: '/share', param: 'text' },
      { url: URL_, title: LONG },
    );
    expect(mastodon.startsWith('https://example.social/share?text=')).to.equal(true);
    const text = param(mastodon, 'text');
    expect(text.endsWith(` ${URL_}`)).to.equal(true);
    expect(measure(text) - measure(URL_) + 23).to.equal(500);
    const misskey = fediverseUrl(
      { origin: 'https://mi.example', path: '/share', param: 'text', urlParam: 'url' },
      { url: URL_, title: HARD.title },
    );
    expect(param(misskey, 'text')).to.equal(HARD.title);
    expect(param(misskey, 'url')).to.equal(URL_);
    const friendica = fediverseUrl(
      { origin: 'https://f.example', path: '/compose', param: 'body', titleParam: 'title' },
      { url: URL_, title: 'A & B' },
    );
    expect(friendica).to.equal(`https://f.example/compose?body=A%20%26%20B%20${encodeURIComponent(URL_)}&title=A%20%26%20B`);
    expect(shareUrl('mastodon', HARD)).to.equal(undefined);
  });

  it('does not throw on a lone surrogate in the title', () => {
    const href = shareUrl('x', { url: URL_, title: 'broken \uD83D here' }) ?? '';
    expect(param(href, 'text')).to.equal('broken \uFFFD here');
  });

  it('gives no link for services that are buttons', () => {
    for (const s of ['native', 'copy', 'print'] as const) expect(shareUrl(s, HARD)).to.equal(undefined);
  });

  it('reads the services attribute: known names, each once, in order; empty means the default', () => {
    expect(parseServices('mastodon  copy,bogus x MASTODON')).to.deep.equal(['mastodon', 'copy', 'x']);
    expect(parseServices('')).to.deep.equal([...DEFAULT_SERVICES]);
    expect(parseServices(null)).to.deep.equal([...DEFAULT_SERVICES]);
    expect(parseServices(SERVICES.join(' '))).to.deep.equal([...SERVICES]);
    expect(DEFAULT_SERVICES).not.to.include('pinterest');
    expect(DEFAULT_SERVICES).not.to.include('print');
  });

  it('adds utm parameters per network to http(s) links only', () => {
    expect(withUtm('https://a.example/x?y=1#top', 'bluesky', 'launch')).to.equal(
      'https://a.example/x?y=1&utm_source=bluesky&utm_medium=social&utm_campaign=launch#top',
    );
    expect(withUtm('https://a.example/', 'x', undefined)).to.equal('https://a.example/');
    expect(withUtm('not a url', 'x', 'c')).to.equal('not a url');
  });
});
