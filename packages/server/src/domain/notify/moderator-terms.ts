import { mailLocale } from './mail-terms.js';

/**
 * The words of moderator mails (held comments, one or a digest), per language: the same 15 as
 * the readers' mail tables (`mail-terms.ts`, whose `mailLocale` picks the table), kept apart so
 * neither file grows past a screenful per language. `{name}`, `{page}`, `{site}`, `{count}` and
 * `{hours}` are filled in by `mail-templates.ts` after escaping. A digest names two comments or
 * more; Polish, Russian and Ukrainian put the count after a colon so no plural form is needed.
 */
export interface ModeratorTerms {
  heldSubject: string;
  digestSubject: string;
  heldOn: string;
  approve: string;
  reject: string;
  expiry: string;
  stopMail: string;
}

const en: ModeratorTerms = {
  heldSubject: 'Comment awaiting moderation on {page}',
  digestSubject: '{count} comments awaiting moderation on {site}',
  heldOn: '{name} on {page}:',
  approve: 'Approve',
  reject: 'Reject',
  expiry: 'The approve and reject links expire in {hours} hours and ask once more before they act.',
  stopMail: 'Stop moderation e-mails for {site}',
};

const tables: Record<string, Partial<ModeratorTerms>> = {
  en,
  de: {
    heldSubject: 'Kommentar zu {page} wartet auf Freigabe',
    digestSubject: '{count} Kommentare auf {site} warten auf Freigabe',
    heldOn: '{name} zu {page}:',
    approve: 'Freigeben',
    reject: 'Ablehnen',
    expiry: 'Die Links zum Freigeben und Ablehnen gelten {hours} Stunden und fragen vor dem Ausführen noch einmal nach.',
    stopMail: 'Keine Moderations-E-Mails mehr für {site}',
  },
  es: {
    heldSubject: 'Comentario pendiente de moderación en {page}',
    digestSubject: '{count} comentarios pendientes de moderación en {site}',
    heldOn: '{name} en {page}:',
    approve: 'Aprobar',
    reject: 'Rechazar',
    expiry: 'Los enlaces para aprobar y rechazar caducan en {hours} horas y piden confirmación antes de actuar.',
    stopMail: 'No recibir más correos de moderación de {site}',
  },
  fr: {
    heldSubject: 'Commentaire en attente de modération sur {page}',
    digestSubject: '{count} commentaires en attente de modération sur {site}',
    heldOn: '{name} sur {page} :',
    approve: 'Approuver',
    reject: 'Refuser',
    expiry: 'Les liens pour approuver et refuser expirent dans {hours} heures et demandent une confirmation avant d’agir.',
    stopMail: 'Ne plus recevoir les e-mails de modération de {site}',
  },
  it: {
    heldSubject: 'Commento in attesa di moderazione su {page}',
    digestSubject: '{count} commenti in attesa di moderazione su {site}',
    heldOn: '{name} su {page}:',
    approve: 'Approva',
    reject: 'Rifiuta',
    expiry: 'I link per approvare e rifiutare scadono tra {hours} ore e chiedono conferma prima di agire.',
    stopMail: 'Non ricevere più e-mail di moderazione per {site}',
  },
  ja: {
    heldSubject: '{page} のコメントが承認待ちです',
    digestSubject: '{site} で {count} 件のコメントが承認待ちです',
    heldOn: '{name} さん（{page}）:',
    approve: '承認する',
    reject: '却下する',
    expiry: '承認・却下のリンクの有効期限は {hours} 時間です。実行する前にもう一度確認します。',
    stopMail: '{site} のモデレーションメールを停止する',
  },
  nl: {
    heldSubject: 'Reactie bij {page} wacht op moderatie',
    digestSubject: '{count} reacties op {site} wachten op moderatie',
    heldOn: '{name} bij {page}:',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    expiry: 'De links om goed te keuren of af te wijzen verlopen na {hours} uur en vragen nog één keer om bevestiging.',
    stopMail: 'Geen moderatie-e-mails meer voor {site}',
  },
  pl: {
    heldSubject: 'Komentarz do {page} czeka na moderację',
    digestSubject: 'Komentarze czekające na moderację w {site}: {count}',
    heldOn: '{name} – {page}:',
    approve: 'Zatwierdź',
    reject: 'Odrzuć',
    expiry:
      'Linki do zatwierdzania i odrzucania wygasają po {hours} godz. i przed wykonaniem jeszcze raz proszą o potwierdzenie.',
    stopMail: 'Wyłącz e-maile moderacyjne dla {site}',
  },
  pt: {
    heldSubject: 'Comentário aguardando moderação em {page}',
    digestSubject: '{count} comentários aguardando moderação em {site}',
    heldOn: '{name} em {page}:',
    approve: 'Aprovar',
    reject: 'Rejeitar',
    expiry: 'Os links para aprovar e rejeitar expiram em {hours} horas e pedem confirmação antes de agir.',
    stopMail: 'Não receber mais e-mails de moderação de {site}',
  },
  ru: {
    heldSubject: 'Комментарий к {page} ожидает модерации',
    digestSubject: 'Комментарии на {site}, ожидающие модерации: {count}',
    heldOn: '{name} — {page}:',
    approve: 'Одобрить',
    reject: 'Отклонить',
    expiry: 'Ссылки «Одобрить» и «Отклонить» действуют {hours} ч и перед действием ещё раз просят подтверждения.',
    stopMail: 'Отключить письма модерации для {site}',
  },
  uk: {
    heldSubject: 'Коментар до {page} очікує на модерацію',
    digestSubject: 'Коментарі на {site}, що очікують на модерацію: {count}',
    heldOn: '{name} — {page}:',
    approve: 'Схвалити',
    reject: 'Відхилити',
    expiry: 'Посилання «Схвалити» і «Відхилити» діють {hours} год і перед дією ще раз просять підтвердження.',
    stopMail: 'Вимкнути листи модерації для {site}',
  },
  zh: {
    heldSubject: '{page} 上有一条评论等待审核',
    digestSubject: '{site} 上有 {count} 条评论等待审核',
    heldOn: '{name} 在 {page}：',
    approve: '通过',
    reject: '拒绝',
    expiry: '“通过”和“拒绝”链接将在 {hours} 小时后失效，执行前会再次确认。',
    stopMail: '停止接收 {site} 的审核邮件',
  },
  // Traditional Chinese in Taiwan usage (留言, 電子郵件), as in the readers' tables.
  'zh-Hant': {
    heldSubject: '{page} 有一則留言等待審核',
    digestSubject: '{site} 有 {count} 則留言等待審核',
    heldOn: '{name} 在 {page}：',
    approve: '核准',
    reject: '拒絕',
    expiry: '「核准」與「拒絕」連結將在 {hours} 小時後失效，執行前會再次確認。',
    stopMail: '停止接收 {site} 的審核電子郵件',
  },
  // Arabic puts the count after a colon, so no plural form is needed; the hours too.
  ar: {
    heldSubject: 'تعليق بانتظار الإشراف في {page}',
    digestSubject: 'تعليقات بانتظار الإشراف في {site}: {count}',
    heldOn: '{name} في {page}:',
    approve: 'قبول',
    reject: 'رفض',
    expiry: 'مدة صلاحية رابطَي القبول والرفض بالساعات: {hours}، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
    stopMail: 'أوقف رسائل الإشراف من {site}',
  },
  he: {
    heldSubject: 'תגובה ממתינה לאישור ב־{page}',
    digestSubject: '{count} תגובות ממתינות לאישור ב־{site}',
    heldOn: '{name} ב־{page}:',
    approve: 'אישור',
    reject: 'דחייה',
    expiry: 'הקישורים לאישור ולדחייה תקפים {hours} שעות, ולפני הביצוע מבקשים אישור נוסף.',
    stopMail: 'הפסקת הודעות הניהול מ־{site}',
  },
};

/** Languages with a moderator table (the test checks they are exactly `MAIL_LOCALES`). */
export const MODERATOR_LOCALES = Object.keys(tables);

/** The moderator-mail terms of a language tag (by `mailLocale`), English filling any gap. */
export function moderatorTerms(locale: string | undefined): ModeratorTerms {
  return { ...en, ...tables[mailLocale(locale)] };
}
