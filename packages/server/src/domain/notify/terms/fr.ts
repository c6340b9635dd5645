import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in French.
 */
export const fr: TermsWith<'one' | 'many'> = {
  mail: {
    replySubject: 'Nouvelle réponse à votre commentaire sur {page}',
    replyIntro: '{name} a répondu à votre commentaire sur {page} :',
    threadSubject: 'Nouveau commentaire sur {page}',
    threadIntro: '{name} a commenté {page} :',
    view: 'Lire la discussion',
    unsubscribe: 'Ne plus recevoir ces e-mails',
    confirmSubject: 'Confirmez les e-mails sur les commentaires de {site}',
    confirmIntro:
      'Quelqu’un, vous peut-être, a demandé des e-mails sur les nouveaux commentaires de {site} à cette adresse. Confirmez pour les recevoir :',
    confirmAction: 'Confirmer',
    confirmIgnore: 'Si ce n’était pas vous, ignorez cet e-mail : rien d’autre ne sera envoyé.',
    someone: 'Quelqu’un',
  },
  moderator: {
    heldSubject: 'Commentaire en attente de modération sur {page}',
    digestSubject: {
      one: '{n} commentaire en attente de modération sur {site}',
      many: '{n} de commentaires en attente de modération sur {site}',
      other: '{n} commentaires en attente de modération sur {site}',
    },
    heldOn: '{name} sur {page} :',
    approve: 'Approuver',
    reject: 'Refuser',
    expiry: {
      one: 'Les liens pour approuver et refuser expirent dans {n} heure et demandent une confirmation avant d’agir.',
      many: 'Les liens pour approuver et refuser expirent dans {n} d’heures et demandent une confirmation avant d’agir.',
      other: 'Les liens pour approuver et refuser expirent dans {n} heures et demandent une confirmation avant d’agir.',
    },
    stopMail: 'Ne plus recevoir les e-mails de modération de {site}',
  },
  page: {
    confirmTitle: 'Confirmer les e-mails',
    confirmAsk: 'Confirmer que cette adresse doit recevoir les e-mails demandés ?',
    confirmButton: 'Confirmer',
    confirmDone: 'Confirmé. Vous recevrez des e-mails sur les nouveaux commentaires.',
    unsubscribeTitle: 'Se désabonner',
    unsubscribeAsk: 'Ne plus recevoir ces e-mails ?',
    unsubscribeButton: 'Se désabonner',
    unsubscribeDone: 'C’est fait. Vous ne recevrez plus ces e-mails.',
    site: 'E-mails sur les commentaires de {site}',
    moderateTitle: 'Modérer un commentaire',
    moderateWrote: '{name} a écrit sur {page} :',
    moderateChanged:
      'Ce commentaire a été modifié après l’ouverture de cette page ; rien n’a été fait. Voici ce qu’il dit maintenant :',
    approve: 'Approuver',
    reject: 'Rejeter',
    approved: 'Approuvé : le commentaire est maintenant affiché.',
    rejected: 'Rejeté : le commentaire reste masqué.',
    someone: 'Quelqu’un',
    invalidTitle: 'Lien non valide',
    linkInvalid: 'Ce lien n’est pas valide ou a expiré.',
    notHeld: 'Ce commentaire n’attend plus de modération.',
  },
};
