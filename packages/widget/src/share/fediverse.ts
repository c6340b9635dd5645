/**
 * Sharing to Mastodon and the rest of the fediverse without a middleman: the reader names their
 * handle or server once, the browser itself asks that server (WebFinger, then NodeInfo) which
 * software it runs, and picks that software's share page. Nothing goes through the comment
 * server, and nothing is asked before the reader submits the form.
 */
import { type FediverseTarget, inline, LIMITS, query, type ShareData } from './services.js';
import { truncate } from './text.js';

/** A validated handle or server as the reader typed it. */
export interface FediverseAccount {
  /** Host name, with a port only on loopback: `example.social`, `localhost:4000`. */
  host: string;
  /** The user part of `@user@host`, if a handle was given. */
  user?: string | undefined;
}

/** Mastodon's share page: also what Hometown, Fedibird, glitch-soc, and the Mastodon-compatible
 * front ends of Pleroma, Akkoma and GoToSocial take, and the fallback for software we do not know. */
const MASTODON = { path: '/share', param: 'text' };
const MISSKEY = { path: '/share', param: 'text', urlParam: 'url' };

/**
 * Share pages by NodeInfo software name (lower case), for the software whose page is not
 * Mastodon's (every other name, known or not, gets {@link fallbackTarget}).
 */
export const SHARE_PATHS: Record<string, Omit<FediverseTarget, 'origin'>> = {
  misskey: MISSKEY,
  calckey: MISSKEY,
  firefish: MISSKEY,
  foundkey: MISSKEY,
  sharkey: MISSKEY,
  iceshrimp: MISSKEY,
  cherrypick: MISSKEY,
  meisskey: MISSKEY,
  friendica: { path: '/compose', param: 'body', titleParam: 'title' },
  hubzilla: { path: '/rpost', param: 'body', titleParam: 'title' },
  gnusocial: { path: '/notice/new', param: 'status_textarea' },
};

/**
 * This machine, with an optional port: the only place plain http and ports are allowed. Exactly
 * the two names the share page's CSP lets it connect to over http (`http/routes/share-page.ts`):
 * CSP host sources cannot name an IPv6 literal, so `[::1]` or `127.0.0.2` would pass here only
 * to be blocked at lookup.
 */
