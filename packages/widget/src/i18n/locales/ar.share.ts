import type { TermsWith } from '../en.js';

/** Arabic terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `ar.fediverse.ts`, the thread's in `ar.ts`. */
export const terms: TermsWith<'zero' | 'one' | 'two' | 'few' | 'many'> = {
  'count.comments': {
    zero: 'لا تعليقات',
    one: 'تعليق واحد',
    two: 'تعليقان',
    few: '{n} تعليقات',
    many: '{n} تعليقًا',
    other: '{n} تعليق',
  },
  'share.label': 'مشاركة',
  'share.copy': 'نسخ الرابط',
  'share.copied': 'نُسخ الرابط',
  'share.copyFailed': 'تعذّر النسخ؛ حدّد الرابط وانسخه بنفسك',
  'share.native': 'مشاركة…',
  'share.email': 'البريد الإلكتروني',
  'share.print': 'طباعة',
  'share.on': 'مشاركة على {service}',
  'share.count': {
    zero: 'لا مشاركات',
    one: 'مشاركة واحدة',
    two: 'مشاركتان',
    few: '{n} مشاركات',
    many: '{n} مشاركة',
    other: '{n} مشاركة',
  },
  'share.newWindow': 'يُفتح في نافذة جديدة',
  'share.fediverse': 'Mastodon',
};
