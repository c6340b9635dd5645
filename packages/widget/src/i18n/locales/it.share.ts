import type { Terms } from '../en.js';

/** Italian terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `it.fediverse.ts`, the thread's in `it.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} commento', many: '{n} di commenti', other: '{n} commenti' },
  'share.label': 'Condividi',
  'share.copy': 'Copia link',
  'share.copied': 'Link copiato',
  'share.copyFailed': 'Copia non riuscita; seleziona il link e copialo tu',
  'share.native': 'Condividi…',
  'share.email': 'E-mail',
  'share.print': 'Stampa',
  'share.on': 'Condividi su {service}',
  'share.count': { one: '{n} condivisione', many: '{n} di condivisioni', other: '{n} condivisioni' },
  'share.newWindow': 'si apre in una nuova finestra',
  'share.fediverse': 'Mastodon',
};
