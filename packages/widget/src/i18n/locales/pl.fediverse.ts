import type { Terms } from '../en.js';

/** Polish terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Udostępnij na Mastodonie lub innym serwerze fediwersum',
  'share.fediverse.field': 'Twój identyfikator lub serwer',
  'share.fediverse.hint': 'Na przykład @ty@mastodon.social lub mastodon.social',
  'share.fediverse.submit': 'Udostępnij',
  'share.fediverse.cancel': 'Anuluj',
  'share.fediverse.empty': 'Nie ma nic do udostępnienia: otwórz tę stronę przyciskiem udostępniania artykułu.',
  'share.fediverse.invalid': 'Wpisz identyfikator, np. @ty@example.social, lub serwer, np. example.social',
  'share.fediverse.looking': 'Wyszukiwanie {server}…',
};
