import type { Terms } from '../en.js';

/** Spanish terms of the share bar and the comment count (the first load); the rest are in `es.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} comentario', other: '{n} comentarios' },
  'share.label': 'Compartir',
  'share.copy': 'Copiar enlace',
  'share.copied': 'Enlace copiado',
  'share.copyFailed': 'No se pudo copiar; selecciona el enlace y cópialo tú',
  'share.native': 'Compartir…',
  'share.email': 'Correo',
  'share.print': 'Imprimir',
  'share.on': 'Compartir en {service}',
  'share.count': { one: '{n} vez compartido', other: '{n} veces compartido' },
  'share.newWindow': 'se abre en una ventana nueva',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Compartir en Mastodon u otro servidor del fediverso',
  'share.fediverse.field': 'Tu usuario o servidor',
  'share.fediverse.hint': 'Por ejemplo @tu@mastodon.social o mastodon.social',
  'share.fediverse.submit': 'Compartir',
  'share.fediverse.cancel': 'Cancelar',
  'share.fediverse.invalid': 'Escribe un usuario como @tu@example.social o un servidor como example.social',
  'share.fediverse.looking': 'Buscando {server}…',
  'share.fediverse.open': 'Abrir la página para compartir en {server}',
};
