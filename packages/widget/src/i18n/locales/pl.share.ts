import type { Terms } from '../en.js';

/** Polish terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `pl.fediverse.ts`, the thread's in `pl.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} komentarz', few: '{n} komentarze', many: '{n} komentarzy', other: '{n} komentarza' },
  'share.label': 'Udostępnij',
  'share.copy': 'Kopiuj link',
  'share.copied': 'Link skopiowany',
  'share.copyFailed': 'Nie udało się skopiować; zaznacz link i skopiuj go samodzielnie',
  'share.native': 'Udostępnij…',
  'share.email': 'E-mail',
  'share.print': 'Drukuj',
  'share.on': 'Udostępnij w {service}',
  'share.count': { one: '{n} udostępnienie', few: '{n} udostępnienia', many: '{n} udostępnień', other: '{n} udostępnienia' },
  'share.newWindow': 'otwiera się w nowym oknie',
  'share.fediverse': 'Mastodon',
};
