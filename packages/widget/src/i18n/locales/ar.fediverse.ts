import type { Terms } from '../en.js';

// A handle begins with `@`, a neutral character: the left-to-right mark (U+200E) before it keeps
// it at the handle's start inside right-to-left text.

/** Arabic terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'المشاركة على Mastodon أو خادم آخر في الفديفيرس',
  'share.fediverse.field': 'معرّفك أو خادمك',
  'share.fediverse.hint': 'مثلًا \u200e@you@mastodon.social أو mastodon.social',
  'share.fediverse.submit': 'مشاركة',
  'share.fediverse.cancel': 'إلغاء',
  'share.fediverse.empty': 'لا شيء للمشاركة: افتح هذه الصفحة من زر المشاركة في مقال.',
  'share.fediverse.invalid': 'أدخل معرّفًا مثل \u200e@you@example.social أو خادمًا مثل example.social',
  'share.fediverse.looking': 'جارٍ البحث عن {server}…',
};
