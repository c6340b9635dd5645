import { normaliseBody } from './comment-input.js';
import type { Caller, CommentService } from './comments.js';
import { prefixHash } from './identity.js';
import { renderMarkdown } from './markdown.js';
import { enforceRate, type RateWindow } from './rate-limit.js';
import { settingsOf } from './sites.js';

/**
 * Previews are cheap but not free (markdown-it and sanitize-html on up to the site's maximum
 * length), so each visitor (IP prefix) gets a generous 30 a minute per site: far more than anyone
 * clicks "Preview", far fewer than a script using the server as a free renderer would send.
 */
export const PREVIEW_RATE: RateWindow[] = [{ limit: 30, spanMs: 60_000 }];

/** What `POST /api/v1/preview` is asked. */
export interface PreviewInput {
  site: string;
  /** The page the comment is for; rendering does not depend on it. */
  page?: string | undefined;
  body: string;
}

/**
 * The HTML a comment with this body would get if it were posted now: the same site check
 * (`404 site-not-found`, `403 origin-not-allowed`), body rule (`normaliseBody`, as an edit's) and
 * renderer (`renderMarkdown`: markdown-it with raw HTML off, then sanitize-html) as a post, so the
 * preview shows what readers will see. Nothing is stored but the rate event (see {@link PREVIEW_RATE}).
 */
export async function previewComment(service: CommentService, input: PreviewInput, caller: Caller, now: number): Promise<string> {
  const site = await service.site(input.site);
  service.assertOrigin(site, caller);
  const subject = prefixHash(await service.storage.secret(), 'preview', caller.ip);
  if (subject) await enforceRate(service.storage, site.id, subject, PREVIEW_RATE, now, 'Too many previews; please wait a moment');
  return renderMarkdown(normaliseBody(input.body, settingsOf(site).maxLength));
}
