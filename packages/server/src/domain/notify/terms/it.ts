import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Italian.
 */
export const it: TermsWith<'one' | 'many'> = {
  mail: {
    replySubject: 'Nuova risposta al tuo commento su {page}',
    replyIntro: '{name} ha risposto al tuo commento su {page}:',
    threadSubject: 'Nuovo commento su {page}',
    threadIntro: '{name} ha commentato {page}:',
    view: 'Leggi la discussione',
    unsubscribe: 'Non ricevere più queste e-mail',
    confirmSubject: 'Conferma le e-mail sui commenti di {site}',
    confirmIntro:
      'Qualcuno, speriamo tu, ha chiesto e-mail sui nuovi commenti di {site} per questo indirizzo. Conferma per riceverle:',
    confirmAction: 'Conferma',
    confirmIgnore: 'Se non sei stato tu, ignora questa e-mail: non verrà inviato altro.',
    someone: 'Qualcuno',
  },
  moderator: {
    heldSubject: 'Commento in attesa di moderazione su {page}',
    digestSubject: {
      one: '{n} commento in attesa di moderazione su {site}',
      many: '{n} di commenti in attesa di moderazione su {site}',
      other: '{n} commenti in attesa di moderazione su {site}',
    },
    heldOn: '{name} su {page}:',
    approve: 'Approva',
    reject: 'Rifiuta',
    expiry: {
      one: 'I link per approvare e rifiutare scadono tra {n} ora e chiedono conferma prima di agire.',
      many: 'I link per approvare e rifiutare scadono tra {n} di ore e chiedono conferma prima di agire.',
      other: 'I link per approvare e rifiutare scadono tra {n} ore e chiedono conferma prima di agire.',
    },
    stopMail: 'Non ricevere più e-mail di moderazione per {site}',
  },
  page: {
    confirmTitle: 'Conferma le e-mail',
    confirmAsk: 'Confermi che questo indirizzo deve ricevere le e-mail richieste?',
    confirmButton: 'Conferma',
    confirmDone: 'Confermato. Riceverai e-mail sui nuovi commenti.',
    unsubscribeTitle: 'Annulla iscrizione',
    unsubscribeAsk: 'Non ricevere più queste e-mail?',
    unsubscribeButton: 'Annulla iscrizione',
    unsubscribeDone: 'Fatto. Non riceverai più queste e-mail.',
    site: 'E-mail sui commenti di {site}',
    moderateTitle: 'Modera un commento',
    moderateWrote: '{name} ha scritto su {page}:',
    moderateChanged:
      'Questo commento è stato modificato dopo l’apertura di questa pagina, quindi non è stato fatto nulla. Ecco cosa dice ora:',
    approve: 'Approva',
    reject: 'Rifiuta',
    approved: 'Approvato: il commento ora è visibile.',
    rejected: 'Rifiutato: il commento resta nascosto.',
    someone: 'Qualcuno',
    invalidTitle: 'Link non valido',
    linkInvalid: 'Questo link non è valido o è scaduto.',
    notHeld: 'Questo commento non è più in attesa di moderazione.',
  },
};
