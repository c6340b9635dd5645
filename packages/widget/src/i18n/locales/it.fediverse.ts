import type { Terms } from '../en.js';

/** Italian terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Condividi su Mastodon o un altro server del fediverso',
  'share.fediverse.field': 'Il tuo handle o server',
  'share.fediverse.hint': 'Ad esempio @tu@mastodon.social o mastodon.social',
  'share.fediverse.submit': 'Condividi',
  'share.fediverse.cancel': 'Annulla',
  'share.fediverse.empty': 'Niente da condividere: apri questa pagina dal pulsante di condivisione di un articolo.',
  'share.fediverse.invalid': 'Inserisci un handle come @tu@example.social o un server come example.social',
  'share.fediverse.looking': 'Ricerca di {server}…',
};
