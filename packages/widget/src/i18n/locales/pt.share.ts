import type { Terms } from '../en.js';

/** Portuguese terms of the share bar and the comment count (the first load); the rest are in `pt.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} comentário', other: '{n} comentários' },
  'share.label': 'Partilhar',
  'share.copy': 'Copiar ligação',
  'share.copied': 'Ligação copiada',
  'share.copyFailed': 'Não foi possível copiar; selecione a ligação e copie-a',
  'share.native': 'Partilhar…',
  'share.email': 'E-mail',
  'share.print': 'Imprimir',
  'share.on': 'Partilhar no {service}',
  'share.count': { one: '{n} partilha', other: '{n} partilhas' },
  'share.newWindow': 'abre numa nova janela',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Partilhar no Mastodon ou noutro servidor do fediverso',
  'share.fediverse.field': 'O seu identificador ou servidor',
  'share.fediverse.hint': 'Por exemplo @voce@mastodon.social ou mastodon.social',
  'share.fediverse.submit': 'Partilhar',
  'share.fediverse.cancel': 'Cancelar',
  'share.fediverse.invalid': 'Escreva um identificador como @voce@example.social ou um servidor como example.social',
  'share.fediverse.looking': 'A procurar {server}…',
  'share.fediverse.open': 'Abrir a página de partilha em {server}',
};
