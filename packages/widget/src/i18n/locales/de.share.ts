import type { Terms } from '../en.js';

/** German terms of the share bar and the comment count (the first load); the rest are in `de.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} Kommentar', other: '{n} Kommentare' },
  'share.label': 'Teilen',
  'share.copy': 'Link kopieren',
  'share.copied': 'Link kopiert',
  'share.copyFailed': 'Kopieren fehlgeschlagen; markieren und kopieren Sie den Link selbst',
  'share.native': 'Teilen…',
  'share.email': 'E-Mail',
  'share.print': 'Drucken',
  'share.on': 'Auf {service} teilen',
  'share.count': { one: '{n}-mal geteilt', other: '{n}-mal geteilt' },
  'share.newWindow': 'öffnet in einem neuen Fenster',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Auf Mastodon oder einem anderen Fediverse-Server teilen',
  'share.fediverse.field': 'Ihr Handle oder Server',
  'share.fediverse.hint': 'Zum Beispiel @sie@mastodon.social oder mastodon.social',
  'share.fediverse.submit': 'Teilen',
  'share.fediverse.cancel': 'Abbrechen',
  'share.fediverse.invalid': 'Geben Sie ein Handle wie @sie@example.social oder einen Server wie example.social ein',
  'share.fediverse.looking': '{server} wird gesucht…',
  'share.fediverse.open': 'Die Teilen-Seite auf {server} öffnen',
};
