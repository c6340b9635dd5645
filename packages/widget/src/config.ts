/**
 * Configuration that the script tag carries (`data-site`, `data-lang`, `data-theme`,
 * `data-page`), read once when the embed script runs. Element attributes override it.
 */
export interface EmbedConfig {
  /** Where the API lives: the origin and folder of the script itself, never the page's. */
  apiBase: string;
  site?: string;
  lang?: string;
  theme?: string;
  page?: string;
}

let config: EmbedConfig | undefined;

/** Records the embed script's configuration; the first include wins. */
export function setEmbedConfig(value: EmbedConfig): void {
  config ??= value;
}

/** The embed configuration, if a script tag provided one. */
export function embedConfig(): EmbedConfig | undefined {
  return config;
}

/** Derives the configuration from a script element's `src` and `data-*` attributes. */
export function configFromScript(script: HTMLScriptElement): EmbedConfig {
  const src = new URL(script.src, document.baseURI);
  const base = src.href.replace(/\/embed(\/[^/]*)?\.js(\?.*)?$/, '').replace(/\/[^/]*\.js(\?.*)?$/, '');
  const d = script.dataset;
  return {
    apiBase: base,
    ...(d.site ? { site: d.site } : {}),
    ...(d.lang ? { lang: d.lang } : {}),
    ...(d.theme ? { theme: d.theme } : {}),
    ...(d.page ? { page: d.page } : {}),
  };
}

/** The thread key for this page: the canonical URL without query and fragment. */
export function defaultPageKey(doc: Document = document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = new URL(canonical || doc.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}
