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

/**
 * Parses `html` inertly and returns a fragment holding only allowlisted markup. The tree is
 * cleaned where it was parsed (inside the template's inert document) rather than copied, which
 * halves the DOM work; nothing of it reaches a live document before it is clean.
 */
export function sanitize(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = inertHTML(html);
  clean(template.content);
  return template.content;
}

function clean(parent: Node): void {
  let node = parent.firstChild;
  while (node) {
    const next = node.nextSibling;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') el.remove();
      else if (!ALLOWED.has(tag) || el.hasAttribute('is')) {
        // Unknown elements are unwrapped: their cleaned children take their place. So are allowed
        // ones parsed with `is`: the parser fixed their "is value" for good (removing the
        // attribute keeps it), and once adopted into the page a customised built-in the page
        // defined under that name would upgrade them and run its code.
        // https://html.spec.whatwg.org/multipage/custom-elements.html#concept-element-is-value
        clean(el);
        el.replaceWith(...el.childNodes);
      } else {
        const href = tag === 'A' ? safeUrl(el.getAttribute('href')) : undefined;
        const start = tag === 'OL' ? el.getAttribute('start') : null;
        for (const name of el.getAttributeNames()) el.removeAttribute(name);
        if (tag === 'A') {
          if (href) el.setAttribute('href', href);
          el.setAttribute('rel', LINK_REL);
          el.setAttribute('target', '_blank');
        } else if (start && /^\d{1,6}$/.test(start)) el.setAttribute('start', start);
        clean(el);
      }
    } else if (node.nodeType !== Node.TEXT_NODE) {
      // Comments, processing instructions and anything else are dropped.
      node.parentNode?.removeChild(node);
    }
    node = next;
  }
}

/**
 * Sanitises many snippets with one parse, which is much cheaper than one parse each. Every
 * snippet is wrapped in its own `<template>`, whose content is parsed apart from the rest (open
 * formatting elements cannot leak into the next snippet), and tagged with a random nonce. If the
 * parsed top level is not exactly those wrappers in order (a snippet closed its wrapper, or
 * swallowed the next one as text), every snippet is parsed on its own instead.
 */
export function sanitizeMany(htmls: string[]): DocumentFragment[] {
  const nonce = Array.from(crypto.getRandomValues(new Uint32Array(2))).join('-');
  const template = document.createElement('template');
  template.innerHTML = inertHTML(htmls.map((h, i) => `<template data-k="${nonce}-${i}">${h}</template>`).join(''));
  const wrappers = Array.from(template.content.childNodes) as HTMLTemplateElement[];
  const intact =
    wrappers.length === htmls.length &&
    wrappers.every((w, i) => w.localName === 'template' && w.getAttribute('data-k') === `${nonce}-${i}`);
  if (!intact) return htmls.map(sanitize);
  return wrappers.map((w) => {
    clean(w.content);
    return w.content;
  });
}
