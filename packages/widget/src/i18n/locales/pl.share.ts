import type { Terms } from '../en.js';

/** Polish terms of the share bar and the comment count (the first load); the rest are in `pl.ts`. */
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
  'share.fediverse.title': 'Udostępnij na Mastodonie lub innym serwerze fediwersum',
  'share.fediverse.field': 'Twój identyfikator lub serwer',
  'share.fediverse.hint': 'Na przykład @ty@mastodon.social lub mastodon.social',
  'share.fediverse.submit': 'Udostępnij',
  'share.fediverse.cancel': 'Anuluj',
  'share.fediverse.invalid': 'Wpisz identyfikator, np. @ty@example.social, lub serwer, np. example.social',
  'share.fediverse.looking': 'Wyszukiwanie {server}…',
  'share.fediverse.open': 'Otwórz stronę udostępniania na {server}',
};
