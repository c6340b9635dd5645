import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in German.
 */
export const de: TermsWith<'one'> = {
  mail: {
    replySubject: 'Neue Antwort auf Ihren Kommentar zu {page}',
    replyIntro: '{name} hat auf Ihren Kommentar zu {page} geantwortet:',
    threadSubject: 'Neuer Kommentar zu {page}',
    threadIntro: '{name} hat {page} kommentiert:',
    view: 'Zur Diskussion',
    unsubscribe: 'Keine solchen E-Mails mehr',
    confirmSubject: 'E-Mails zu Kommentaren auf {site} bestätigen',
    confirmIntro:
      'Jemand, hoffentlich Sie, hat für diese Adresse E-Mails über neue Kommentare auf {site} angefordert. Bestätigen Sie, um sie zu erhalten:',
    confirmAction: 'Bestätigen',
    confirmIgnore: 'Waren Sie das nicht, ignorieren Sie diese E-Mail: Es kommt nichts weiter.',
    someone: 'Jemand',
  },
  moderator: {
    heldSubject: 'Kommentar zu {page} wartet auf Freigabe',
    digestSubject: {
      one: '{n} Kommentar auf {site} wartet auf Freigabe',
      other: '{n} Kommentare auf {site} warten auf Freigabe',
    },
    heldOn: '{name} zu {page}:',
    approve: 'Freigeben',
    reject: 'Ablehnen',
    expiry: {
      one: 'Die Links zum Freigeben und Ablehnen gelten {n} Stunde und fragen vor dem Ausführen noch einmal nach.',
      other: 'Die Links zum Freigeben und Ablehnen gelten {n} Stunden und fragen vor dem Ausführen noch einmal nach.',
    },
    stopMail: 'Keine Moderations-E-Mails mehr für {site}',
  },
  page: {
    confirmTitle: 'E-Mails bestätigen',
    confirmAsk: 'Bestätigen, dass diese Adresse die angeforderten E-Mails erhalten soll?',
    confirmButton: 'Bestätigen',
    confirmDone: 'Bestätigt. Sie erhalten E-Mails über neue Kommentare.',
    unsubscribeTitle: 'Abmelden',
    unsubscribeAsk: 'Diese E-Mails nicht mehr erhalten?',
    unsubscribeButton: 'Abmelden',
    unsubscribeDone: 'Erledigt. Sie erhalten diese E-Mails nicht mehr.',
    site: 'E-Mails zu Kommentaren auf {site}',
    moderateTitle: 'Kommentar moderieren',
    moderateWrote: '{name} schrieb zu {page}:',
    moderateChanged:
      'Dieser Kommentar wurde geändert, nachdem diese Seite geöffnet wurde; es wurde nichts getan. So lautet er jetzt:',
    approve: 'Freigeben',
    reject: 'Ablehnen',
    approved: 'Freigegeben: Der Kommentar wird jetzt angezeigt.',
    rejected: 'Abgelehnt: Der Kommentar bleibt verborgen.',
    someone: 'Jemand',
    invalidTitle: 'Link ungültig',
    linkInvalid: 'Dieser Link ist ungültig oder abgelaufen.',
    notHeld: 'Dieser Kommentar wartet nicht mehr auf Moderation.',
  },
};
