import { expect } from '@open-wc/testing';
import { discover, type Fetch, fallbackTarget, parseAccount, recall, remember, softwareName } from './fediverse.js';

/** A stand-in network: answers from a table of URLs, records every request. */
function network(routes: Record<string, unknown>) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetcher: Fetch = async (url, init) => {
    seen.push({ url, init });
    if (!(url in routes)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(routes[url]), { headers: { 'content-type': 'application/json' } });
  };
  return { fetcher, seen };
}

const nodeinfo = (host: string, name: string) => ({
  [`https://${host}/.well-known/nodeinfo`]: {
    links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `https://${host}/nodeinfo/2.0` }],
  },
  [`https://${host}/nodeinfo/2.0`]: { software: { name, version: '1' } },
});

describe('fediverse handle and server lookup', () => {
  it('accepts handles, host names and bare https origins, in any case, IDN as punycode', () => {
    expect(parseAccount('@Me@Example.Social')).to.deep.equal({ host: 'example.social', user: 'me' });
    expect(parseAccount(' me@example.social ')).to.deep.equal({ host: 'example.social', user: 'me' });
    expect(parseAccount('example.social')).to.deep.equal({ host: 'example.social', user: undefined });
    expect(parseAccount('https://example.social/')).to.deep.equal({ host: 'example.social', user: undefined });
    expect(parseAccount('bücher.example')?.host).to.equal('xn--bcher-kva.example');
    expect(parseAccount('@me@localhost:4000')).to.deep.equal({ host: 'localhost:4000', user: 'me' });
    expect(parseAccount('http://127.0.0.1:9/')?.host).to.equal('127.0.0.1:9');
  });

  it('refuses paths, queries, ports, credentials, IPs, plain http and script URLs', () => {
    for (const bad of [
      '',
      'example',
      'example.social/share',
      'https://example.social/path',
      'example.social?x=1',
      'example.social:8443',
      'http://example.social',
      'javascript:alert(1)',
      'user:pw@example.social',
      '@me@example.social/evil',
      '1.2.3.4',
      '@@example.social',
      'exa mple.social',
      '-bad.example',
      `${'a'.repeat(64)}.example`,
      'example.social#x',
      'me@you@example.social',
      'example.social/',
      '@me@example.social/',
      'localhost:4000/',
      'http://localhost:4000/path',
      // Loopback names the share page's CSP does not allow (it names localhost and 127.0.0.1).
      '[::1]:4000',
      'http://[::1]:4000/',
      '127.0.0.2:4000',
      'http://127.1.2.3/',
    ]) {
      expect(parseAccount(bad), bad).to.equal(undefined);
    }
  });

  it('asks WebFinger where a handle lives, then NodeInfo what it runs, without credentials', async () => {
    const { fetcher, seen } = network({
      'https://example.com/.well-known/webfinger?resource=acct%3Ame%40example.com': {
        subject: 'acct:me@example.com',
        links: [{ rel: 'self', type: 'application/activity+json', href: 'https://social.example.com/users/me' }],
      },
      ...nodeinfo('social.example.com', 'Mastodon'),
    });
    const target = await discover({ host: 'example.com', user: 'me' }, fetcher);
    expect(target).to.deep.equal({ origin: 'https://social.example.com', path: '/share', param: 'text' });
    expect(seen.map((s) => s.url)).to.deep.equal([
      'https://example.com/.well-known/webfinger?resource=acct%3Ame%40example.com',
      'https://social.example.com/.well-known/nodeinfo',
      'https://social.example.com/nodeinfo/2.0',
    ]);
    for (const s of seen) expect(s.init.credentials).to.equal('omit');
  });

  it('knows the share pages of Misskey, Firefish, Friendica and Hubzilla', async () => {
    const expectations: [string, object][] = [
      ['misskey', { path: '/share', param: 'text', urlParam: 'url' }],
      ['firefish', { path: '/share', param: 'text', urlParam: 'url' }],
      ['friendica', { path: '/compose', param: 'body', titleParam: 'title' }],
      ['hubzilla', { path: '/rpost', param: 'body', titleParam: 'title' }],
    ];
    for (const [name, shape] of expectations) {
      const { fetcher } = network(nodeinfo('fedi.example', name));
      expect(await discover({ host: 'fedi.example' }, fetcher), name).to.deep.equal({ origin: 'https://fedi.example', ...shape });
    }
  });

  it('falls back to /share?text= when WebFinger, NodeInfo or the software name fails', async () => {
    expect(await discover({ host: 'down.example', user: 'me' }, network({}).fetcher)).to.deep.equal(
      fallbackTarget('down.example'),
    );
    const unknown = network(nodeinfo('odd.example', 'SomethingNew')).fetcher;
    expect(await discover({ host: 'odd.example' }, unknown)).to.deep.equal({
      origin: 'https://odd.example',
      path: '/share',
      param: 'text',
    });
    const throwing: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await discover({ host: 'x.example', user: 'me' }, throwing)).to.deep.equal(fallbackTarget('x.example'));
  });

  it('ignores a WebFinger self link or NodeInfo link that points to plain http on a public host', async () => {
    const { fetcher, seen } = network({
      'https://a.example/.well-known/webfinger?resource=acct%3Ame%40a.example': {
        links: [{ rel: 'self', type: 'application/activity+json', href: 'http://evil.example/users/me' }],
      },
      'https://a.example/.well-known/nodeinfo': {
        links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: 'javascript:alert(1)' }],
      },
    });
    expect(await discover({ host: 'a.example', user: 'me' }, fetcher)).to.deep.equal(fallbackTarget('a.example'));
    expect(seen.every((s) => s.url.startsWith('https://a.example/'))).to.equal(true);
    expect(await softwareName('a.example', fetcher)).to.equal(undefined);
  });

  it('remembers the choice locally and refuses a tampered record', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(recall(storage)).to.equal(undefined);
    const value = { input: '@me@example.social', target: { origin: 'https://example.social', path: '/share', param: 'text' } };
    remember(value, storage);
    expect(recall(storage)).to.deep.equal(value);
    store.set('parley-fediverse', JSON.stringify({ ...value, target: { ...value.target, origin: 'javascript:alert(1)//' } }));
    expect(recall(storage)).to.equal(undefined);
    store.set('parley-fediverse', JSON.stringify({ ...value, target: { ...value.target, path: '//evil.example/x' } }));
    expect(recall(storage)).to.equal(undefined);
    // Only the share pages the lookup knows: another path or parameter on a real server is refused too.
    store.set('parley-fediverse', JSON.stringify({ ...value, target: { ...value.target, param: 'text', path: '/logout' } }));
    expect(recall(storage)).to.equal(undefined);
    const misskey = {
      input: 'misskey.example',
      target: { origin: 'https://misskey.example', path: '/share', param: 'text', urlParam: 'url' },
    };
    remember(misskey, storage);
    expect(recall(storage)).to.deep.equal(misskey);
    store.set('parley-fediverse', '{not json');
    expect(recall(storage)).to.equal(undefined);
  });
});
