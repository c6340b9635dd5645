/**
 * The entry module of the script-tag build, imported by `embed.js` (see `embed-loader.ts`). It
 * holds what a page shows first, the share bar and the comment counts, and defines them at once;
 * the comment thread is a separate chunk, imported when a `<parley-comments>` comes within about
 * one viewport of being visible (or at once when it has `no-lazy`). Importing it twice (the
 * script included twice) gives the same module, so nothing runs twice.
 */
import './parley-share.js';
import './parley-count.js';

const COMMENTS = 'parley-comments';

/**
 * Imports the comment thread when the first `<parley-comments>` is near the viewport, watching
 * elements that are in the page now and ones added later (SPA navigation). Once the element is
 * defined, the browser upgrades every later one by itself, so the observers stop.
 */
export function loadCommentsWhenNear(
  load: () => Promise<unknown> = () => import('./parley-comments.js'),
  tag: string = COMMENTS,
): void {
  if (customElements.get(tag)) return;
  let loading = false;
  const start = (): void => {
    if (loading) return;
    loading = true;
    near.disconnect();
    added.disconnect();
    load().catch((err: unknown) => {
      // A failed chunk (offline for a moment) is tried again on the next element or scroll.
      console.error('Parley: could not load the comment thread', err);
      loading = false;
      watch();
    });
  };
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
    rootMargin: '100% 0px',
  });
  // A permalink (#comment-<id>) must reach its comment without the reader scrolling first.
  const permalink = (): boolean => location.hash.startsWith('#comment-');
  const observe = (): void => {
    for (const el of document.querySelectorAll(tag)) {
      if (loading) return;
      if (el.hasAttribute('no-lazy') || permalink()) start();
      else near.observe(el);
    }
  };
  // Any change to the page or its address looks again: elements added later (SPA navigation) are
  // found by the same query as those already there, and watching an element twice is harmless.
  const added = new MutationObserver(observe);
  const watch = (): void => {
    added.observe(document.documentElement, { childList: true, subtree: true });
    observe();
  };
  addEventListener('hashchange', observe);
  watch();
}

loadCommentsWhenNear();
