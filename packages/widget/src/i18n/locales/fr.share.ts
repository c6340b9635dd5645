import type { Terms } from '../en.js';

/** French terms of the share bar and the comment count (the first load); the rest are in `fr.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} commentaire', other: '{n} commentaires' },
  'share.label': 'Partager',
  'share.copy': 'Copier le lien',
  'share.copied': 'Lien copié',
  'share.copyFailed': 'Copie impossible ; sélectionnez le lien et copiez-le vous-même',
  'share.native': 'Partager…',
  'share.email': 'E-mail',
  'share.print': 'Imprimer',
  'share.on': 'Partager sur {service}',
  'share.count': { one: '{n} partage', other: '{n} partages' },
  'share.newWindow': 's’ouvre dans une nouvelle fenêtre',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Partager sur Mastodon ou un autre serveur du fédivers',
  'share.fediverse.field': 'Votre identifiant ou serveur',
  'share.fediverse.hint': 'Par exemple @vous@mastodon.social ou mastodon.social',
  'share.fediverse.submit': 'Partager',
  'share.fediverse.cancel': 'Annuler',
  'share.fediverse.invalid': 'Saisissez un identifiant comme @vous@example.social ou un serveur comme example.social',
  'share.fediverse.looking': 'Recherche de {server}…',
  'share.fediverse.open': 'Ouvrir la page de partage sur {server}',
};
