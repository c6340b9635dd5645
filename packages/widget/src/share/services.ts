/**
 * Share-intent URLs, one builder per network: pure functions with no DOM, so the share bar,
 * the comment thread's per-comment share action and the unit tests all use the same code.
 * Every value is percent-encoded with `encodeURIComponent` (`%20`, never `+`).
 */
import { fitWithUrl, type Limit, truncate, xWeight } from './text.js';

/** A service the share bar knows. */
export type ServiceId =
  | 'native'
  | 'copy'
  | 'email'
  | 'print'
  | 'mastodon'
  | 'x'
  | 'facebook'
  | 'linkedin'
  | 'reddit'
  | 'hackernews'
  | 'whatsapp'
  | 'telegram'
  | 'bluesky'
  | 'threads'
  | 'pinterest';

/** Every service the share bar knows (a split string: it compresses better than an array). */
export const SERVICES =
  'native copy email print mastodon x facebook linkedin reddit hackernews whatsapp telegram bluesky threads pinterest'.split(
    ' ',
  ) as readonly ServiceId[];

/** What the bar shows when `services` is not set: native first, the open networks early. */
export const DEFAULT_SERVICES = 'native copy mastodon bluesky x facebook linkedin whatsapp reddit email'.split(
  ' ',
) as readonly ServiceId[];

/** Brand names in the order of {@link SERVICES}; the first five services are translated terms. */
const BRANDS = ',,,,,X,Facebook,LinkedIn,Reddit,Hacker News,WhatsApp,Telegram,Bluesky,Threads,Pinterest'.split(',');

/** A service's brand name, or undefined for native, copy, e-mail, print and Mastodon (translated terms). */
export function brand(service: ServiceId): string | undefined {
  return BRANDS[SERVICES.indexOf(service)] || undefined;
}

/** What is shared. `text` defaults to `title`. */
export interface ShareData {
  url: string;
  title: string;
  text?: string | undefined;
  /** An image URL, for Pinterest. */
  image?: string | undefined;
}

/** Where a fediverse server takes shares: `origin + path + '?' + param + '=' + text`. */
export interface FediverseTarget {
  /** `https://example.social` (http only for loopback). */
  origin: string;
  path: string;
  /** Query parameter that carries the post text. */
  param: string;
  /** Set where the software takes the link in its own parameter (Misskey: `url`). */
  urlParam?: string | undefined;
  /** Extra parameter for the title (Friendica, Hubzilla: `title`). */
  titleParam?: string | undefined;
}

/** Parses a `services="…"` attribute: known names only, each once, in the given order. */
export function parseServices(value: string | null | undefined): readonly ServiceId[] {
  if (!value?.trim()) return DEFAULT_SERVICES;
  return [...new Set(value.toLowerCase().split(/[\s,]+/))].filter((s): s is ServiceId => SERVICES.includes(s as ServiceId));
}

/** Replaces lone surrogates, on which `encodeURIComponent` would throw, with U+FFFD. */
export function wellFormed(text: string): string {
  // With the u flag a paired surrogate is one code point, so \p{Cs} matches only lone halves.
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** `a=1&b=2` with every value percent-encoded; empty values are left out. */
export function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(v))}`)
    .join('&');
}

/** Adds `utm_source=<service>&utm_medium=social&utm_campaign=<campaign>` to an http(s) URL. */
export function withUtm(url: string, service: string, campaign: string | undefined): string {
  if (!campaign || !/^https?:\/\//.test(url)) return url;
  const u = new URL(url);
  const p = u.searchParams;
  p.set('utm_source', service);
  p.set('utm_medium', 'social');
  p.set('utm_campaign', campaign);
  return u.href;
}

/** Limits of the networks whose text we shape. */
export const LIMITS = {
  x: { max: 280, urlCost: 23, weigh: xWeight },
  bluesky: { max: 300 },
  mastodon: { max: 500, urlCost: 23 },
  threads: { max: 500 },
} satisfies Record<string, Limit>;

/** Post text with the link inside: `text + ' ' + url`, the text cut to fit. */
export function inline(text: string, url: string, limit: Limit): string {
  const fitted = fitWithUrl(text, url, limit);
  return fitted ? `${fitted} ${url}` : url;
}

/** `mailto:` per RFC 6068: no recipient, subject and body percent-encoded, line breaks as CRLF. */
export function mailtoUrl(d: ShareData): string {
  const text = d.text || d.title;
  const body = (text ? `${text}\n\n${d.url}` : d.url).replace(/\r?\n/g, '\r\n');
  return `mailto:?${query({ subject: d.title, body })}`;
}

/**
 * The intent URL of a link service, or undefined for services that are not a link (native,
 * copy, print, and Mastodon, whose server the reader names: see `fediverseUrl` in fediverse.ts).
 */
export function shareUrl(service: ServiceId, d: ShareData): string | undefined {
  const text = d.text || d.title;
  const u = d.url;
  switch (service) {
    case 'email':
      return mailtoUrl(d);
    case 'x':
      return `https://x.com/intent/post?${query({ text: fitWithUrl(text, u, LIMITS.x), url: u })}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?${query({ u })}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?${query({ url: u })}`;
    case 'reddit':
      return `https://www.reddit.com/submit?${query({ url: u, title: truncate(d.title, 300) })}`;
    case 'hackernews':
      return `https://news.ycombinator.com/submitlink?${query({ u, t: truncate(d.title, 80) })}`;
    case 'whatsapp':
      return `https://wa.me/?${query({ text: `${text}\n${u}` })}`;
    case 'telegram':
      return `https://t.me/share/url?${query({ url: u, text })}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?${query({ text: inline(text, u, LIMITS.bluesky) })}`;
    case 'threads':
      return `https://www.threads.com/intent/post?${query({ text: fitWithUrl(text, u, LIMITS.threads), url: u })}`;
    case 'pinterest':
      return `https://www.pinterest.com/pin/create/button/?${query({ url: u, description: truncate(text, 500), media: d.image })}`;
    default:
      return undefined;
  }
}
