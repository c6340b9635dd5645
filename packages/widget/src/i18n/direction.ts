/**
 * Which way a Parley element's text runs. A module of its own, imported by the share bar (in the
 * first-load chunk) without the language matching, which it loads only for pages not in English.
 */
/** Whether a table's language (its name, as `tableLanguage` gives it) is written right to left. */
export const rightToLeft = (lang: string | undefined): boolean => lang === 'ar' || lang === 'he';

/**
 * The `dir` of a Parley element's content: the element's own `dir` (`ltr` or `rtl`) wins; else
 * `rtl` when its language (a table's name) is written right to left, whatever the page's
 * direction; else undefined, and the content inherits the page's direction (an ancestor's
 * `dir="rtl"` holds). docs/embedding.md, "Right to left".
 */
export const direction = (el: HTMLElement, lang: string | undefined): 'ltr' | 'rtl' | undefined =>
  el.dir === 'ltr' || el.dir === 'rtl' ? el.dir : rightToLeft(lang) ? 'rtl' : undefined;