const LOOPBACK = /^(localhost|127\.0\.0\.1)(:\d{1,5})?$/;
/** A public host name in ASCII: labels of 1-63 letters, digits and inner hyphens, a letter or IDN TLD. */
const PUBLIC_HOST = /^((?!-)[a-z0-9-]{1,63}(?<!-)\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** `https://host`, or `http://host` on loopback. */
export function originOf(host: string): string {
  return `${LOOPBACK.test(host) ? 'http' : 'https'}://${host}`;
}

/**
 * Parses what the reader typed: `@user@host`, `user@host`, `host` or `https://host/`. Only host
 * names are accepted (no paths, queries or credentials; IDN as punycode); http and ports only
 * for loopback.
 */
export function parseAccount(input: string): FediverseAccount | undefined {
  const [, user, scheme, host = '', slash] =
    /^(?:@?([\w.-]{1,64})@|(https?):\/\/)?([^/@]+)(\/?)$/.exec(input.trim().toLowerCase()) ?? [];
  // A trailing slash only after a scheme; plain http and ports only for loopback.
  if (slash && !scheme) return undefined;
  if (LOOPBACK.test(host)) return { host, user };
  if (scheme === 'http' || !/^[\p{L}\p{N}.-]{1,253}$/u.test(host)) return undefined;
  try {
    const ascii = new URL(`https://${host}`).hostname;
    return PUBLIC_HOST.test(ascii) ? { host: ascii, user } : undefined;
  } catch {
    return undefined;
  }
}

/** The host a link names, if it is one we would talk to (https, or http on loopback). */
function hostOf(href: unknown): string | undefined {
  try {
    // A URL's origin is `https://host`, which parseAccount takes on the same terms as typed input.
    return parseAccount(new URL(href as string).origin)?.host;
  } catch {
    return undefined;
  }
}

/** What the lookup may use to fetch; the browser's `fetch` unless a test passes its own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

type Links = { links?: { rel?: unknown; href?: unknown; type?: unknown }[] };

/** A JSON document fetched without cookies or referrer, given 5 s; an error status gives an empty object. */
async function getJson(fetcher: Fetch, url: string): Promise<Links> {
  const res = await fetcher(url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  return res.ok ? res.json() : {};
}

/** The NodeInfo software name of a server (lower case), or undefined. */
export async function softwareName(host: string, fetcher: Fetch = fetch): Promise<string | undefined> {
  try {
    const index = await getJson(fetcher, `${originOf(host)}/.well-known/nodeinfo`);
    const href = index.links?.find((l) =>
      /^https?:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.[01]$/.test(String(l.rel)),
    )?.href;
    if (!hostOf(href)) return undefined;
    const name = ((await getJson(fetcher, href as string)) as { software?: { name?: unknown } }).software?.name;
    return typeof name === 'string' ? name.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** `https://HOST/share?text=`: what a server we could not identify most likely takes. */
export function fallbackTarget(host: string): FediverseTarget {
  return { origin: originOf(host), ...MASTODON };
}

/**
 * Looks up how the reader's server takes shares; never throws (falls back instead). For a handle,
 * WebFinger first: its `self` link may name another host than the handle (`@me@example.com`
 * served from `social.example.com`).
 */
export async function discover(account: FediverseAccount, fetcher: Fetch = fetch): Promise<FediverseTarget> {
  let host = account.host;
  if (account.user) {
    try {
      const resource = encodeURIComponent(`acct:${account.user}@${host}`);
      const jrd = await getJson(fetcher, `${originOf(host)}/.well-known/webfinger?resource=${resource}`);
      host = hostOf(jrd.links?.find((l) => l.rel === 'self' && /activity\+json/.test(String(l.type)))?.href) ?? host;
    } catch {
      // no WebFinger: the handle's own host is the best guess
    }
  }
  const known = SHARE_PATHS[(await softwareName(host, fetcher)) ?? ''];
  return known ? { origin: originOf(host), ...known } : fallbackTarget(host);
}

const KEY = 'parley-fediverse';

/** The reader's remembered choice: what they typed and where it led. */
export interface Remembered {
  input: string;
  target: FediverseTarget;
}

/**
 * The remembered choice, if any and still valid: a string input, and a target that is a server's
 * origin with one of the known share pages. Storage errors (none in a sandbox) count as none.
 */
export function recall(storage?: Pick<Storage, 'getItem'>): Remembered | undefined {
  try {
    const value = JSON.parse((storage ?? localStorage).getItem(KEY) ?? 'null') as Remembered;
    const { origin, ...page } = value.target;
    const known = [MASTODON, ...Object.values(SHARE_PATHS)].some((p) => JSON.stringify(p) === JSON.stringify(page));
    if (typeof value.input === 'string' && known && originOf(hostOf(origin) ?? '') === origin) return value;
  } catch {
    // nothing stored, not JSON, not an object, or no storage
  }
  return undefined;
}

/** Remembers the choice on this device only (localStorage); failures are ignored. */
export function remember(value: Remembered, storage?: Pick<Storage, 'setItem'>): void {
  try {
    (storage ?? localStorage).setItem(KEY, JSON.stringify(value));
  } catch {
    // private mode, a sandbox or storage full: the reader types the server again next time
  }
}

/** The share page of a fediverse server, with the text shaped to Mastodon's 500. */
export function fediverseUrl(target: FediverseTarget, d: ShareData): string {
  const text = d.text || d.title;
  const params = target.urlParam
    ? { [target.param]: truncate(text, LIMITS.mastodon.max - LIMITS.mastodon.urlCost - 1), [target.urlParam]: d.url }
    : { [target.param]: inline(text, d.url, LIMITS.mastodon) };
  if (target.titleParam) params[target.titleParam] = d.title;
  return `${target.origin}${target.path}?${query(params)}`;
}
