/**
 * Which way a Parley element's text runs. A module of its own, imported by the share bar (in the
 * first-load chunk) without the language matching, which it loads only for pages not in English.
 */
/** Whether a table's language (its name, as `tableLanguage` gives it) is written right to left. */
export const rightToLeft = (lang: string | undefined): boolean => lang === 'ar' || lang === 'he';

/**
 * The `dir` of a Parley element's content: the element's own `dir` (`ltr` or `rtl`) wins; else
 * its language's (a table's name): `rtl` for one written right to left, `ltr` for any other,
 * whatever the page's direction. Not inherited: an English fallback on a right-to-left page (a
 * Persian one, with no Persian table) read "comment 1" and "hour ago 1". docs/embedding.md,
 * "Right to left".
 */
export const direction = (el: HTMLElement, lang: string | undefined): 'ltr' | 'rtl' =>
  el.dir === 'ltr' || el.dir === 'rtl' ? el.dir : rightToLeft(lang) ? 'rtl' : 'ltr';
