import sanitizeHtml from 'sanitize-html';
import { SANITIZE } from './markdown.js';

/**
 * HTML bodies from other systems (Disqus, WordPress, Remark42, Commento) are untrusted markup:
 * they go through the same allowlist as rendered markdown, so an imported comment can hold
 * nothing a typed one could not. Unknown tags are dropped with their text kept (a typed
 * comment's markup is escaped instead, because there `<` was meant literally).
 */
const IMPORTED: sanitizeHtml.IOptions = {
  ...SANITIZE,
  disallowedTagsMode: 'discard',
  transformTags: {
    ...SANITIZE.transformTags,
    b: 'strong',
    i: 'em',
    strike: 's',
  },
};

const BLOCK = /<(p|blockquote|ul|ol|pre)[\s>]/i;

/**
 * WordPress and older Disqus bodies keep line breaks instead of `<p>` (WordPress adds them on
 * display, `wpautop`); without block markup, blank lines make paragraphs and single ones `<br>`.
 */
function paragraphs(html: string): string {
  if (BLOCK.test(html)) return html;
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/** Untrusted HTML from another comment system, reduced to the elements Parley shows. */
export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(paragraphs(html), IMPORTED).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A plain-text rendering of sanitised HTML, stored as the comment's `body` (its source text)
 * when the source system kept only HTML. Paragraphs become blank lines, `<br>` a line break.
 */
export function htmlToText(safeHtml: string): string {
  const marked = safeHtml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|blockquote|pre|ul|ol)>/gi, '\n\n')
    .replace(/<\/li>/gi, '\n');
  // The input is the sanitiser's own output (well-formed, `<` and `>` escaped inside text and
  // attributes), so dropping every tag with a pattern is exact here and avoids a second parse.
  const text = marked.replace(/<[^<>]*>/g, '');
  const decoded = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  // Blanks at line ends go by a loop: every pattern for them backtracks quadratically on a long
  // run of blanks without a newline (redos.test.ts).
  return decoded
    .split('\n')
    .map(trimBlanks)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function trimBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}
