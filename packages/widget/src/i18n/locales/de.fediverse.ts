import type { Terms } from '../en.js';

/** German terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Auf Mastodon oder einem anderen Fediverse-Server teilen',
  'share.fediverse.field': 'Ihr Handle oder Server',
  'share.fediverse.hint': 'Zum Beispiel @sie@mastodon.social oder mastodon.social',
  'share.fediverse.submit': 'Teilen',
  'share.fediverse.cancel': 'Abbrechen',
  'share.fediverse.empty': 'Nichts zu teilen: Öffnen Sie diese Seite über den Teilen-Knopf eines Artikels.',
  'share.fediverse.invalid': 'Geben Sie ein Handle wie @sie@example.social oder einen Server wie example.social ein',
  'share.fediverse.looking': '{server} wird gesucht…',
};
