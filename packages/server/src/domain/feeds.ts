import type { FeedComment, FeedStorage } from '../storage/feed-storage.js';
import type { Site } from '../storage/types.js';
import { urlOnSite } from './sites.js';

/** Entries per feed: enough for a reader polling hourly, small enough to build on every request. */
export const FEED_ENTRIES = 50;

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F) are dropped,
  // since no escape can carry them and a single one makes the whole feed unreadable.
  const allowed = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  return allowed.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Atom (RFC 4287) feeds of approved comments. Ids are tag URIs (RFC 4151) minted from the public
 * host and the site's creation date, so they stay the same when a page moves or the feed URL changes.
 */
export class FeedService {
  readonly #storage: FeedStorage;

  constructor(storage: FeedStorage) {
    this.#storage = storage;
  }

  /** The feed of a whole site, or of one page when `pageKey` is given. */
  async atom(site: Site, pageKey: string | undefined, selfUrl: string, authority: string): Promise<string> {
    // A page's URL came from its first commenter: linked only when it is on the site (`urlOnSite`).
    const comments = (await this.#storage.recentApproved(site.id, pageKey, FEED_ENTRIES)).map((c) => ({
      ...c,
      pageUrl: urlOnSite(site, c.pageUrl) ?? '',
    }));
    const tag = `tag:${authority},${new Date(site.createdAt).toISOString().slice(0, 10)}:${site.id}`;
    const first = comments[0];
    const title =
      pageKey === undefined ? `Comments on ${site.name}` : `Comments on ${first?.pageTitle || first?.pageUrl || pageKey}`;
    // The newest change among the entries; a feed with none has not changed since the site began.
    const updated = comments.length ? Math.max(...comments.map(updatedAt)) : site.createdAt;
    const feedId = pageKey === undefined ? `${tag}/comments` : `${tag}/page/${encodeURIComponent(pageKey)}`;
    const lines = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<id>${xmlEscape(feedId)}</id>`,
      `<title>${xmlEscape(title)}</title>`,
      `<updated>${iso(updated)}</updated>`,
      `<link rel="self" type="application/atom+xml" href="${xmlEscape(selfUrl)}"/>`,
      ...(pageKey !== undefined && first?.pageUrl ? [`<link rel="alternate" href="${xmlEscape(first.pageUrl)}"/>`] : []),
      '<generator>Parley</generator>',
      ...comments.map((c) => entry(c, tag)),
      '</feed>',
      '',
    ];
    return lines.join('\n');
  }
}

function entry(c: FeedComment, tag: string): string {
  const name = c.authorName || 'Anonymous';
  const where = c.pageTitle || c.pageUrl || c.pageKey;
  const parts = [
    '<entry>',
    `<id>${xmlEscape(`${tag}/comment/${c.id}`)}</id>`,
    `<title>${xmlEscape(`${name} on ${where}`)}</title>`,
    `<published>${iso(c.createdAt)}</published>`,
    `<updated>${iso(updatedAt(c))}</updated>`,
    `<author><name>${xmlEscape(name)}</name>${c.authorWebsite ? `<uri>${xmlEscape(c.authorWebsite)}</uri>` : ''}</author>`,
    ...(c.pageUrl ? [`<link rel="alternate" href="${xmlEscape(`${c.pageUrl}#comment-${c.id}`)}"/>`] : []),
    // The stored HTML passed the sanitiser; escaped once more it travels as text inside the XML.
    `<content type="html">${xmlEscape(c.html)}</content>`,
    '</entry>',
  ];
  return parts.join('');
}

function updatedAt(c: FeedComment): number {
  return c.editedAt ?? c.createdAt;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
