import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Portuguese.
 */
export const pt: TermsWith<'one' | 'many'> = {
  mail: {
    replySubject: 'Nova resposta ao seu comentário em {page}',
    replyIntro: '{name} respondeu ao seu comentário em {page}:',
    threadSubject: 'Novo comentário em {page}',
    threadIntro: '{name} comentou em {page}:',
    view: 'Ler a discussão',
    unsubscribe: 'Não receber mais estes e-mails',
    confirmSubject: 'Confirme os e-mails sobre comentários em {site}',
    confirmIntro:
      'Alguém, esperamos que você, pediu e-mails sobre novos comentários em {site} para este endereço. Confirme para recebê-los:',
    confirmAction: 'Confirmar',
    confirmIgnore: 'Se não foi você, ignore este e-mail: nada mais será enviado.',
    someone: 'Alguém',
  },
  moderator: {
    heldSubject: 'Comentário aguardando moderação em {page}',
    digestSubject: {
      one: '{n} comentário aguardando moderação em {site}',
      many: '{n} de comentários aguardando moderação em {site}',
      other: '{n} comentários aguardando moderação em {site}',
    },
    heldOn: '{name} em {page}:',
    approve: 'Aprovar',
    reject: 'Rejeitar',
    expiry: {
      one: 'Os links para aprovar e rejeitar expiram em {n} hora e pedem confirmação antes de agir.',
      many: 'Os links para aprovar e rejeitar expiram em {n} de horas e pedem confirmação antes de agir.',
      other: 'Os links para aprovar e rejeitar expiram em {n} horas e pedem confirmação antes de agir.',
    },
    stopMail: 'Não receber mais e-mails de moderação de {site}',
  },
  page: {
    confirmTitle: 'Confirmar e-mails',
    confirmAsk: 'Confirmar que este endereço deve receber os e-mails que pediu?',
    confirmButton: 'Confirmar',
    confirmDone: 'Confirmado. Você receberá e-mails sobre novos comentários.',
    unsubscribeTitle: 'Cancelar inscrição',
    unsubscribeAsk: 'Parar de receber estes e-mails?',
    unsubscribeButton: 'Cancelar inscrição',
    unsubscribeDone: 'Pronto. Você não receberá mais estes e-mails.',
    site: 'E-mails sobre comentários em {site}',
    moderateTitle: 'Moderar um comentário',
    moderateWrote: '{name} escreveu em {page}:',
    moderateChanged:
      'Este comentário foi alterado depois de esta página ser aberta, por isso nada foi feito. Eis o que diz agora:',
    approve: 'Aprovar',
    reject: 'Rejeitar',
    approved: 'Aprovado: o comentário agora está visível.',
    rejected: 'Rejeitado: o comentário continua oculto.',
    someone: 'Alguém',
    invalidTitle: 'Link inválido',
    linkInvalid: 'Este link não é válido ou expirou.',
    notHeld: 'Este comentário não está mais aguardando moderação.',
  },
};
