import type { Terms } from '../en.js';

/** Italian terms of the share bar and the comment count (the first load); the rest are in `it.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} commento', other: '{n} commenti' },
  'share.label': 'Condividi',
  'share.copy': 'Copia link',
  'share.copied': 'Link copiato',
  'share.copyFailed': 'Copia non riuscita; seleziona il link e copialo tu',
  'share.native': 'Condividi…',
  'share.email': 'E-mail',
  'share.print': 'Stampa',
  'share.on': 'Condividi su {service}',
  'share.count': { one: '{n} condivisione', other: '{n} condivisioni' },
  'share.newWindow': 'si apre in una nuova finestra',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Condividi su Mastodon o un altro server del fediverso',
  'share.fediverse.field': 'Il tuo handle o server',
  'share.fediverse.hint': 'Ad esempio @tu@mastodon.social o mastodon.social',
  'share.fediverse.submit': 'Condividi',
  'share.fediverse.cancel': 'Annulla',
  'share.fediverse.invalid': 'Inserisci un handle come @tu@example.social o un server come example.social',
  'share.fediverse.looking': 'Ricerca di {server}…',
  'share.fediverse.open': 'Apri la pagina di condivisione su {server}',
};
