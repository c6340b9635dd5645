import type { Terms } from '../en.js';

/** French terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Partager sur Mastodon ou un autre serveur du fédivers',
  'share.fediverse.field': 'Votre identifiant ou serveur',
  'share.fediverse.hint': 'Par exemple @vous@mastodon.social ou mastodon.social',
  'share.fediverse.submit': 'Partager',
  'share.fediverse.cancel': 'Annuler',
  'share.fediverse.empty': 'Rien à partager : ouvrez cette page depuis le bouton de partage d’un article.',
  'share.fediverse.invalid': 'Saisissez un identifiant comme @vous@example.social ou un serveur comme example.social',
  'share.fediverse.looking': 'Recherche de {server}…',
};
