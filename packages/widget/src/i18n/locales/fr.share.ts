import type { Terms } from '../en.js';

/** French terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `fr.fediverse.ts`, the thread's in `fr.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} commentaire', many: '{n} de commentaires', other: '{n} commentaires' },
  'share.label': 'Partager',
  'share.copy': 'Copier le lien',
  'share.copied': 'Lien copié',
  'share.copyFailed': 'Copie impossible ; sélectionnez le lien et copiez-le vous-même',
  'share.native': 'Partager…',
  'share.email': 'E-mail',
  'share.print': 'Imprimer',
  'share.on': 'Partager sur {service}',
  'share.count': { one: '{n} partage', many: '{n} de partages', other: '{n} partages' },
  'share.newWindow': 's’ouvre dans une nouvelle fenêtre',
  'share.fediverse': 'Mastodon',
};
