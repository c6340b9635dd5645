import type { Terms } from '../en.js';

/** German terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `de.fediverse.ts`, the thread's in `de.ts`. */
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
};
