import type { Terms } from '../en.js';

/** Dutch terms of the share bar and the comment count (the first load); the rest are in `nl.ts`. */
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
  'share.fediverse.title': 'Delen op Mastodon of een andere fediverse-server',
  'share.fediverse.field': 'Je handle of server',
  'share.fediverse.hint': 'Bijvoorbeeld @jij@mastodon.social of mastodon.social',
  'share.fediverse.submit': 'Delen',
  'share.fediverse.cancel': 'Annuleren',
  'share.fediverse.invalid': 'Vul een handle in zoals @jij@example.social of een server zoals example.social',
  'share.fediverse.looking': '{server} opzoeken…',
  'share.fediverse.open': 'De deelpagina op {server} openen',
};
