import type { Terms } from '../en.js';

/** Spanish terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Compartir en Mastodon u otro servidor del fediverso',
  'share.fediverse.field': 'Tu usuario o servidor',
  'share.fediverse.hint': 'Por ejemplo @tu@mastodon.social o mastodon.social',
  'share.fediverse.submit': 'Compartir',
  'share.fediverse.cancel': 'Cancelar',
  'share.fediverse.empty': 'No hay nada que compartir: abra esta página desde el botón de compartir de un artículo.',
  'share.fediverse.invalid': 'Escribe un usuario como @tu@example.social o un servidor como example.social',
  'share.fediverse.looking': 'Buscando {server}…',
};
