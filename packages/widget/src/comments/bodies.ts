import type { Comment } from '../api.js';
import { sanitize, sanitizeMany } from '../sanitize.js';
import type { Thread } from './thread.js';

/*
 * Each comment's sanitised body as its own `<div class="body" part="body">`, made in one batch
 * when a page of comments arrives (one inert parse for the page) and kept by comment id while
 * its HTML stays the same, in the thread's `bodies`. A node rather than a fragment: when the list
 * shifts (a new comment first, a deleted one gone), the renderer moves the same element to its
 * new place, and no body is sanitised twice. Per thread, as a node is in one place only: two
 * threads of one page sharing them took the text from each other.
 */

/**
 * A body element for server HTML, made through the sanitiser: a comment's, or the form's preview
 * (the server's rendering of the draft, shown exactly as the comment will be).
 */
export const bodyOf = (html: string, fragment = sanitize(html)): HTMLElement => {
  const div = document.createElement('div');
  div.className = 'body';
  div.setAttribute('part', 'body');
  div.append(fragment);
  return div;
};

/** Sanitises the bodies of `list` and its replies in one parse. */
export function prepareBodies(host: Thread, list: Comment[]): void {
  const made = host.bodies;
  const all: Comment[] = [];
  const walk = (l: Comment[]) => {
    for (const c of l) {
      if (c.html) all.push(c);
      if (c.replies) walk(c.replies);
    }
  };
  walk(list);
  if (made.size > 20_000) made.clear();
  sanitizeMany(all.map((c) => c.html)).forEach((fragment, i) => {
    const c = all[i]!;
    made.set(c.id, [c.html, bodyOf(c.html, fragment)]);
  });
}

/** The body element of `c`, prepared or made now. */
export function body(host: Thread, c: Comment): HTMLElement {
  let entry = host.bodies.get(c.id);
  if (entry?.[0] !== c.html) {
    entry = [c.html, bodyOf(c.html)];
    host.bodies.set(c.id, entry);
  }
  return entry[1];
}
