import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** `rel` on every link in a comment: no ranking credit, no opener access, no referrer. */
export const LINK_REL = 'nofollow ugc noopener noreferrer';

// Raw HTML off: `<b>` in a comment is shown as text, never parsed as markup.
const md = new MarkdownIt('commonmark', { html: false, linkify: true, breaks: true });
md.enable(['linkify', 'strikethrough']);
// Comments get paragraphs, emphasis, code, quotes, lists and links; no images, headings or rules.
md.disable(['image', 'heading', 'lheading', 'hr', 'html_block', 'html_inline']);
md.linkify.set({ fuzzyEmail: false });

/** The sanitiser allowlist for comment HTML; imports reuse it (`domain/import-html.ts`). */
export const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: LINK_REL } }),
  },
};

/** Renders a comment's markdown to HTML that holds only allowlisted elements and safe links. */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(md.render(body), SANITIZE).trim();
}

/** How many links the rendered HTML holds (for the `links` moderation mode). */
export function countLinks(html: string): number {
  return html.match(/<a\s/g)?.length ?? 0;
}
