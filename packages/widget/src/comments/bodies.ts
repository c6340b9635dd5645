import type { Comment } from '../api.js';
import { sanitize, sanitizeMany } from '../sanitize.js';

/**
 * Sanitised comment bodies, prepared in one batch when a page of comments arrives and taken
 * by the renderer; a body that was not prepared is sanitised on its own. Keyed by the HTML, so
 * any fragment for the same HTML will do.
 */
const prepared = new Map<string, DocumentFragment[]>();

/** Sanitises the bodies of `list` and its replies in one parse. */
export function prepareBodies(list: Comment[]): void {
  const htmls: string[] = [];
  const walk = (l: Comment[]) => {
    for (const c of l) {
      if (c.html) htmls.push(c.html);
      if (c.replies) walk(c.replies);
    }
  };
  walk(list);
  if (prepared.size > 20_000) prepared.clear();
  sanitizeMany(htmls).forEach((fragment, i) => {
    const html = htmls[i]!;
    const list = prepared.get(html);
    if (list) list.push(fragment);
    else prepared.set(html, [fragment]);
  });
}

/** A sanitised fragment of `html`, prepared or made now. */
export function body(html: string): DocumentFragment {
  const list = prepared.get(html);
  const fragment = list?.pop();
  if (list && !list.length) prepared.delete(html);
  return fragment ?? sanitize(html);
}
