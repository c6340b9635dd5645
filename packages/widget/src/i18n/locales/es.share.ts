import type { Terms } from '../en.js';

/** Spanish terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `es.fediverse.ts`, the thread's in `es.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} comentario', many: '{n} de comentarios', other: '{n} comentarios' },
  'share.label': 'Compartir',
  'share.copy': 'Copiar enlace',
  'share.copied': 'Enlace copiado',
  'share.copyFailed': 'No se pudo copiar; selecciona el enlace y cópialo tú',
  'share.native': 'Compartir…',
  'share.email': 'Correo',
  'share.print': 'Imprimir',
  'share.on': 'Compartir en {service}',
  'share.count': { one: '{n} vez compartido', many: '{n} de veces compartido', other: '{n} veces compartido' },
  'share.newWindow': 'se abre en una ventana nueva',
  'share.fediverse': 'Mastodon',
};
