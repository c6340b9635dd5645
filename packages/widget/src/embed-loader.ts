/**
 * `embed.js`, the one classic script a publisher's page loads (`<script src=… async>`). A
 * classic script cannot `import` statically, so this stays tiny: it leaves the page's Parley
 * script element where the module code finds its configuration, then imports the hashed entry
 * module by an absolute URL resolved against its own `src` (never the page's), so the chunks load
 * from wherever `embed.js` came from: the comment server, a CDN or the publisher's own static host.
 */
import { EMBED_SCRIPT } from './config.js';

/** Replaced at build time with the entry module's hashed file name (see rollup.config.mjs). */
const ENTRY = '__PARLEY_ENTRY__';

// The running tag, or none when other code evaluates this file (a tag manager, a script
// optimiser): then only a tag marked `data-parley` is ours; guessing by file name picked other
// vendors' `…/embed.js` (Disqus's). An SVG <script> has no `src` property, so it is none too.
const running = document.currentScript as HTMLScriptElement | null;
const own = running?.src ? running : undefined;
const path = (s: HTMLScriptElement) => s.src.replace(/[?#].*/, '');
// Parley's tags: those marked `data-parley` and those loading this file (any query, such as
// WordPress's `?ver=`). The first in document order configures the page (docs/embedding.md), not
// whichever async tag happens to run first.
const tag = [...document.scripts].find((s) => s.src && (s.hasAttribute('data-parley') || (own && path(s) === path(own)))) ?? own;
if (tag) {
  (globalThis as Record<symbol, unknown>)[EMBED_SCRIPT] ??= tag;
  // This build's own entry: an earlier marked tag may be another build, from another folder.
  import(new URL(ENTRY, (own ?? tag).src).href).catch((err: unknown) => console.error('Parley: could not load', err));
} else console.error('Parley: add data-parley to the embed.js script tag');
