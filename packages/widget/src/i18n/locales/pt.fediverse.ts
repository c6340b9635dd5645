import type { Terms } from '../en.js';

/** Portuguese terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Partilhar no Mastodon ou noutro servidor do fediverso',
  'share.fediverse.field': 'O seu identificador ou servidor',
  'share.fediverse.hint': 'Por exemplo @voce@mastodon.social ou mastodon.social',
  'share.fediverse.submit': 'Partilhar',
  'share.fediverse.cancel': 'Cancelar',
  'share.fediverse.empty': 'Nada para partilhar: abra esta página a partir do botão de partilha de um artigo.',
  'share.fediverse.invalid': 'Escreva um identificador como @voce@example.social ou um servidor como example.social',
  'share.fediverse.looking': 'A procurar {server}…',
};
