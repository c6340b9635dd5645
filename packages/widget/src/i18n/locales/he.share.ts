import type { TermsWith } from '../en.js';

/** Hebrew terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `he.fediverse.ts`, the thread's in `he.ts`. */
export const terms: TermsWith<'one' | 'two'> = {
  'count.comments': { one: 'תגובה אחת', two: '{n} תגובות', other: '{n} תגובות' },
  'share.label': 'שיתוף',
  'share.copy': 'העתקת קישור',
  'share.copied': 'הקישור הועתק',
  'share.copyFailed': 'ההעתקה נכשלה; יש לסמן את הקישור ולהעתיק אותו',
  'share.native': 'שיתוף…',
  'share.email': 'דוא״ל',
  'share.print': 'הדפסה',
  'share.on': 'שיתוף ב־{service}',
  'share.count': { one: 'שיתוף אחד', two: '{n} שיתופים', other: '{n} שיתופים' },
  'share.newWindow': 'נפתח בחלון חדש',
  'share.fediverse': 'Mastodon',
};
