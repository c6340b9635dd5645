/**
 * Configuration that the script tag carries (`data-site`, `data-lang`, `data-theme`,
 * `data-page`, `data-api`), read when the first element asks for it. Element attributes
 * override it.
 */
export interface EmbedConfig {
  /** Where the API lives: `data-api`, else the folder the script came from, never the page's. */
  apiBase: string;
  site?: string;
  lang?: string;
  theme?: string;
  page?: string;
}

/**
 * Where the classic loader (`embed.js`) leaves the page's Parley `<script>` element for the
 * module code it imports: a module has no `document.currentScript`. A registry symbol, so no page
 * global is claimed; the first loader to run sets it, to the first Parley tag in document order
 * (embed-loader.ts).
 */
export const EMBED_SCRIPT = Symbol.for('parley.embed-script');

let config: EmbedConfig | undefined;

/** Records the embed configuration (for bundler users without a script tag); the first call wins. */
export function setEmbedConfig(value: EmbedConfig): void {
  config ??= value;
}

/** The embed configuration, if a script tag or {@link setEmbedConfig} provided one. */
export function embedConfig(): EmbedConfig | undefined {
  if (!config) {
    const script = (globalThis as Record<symbol, unknown>)[EMBED_SCRIPT];
    if (script instanceof HTMLScriptElement && script.src) config = configFromScript(script);
  }
  return config;
}

/**
 * Derives the configuration from a script element's `src` and `data-*` attributes. The API base
 * is `data-api` when given (files copied to a static host or CDN), else the folder holding the
 * script: `https://c.example.com/embed.js` → `https://c.example.com`.
 */
export function configFromScript(script: HTMLScriptElement): EmbedConfig {
  const d = script.dataset;
  // `script.src` is already absolute (the property resolves the attribute).
  const base = new URL(d.api || '.', d.api ? document.baseURI : script.src).href;
  const config: EmbedConfig = { apiBase: base.replace(/\/$/, '') };
  // Only the attributes given, and only when not empty (an empty one means "not set").
  for (const key of ['site', 'lang', 'theme', 'page'] as const) if (d[key]) config[key] = d[key];
  return config;
}

/** A page key from a URL: absolute, without query and fragment. */
export function pageKeyFromUrl(href: string): string {
  // In a serialised URL the first `?` or `#` starts the query or fragment.
  return new URL(href, document.baseURI).href.replace(/[?#].*/, '');
}

/** The thread key for this page: the canonical URL without query and fragment. */
export function defaultPageKey(): string {
  return pageKeyFromUrl(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href);
}
