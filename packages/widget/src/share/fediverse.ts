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

/** Share pages by NodeInfo software name (lower case). Unknown software gets {@link fallbackTarget}. */
const MASTODON = { path: '/share', param: 'text' };
const MISSKEY = { path: '/share', param: 'text', urlParam: 'url' };
export const SHARE_PATHS: Record<string, Omit<FediverseTarget, 'origin'>> = {
  mastodon: MASTODON,
  hometown: MASTODON,
  fedibird: MASTODON,
  glitchcafe: MASTODON,
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
  // Pleroma, Akkoma and GoToSocial have no share page of their own; their Mastodon-compatible
  // front ends take /share?text=, which is also the fallback for software we do not know.
  pleroma: MASTODON,
  akkoma: MASTODON,
  gotosocial: MASTODON,
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Whether `host` (with optional port) is this machine: the only place plain http is allowed. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** `https://host`, or `http://host` on loopback. */
export function originOf(host: string): string {
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** A public host name in ASCII (IDN as punycode), or undefined: no IP literals, ports or paths. */
function hostName(raw: string): string | undefined {
  if (!/^[\p{L}\p{N}.-]+$/u.test(raw) || raw.length > 253) return undefined;
  let ascii: string;
  try {
    ascii = new URL(`https://${raw}`).hostname;
  } catch {
    return undefined;
  }
  const labels = ascii.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) {
    return undefined;
  }
  return ascii;
}

/**
 * Parses what the reader typed: `@user@host`, `user@host`, `host` or `https://host/`. Only host
 * names are accepted (no paths, queries or credentials); http and ports only for loopback.
 */
export function parseAccount(input: string): FediverseAccount | undefined {
  let s = input.trim().toLowerCase();
  let user: string | undefined;
  const handle = /^@?([a-z0-9_.-]{1,64})@([^@]+)$/.exec(s);
  if (handle) {
    user = handle[1];
    s = handle[2] ?? '';
  } else {
    const scheme = /^(https?):\/\/([^/?#]+)\/?$/.exec(s);
    if (scheme) {
      if (scheme[1] === 'http' && !isLoopback(scheme[2] ?? '')) return undefined;
      s = scheme[2] ?? '';
    }
  }
  if (isLoopback(s)) return { host: s, user };
  const host = hostName(s);
  return host ? { host, user } : undefined;
}

/** What the lookup may use to fetch; the browser's `fetch` unless a test passes its own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const INIT: RequestInit = {
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  headers: { accept: 'application/json' },
};

async function getJson(fetcher: Fetch, url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetcher(url, { ...INIT, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

type Links = { links?: { rel?: unknown; href?: unknown; type?: unknown }[] };

/** The host a URL names, if it is one we would talk to (https, or http on loopback). */
function hostOf(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const u = new URL(href);
    const host = u.host;
    if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(host))) return parseAccount(host)?.host;
  } catch {
    // not a URL: ignore it
  }
  return undefined;
}

/**
 * Where a handle's account actually lives: its WebFinger `self` link may name another host
 * than the handle (`@me@example.com` served from `social.example.com`).
 */
async function accountHost(account: FediverseAccount, fetcher: Fetch, timeoutMs: number): Promise<string> {
  if (!account.user) return account.host;
  try {
    const resource = encodeURIComponent(`acct:${account.user}@${account.host}`);
    const jrd = (await getJson(
      fetcher,
      `${originOf(account.host)}/.well-known/webfinger?resource=${resource}`,
      timeoutMs,
    )) as Links;
    const self = jrd.links?.find((l) => l.rel === 'self' && typeof l.type === 'string' && l.type.includes('activity+json'));
    return hostOf(self?.href) ?? account.host;
  } catch {
    return account.host;
  }
}

/** The NodeInfo software name of a server (lower case), or undefined. */
export async function softwareName(host: string, fetcher: Fetch = fetch, timeoutMs = 5000): Promise<string | undefined> {
  try {
    const index = (await getJson(fetcher, `${originOf(host)}/.well-known/nodeinfo`, timeoutMs)) as Links;
    const link = (index.links ?? []).find(
      (l) => typeof l.rel === 'string' && /^https?:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.[01]$/.test(l.rel),
    );
    if (!hostOf(link?.href)) return undefined;
    const info = (await getJson(fetcher, String(link?.href), timeoutMs)) as { software?: { name?: unknown } };
    const name = info.software?.name;
    return typeof name === 'string' ? name.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** `https://HOST/share?text=`: what a server we could not identify most likely takes. */
export function fallbackTarget(host: string): FediverseTarget {
  return { origin: originOf(host), ...MASTODON };
}

/** Looks up how the reader's server takes shares; never throws (falls back instead). */
export async function discover(account: FediverseAccount, fetcher: Fetch = fetch, timeoutMs = 5000): Promise<FediverseTarget> {
  const host = await accountHost(account, fetcher, timeoutMs);
  const software = await softwareName(host, fetcher, timeoutMs);
  const known = software ? SHARE_PATHS[software] : undefined;
  return known ? { origin: originOf(host), ...known } : fallbackTarget(host);
}

const KEY = 'parley-fediverse';

/** The reader's remembered choice: what they typed and where it led. */
export interface Remembered {
  input: string;
  target: FediverseTarget;
}

/** The remembered choice, if any and still valid; storage errors count as none. */
export function recall(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): Remembered | undefined {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Remembered> | null;
    const t = value?.target;
    if (!value || typeof value.input !== 'string' || !t || typeof t.path !== 'string' || typeof t.param !== 'string')
      return undefined;
    const host = hostOf(t.origin);
    if (!host || originOf(host) !== t.origin || !/^\/[a-z/_-]*$/.test(t.path)) return undefined;
    if (!/^\w+$/.test(t.param) || (t.urlParam !== undefined && !/^\w+$/.test(t.urlParam))) return undefined;
    if (t.titleParam !== undefined && !/^\w+$/.test(t.titleParam)) return undefined;
    return { input: value.input, target: t };
  } catch {
    return undefined;
  }
}

/** Remembers the choice on this device only (localStorage); failures are ignored. */
export function remember(value: Remembered, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(value));
  } catch {
    // private mode or storage full: the reader types the server again next time
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
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
