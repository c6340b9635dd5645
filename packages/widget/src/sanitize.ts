/**
 * The client-side allowlist sanitiser. Comment HTML was already sanitised by the server; it is
 * treated as untrusted a second time, since the widget must stay safe even against a server
 * that was misconfigured or compromised. The HTML is parsed in an inert <template> (no script
 * runs, no resource loads), then rebuilt keeping only allowed elements and attributes.
 */
import { inertHTML } from './trusted-types.js';

const ALLOWED = new Set(['P', 'BR', 'EM', 'STRONG', 'S', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A']);
// Dropped with everything inside them; other unknown elements are unwrapped to their text.
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'FORM',
  'BASE',
  'META',
  'LINK',
  'TEMPLATE',
  'SVG',
  'MATH',
  'NOSCRIPT',
  'NOEMBED',
  'NOFRAMES',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'INPUT',
  'TITLE',
  'XMP',
  'PLAINTEXT',
  'APPLET',
  'PORTAL',
  'VIDEO',
  'AUDIO',
  'IMG',
  'IMAGE',
  'PICTURE',
  'SOURCE',
  'CANVAS',
  'DIALOG',
  'HEAD',
]);
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The `rel` every comment link carries. */
export const LINK_REL = 'nofollow ugc noopener noreferrer';

/** A URL is kept only if it is absolute with an http, https or mailto scheme. */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `html` inertly and returns a fragment holding only allowlisted markup. */
export function sanitize(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = inertHTML(html);
  const out = document.createDocumentFragment();
  copyChildren(template.content, out);
  return out;
}

function copyChildren(from: Node, to: Node): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent ?? ''));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
      if (!ALLOWED.has(tag)) {
        copyChildren(el, to);
        continue;
      }
      const clean = document.createElement(tag.toLowerCase());
      if (tag === 'A') {
        const href = safeUrl(el.getAttribute('href'));
        if (href) clean.setAttribute('href', href);
        clean.setAttribute('rel', LINK_REL);
        clean.setAttribute('target', '_blank');
      } else if (tag === 'OL') {
        const start = el.getAttribute('start');
        if (start && /^\d{1,6}$/.test(start)) clean.setAttribute('start', start);
      }
      copyChildren(el, clean);
      to.appendChild(clean);
    }
    // Comments, processing instructions and anything else are dropped.
  }
}
