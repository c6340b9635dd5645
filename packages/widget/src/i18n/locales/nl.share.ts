import type { Terms } from '../en.js';

/** Dutch terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `nl.fediverse.ts`, the thread's in `nl.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} reactie', other: '{n} reacties' },
  'share.label': 'Delen',
  'share.copy': 'Link kopiëren',
  'share.copied': 'Link gekopieerd',
  'share.copyFailed': 'Kopiëren mislukt; selecteer de link en kopieer hem zelf',
  'share.native': 'Delen…',
  'share.email': 'E-mail',
  'share.print': 'Afdrukken',
  'share.on': 'Delen op {service}',
  'share.count': { one: '{n} keer gedeeld', other: '{n} keer gedeeld' },
  'share.newWindow': 'opent in een nieuw venster',
  'share.fediverse': 'Mastodon',
};
