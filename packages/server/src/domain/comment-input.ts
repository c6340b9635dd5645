import type { Commenter, ModerationStorage } from '../storage/moderation-storage.js';
import type { CommentRecord, NewComment, Site } from '../storage/types.js';
import type { NewCommentInput } from './comment-types.js';
import { invalid } from './problem.js';
import { settingsOf, urlOnSite } from './sites.js';
import { charLength, cleanLine, cleanMultiline, FieldErrors, httpUrl, isEmail } from './text.js';

/** Every untrusted field of a new comment, normalised and checked in one place. */
export function normaliseComment(input: NewCommentInput, site: Site) {
  const settings = settingsOf(site);
  const errors = new FieldErrors();
  const key = cleanLine(input.page);
  if (!key || charLength(key) > 512) errors.add('page', 'must be 1-512 characters');
  let url = '';
  if (input.url) {
    const parsed = httpUrl(cleanLine(input.url));
    if (!parsed || parsed.length > 2048) errors.add('url', 'must be an http(s) URL', 'invalid-url');
    // The widget sends the page's own address, which is on an origin the site allows.
    else if (!urlOnSite(site, parsed)) errors.add('url', "must be on one of the site's origins");
    else url = parsed;
  }
  const title = cleanLine(input.title ?? '').slice(0, 300);
  const name = cleanLine(input.author?.name ?? '');
  if (charLength(name) > 80) errors.add('author.name', 'must be at most 80 characters', 'too-long', 80);
  if (!name && settings.requireName) errors.add('author.name', 'is required', 'required');
  const email = cleanLine(input.author?.email ?? '').toLowerCase();
  if (email && !isEmail(email)) errors.add('author.email', 'is not a valid e-mail address', 'invalid-email');
  if (!email && settings.requireEmail) errors.add('author.email', 'is required', 'required');
  let website: string | null = null;
  const rawSite = cleanLine(input.author?.website ?? '');
  if (rawSite) {
    website = httpUrl(rawSite) ?? null;
    if (!website) errors.add('author.website', 'must be an http(s) URL', 'invalid-url');
    else if (website.length > 300) errors.add('author.website', 'must be at most 300 characters', 'too-long', 300);
  }
  const body = cleanMultiline(input.body);
  bodyRules(errors, body, settings.maxLength);
  if (!errors.empty) throw invalid(errors.list);
  return { page: { key, url, title }, name, email: email || null, website, body };
}

/** A comment's text must hold something and at most `maxLength` characters. */
function bodyRules(errors: FieldErrors, body: string, maxLength: number): void {
  if (!body) errors.add('body', 'must not be empty', 'required');
  else if (charLength(body) > maxLength) errors.add('body', `must be at most ${maxLength} characters`, 'too-long', maxLength);
}

/** An edited body, normalised and checked as a new post's is. */
export function normaliseBody(raw: string, maxLength: number): string {
  const body = cleanMultiline(raw);
  const errors = new FieldErrors();
  bodyRules(errors, body, maxLength);
  if (!errors.empty) throw invalid(errors.list);
  return body;
}

/** Who the moderation rules know a commenter by: the e-mail they give, else their IP prefix. */
export function commenterOf(email: string | null, ipHash: string | null): Commenter | undefined {
  if (email) return { email };
  return ipHash ? { ipHash } : undefined;
}

/**
 * Whether `first` mode trusts the commenter: someone with an approved comment on the site,
 * known by the e-mail they give or, without one, by their IP prefix. Neither is proof of
 * identity; the mode is a speed bump for drive-by spam, not authentication.
 */
export async function isTrusted(moderation: ModerationStorage, siteId: string, who: Commenter | undefined): Promise<boolean> {
  return who !== undefined && moderation.hasApproved(siteId, who);
}

/** The record `insertComment` stores for `input`, as `present` needs it (the page id is not shown). */
export function recordOf(input: NewComment): CommentRecord {
  return {
    id: input.id,
    pageId: 0,
    parentId: input.parentId,
    rootId: input.rootId,
    depth: input.depth,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    authorWebsite: input.authorWebsite,
    body: input.body,
    html: input.html,
    status: input.status,
    createdAt: input.createdAt,
    editedAt: null,
    up: 0,
    down: 0,
    editTokenHash: input.editTokenHash,
    ipHash: input.ipHash,
    heldReason: input.heldReason ?? null,
    flags: 0,
  };
}
