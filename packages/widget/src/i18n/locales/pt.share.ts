import type { Terms } from '../en.js';

/** Portuguese terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `pt.fediverse.ts`, the thread's in `pt.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} comentário', many: '{n} de comentários', other: '{n} comentários' },
  'share.label': 'Partilhar',
  'share.copy': 'Copiar ligação',
  'share.copied': 'Ligação copiada',
  'share.copyFailed': 'Não foi possível copiar; selecione a ligação e copie-a',
  'share.native': 'Partilhar…',
  'share.email': 'E-mail',
  'share.print': 'Imprimir',
  'share.on': 'Partilhar no {service}',
  'share.count': { one: '{n} partilha', many: '{n} de partilhas', other: '{n} partilhas' },
  'share.newWindow': 'abre numa nova janela',
  'share.fediverse': 'Mastodon',
};
