import { embedConfig } from '../config.js';
import type { Term, TermKey, Terms } from './en.js';
import { loadTable, type TableLoader, tableLanguage } from './language-tag.js';

export { direction } from './direction.js';

// `Translator` and the English table live in translator.ts: only the comment thread needs them,
// so they travel with its chunk rather than in the first-load chunk with these loaders.
export type { Term, TermKey, Terms };

/**
 * Locale tables other than English, each language in two modules so the script-tag build loads
 * only what a page needs: `<lang>.share.ts` here (the share bar's and the count's terms, wanted
 * on first load) and `<lang>.ts` (the comment thread's), whose loaders sit in translator.ts so
 * that they travel with the thread's chunk. Add a locale here, there and in `locales/`.
 */
const LOADERS: Record<string, TableLoader> = {
  ar: () => import('./locales/ar.share.js'),
  de: () => import('./locales/de.share.js'),
  es: () => import('./locales/es.share.js'),
  fr: () => import('./locales/fr.share.js'),
  he: () => import('./locales/he.share.js'),
  it: () => import('./locales/it.share.js'),
  ja: () => import('./locales/ja.share.js'),
  nl: () => import('./locales/nl.share.js'),
  pl: () => import('./locales/pl.share.js'),
  pt: () => import('./locales/pt.share.js'),
  ru: () => import('./locales/ru.share.js'),
  uk: () => import('./locales/uk.share.js'),
  zh: () => import('./locales/zh.share.js'),
  'zh-Hant': () => import('./locales/zh-Hant.share.js'),
};

/** Languages with a table, English included. */
export function supportedLanguages(): string[] {
  return ['en', ...Object.keys(LOADERS)];
}

/**
 * The language to use: the element's own `lang` attribute, then the script tag's `data-lang`,
 * then the nearest `lang` up the tree (usually `<html lang>`), then the browser's languages, then
 * English (docs/embedding.md). Each candidate is matched by its full tag, then its language and
 * script (`zh-TW` → `zh-Hant`), then its language (`de-AT` → `de`): see `tableLanguage`. Every
 * element resolves with this, so all of them read a tag the same way.
 */
export function resolveLanguage(el: Element | null, preferred: readonly string[] = navigator.languages ?? []): string {
  const supported = supportedLanguages();
  for (const raw of [el?.getAttribute('lang'), embedConfig()?.lang, el?.closest<HTMLElement>('[lang]')?.lang, ...preferred]) {
    // Absent candidates are skipped: Intl.Locale would throw on an empty tag at every count's update.
    const lang = raw && tableLanguage(raw, supported);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * Loads the share bar and count terms for a language tag (`de-AT` gets `de`'s, see `loadTable`);
 * unknown languages and load failures give English.
 */
export async function loadTerms(lang: string): Promise<Terms> {
  return (await loadTable(LOADERS, lang)) ?? {};
}
