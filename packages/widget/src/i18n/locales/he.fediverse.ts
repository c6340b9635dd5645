import type { Terms } from '../en.js';

// A handle begins with `@`, a neutral character: the left-to-right mark (U+200E) before it keeps
// it at the handle's start inside right-to-left text.

/** Hebrew terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'שיתוף ב־Mastodon או בשרת אחר בפדיברס',
  'share.fediverse.field': 'הכינוי או השרת שלך',
  'share.fediverse.hint': 'לדוגמה \u200e@you@mastodon.social או mastodon.social',
  'share.fediverse.submit': 'שיתוף',
  'share.fediverse.cancel': 'ביטול',
  'share.fediverse.empty': 'אין מה לשתף: יש לפתוח את הדף הזה מכפתור השיתוף של כתבה.',
  'share.fediverse.invalid': 'יש להזין כינוי כמו \u200e@you@example.social או שרת כמו example.social',
  'share.fediverse.looking': 'מתבצע חיפוש של {server}…',
};
