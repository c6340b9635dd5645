import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Dutch.
 */
export const nl: TermsWith<'one'> = {
  mail: {
    replySubject: 'Nieuwe reactie op je opmerking bij {page}',
    replyIntro: '{name} reageerde op je opmerking bij {page}:',
    threadSubject: 'Nieuwe reactie bij {page}',
    threadIntro: '{name} reageerde bij {page}:',
    view: 'Lees de discussie',
    unsubscribe: 'Geen e-mails meer hierover',
    confirmSubject: 'Bevestig e-mails over reacties op {site}',
    confirmIntro:
      'Iemand, hopelijk jij, vroeg voor dit adres e-mails over nieuwe reacties op {site}. Bevestig om ze te ontvangen:',
    confirmAction: 'Bevestigen',
    confirmIgnore: 'Was jij dit niet, negeer deze e-mail dan: er wordt niets meer verstuurd.',
    someone: 'Iemand',
  },
  moderator: {
    heldSubject: 'Reactie bij {page} wacht op moderatie',
    digestSubject: {
      one: '{n} reactie op {site} wacht op moderatie',
      other: '{n} reacties op {site} wachten op moderatie',
    },
    heldOn: '{name} bij {page}:',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    expiry: {
      one: 'De links om goed te keuren of af te wijzen verlopen na {n} uur en vragen nog één keer om bevestiging.',
      other: 'De links om goed te keuren of af te wijzen verlopen na {n} uur en vragen nog één keer om bevestiging.',
    },
    stopMail: 'Geen moderatie-e-mails meer voor {site}',
  },
  page: {
    confirmTitle: 'E-mails bevestigen',
    confirmAsk: 'Bevestigen dat dit adres de gevraagde e-mails moet krijgen?',
    confirmButton: 'Bevestigen',
    confirmDone: 'Bevestigd. Je krijgt e-mails over nieuwe reacties.',
    unsubscribeTitle: 'Afmelden',
    unsubscribeAsk: 'Deze e-mails niet meer ontvangen?',
    unsubscribeButton: 'Afmelden',
    unsubscribeDone: 'Klaar. Je krijgt deze e-mails niet meer.',
    site: 'E-mails over reacties op {site}',
    moderateTitle: 'Een reactie modereren',
    moderateWrote: '{name} schreef bij {page}:',
    moderateChanged: 'Deze reactie is gewijzigd nadat deze pagina werd geopend, dus er is niets gedaan. Zo luidt ze nu:',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    approved: 'Goedgekeurd: de reactie is nu zichtbaar.',
    rejected: 'Afgewezen: de reactie blijft verborgen.',
    someone: 'Iemand',
    invalidTitle: 'Ongeldige link',
    linkInvalid: 'Deze link is ongeldig of verlopen.',
    notHeld: 'Deze reactie wacht niet meer op moderatie.',
  },
};
