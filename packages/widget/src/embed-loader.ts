/**
 * `embed.js`, the one classic script a publisher's page loads (`<script src=… async>`). A
 * classic script cannot `import` statically, so this stays tiny: it leaves its own element where
 * the module code finds its configuration, then imports the hashed entry module by an absolute
 * URL resolved against its own `src` (never the page's), so the chunks load from wherever
 * `embed.js` came from: the comment server, a CDN or the publisher's own static host.
 */
import { EMBED_SCRIPT } from './config.js';

/** Replaced at build time with the entry module's hashed file name (see rollup.config.mjs). */
const ENTRY = '__PARLEY_ENTRY__';

// `currentScript` is null when a tag manager evaluates the file itself; then find the tag by name.
const script = document.currentScript ?? document.querySelector('script[src*="/embed.js"]');
if (script instanceof HTMLScriptElement && script.src) {
  const slot = globalThis as Record<symbol, unknown>;
  slot[EMBED_SCRIPT] ??= script;
  import(new URL(ENTRY, script.src).href).catch((err: unknown) => console.error('Parley: could not load', err));
}
