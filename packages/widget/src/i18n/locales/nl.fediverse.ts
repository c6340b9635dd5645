import type { Terms } from '../en.js';

/** Dutch terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Delen op Mastodon of een andere fediverse-server',
  'share.fediverse.field': 'Je handle of server',
  'share.fediverse.hint': 'Bijvoorbeeld @jij@mastodon.social of mastodon.social',
  'share.fediverse.submit': 'Delen',
  'share.fediverse.cancel': 'Annuleren',
  'share.fediverse.empty': 'Niets om te delen: open deze pagina via de deelknop van een artikel.',
  'share.fediverse.invalid': 'Vul een handle in zoals @jij@example.social of een server zoals example.social',
  'share.fediverse.looking': '{server} opzoeken…',
};
