import { tableLocale } from './mail-terms.js';

/**
 * The words of the pages that the links in mails open (`http/routes/notify.ts`), per language: the
 * same 15 as the mails, so a reader who got a German mail lands on a German page. `{site}`,
 * `{name}` and `{page}` are filled in after escaping. English is the fallback for a language not
 * listed and for a key a table lacks.
 */
export interface PageTerms {
  confirmTitle: string;
  confirmAsk: string;
  confirmButton: string;
  confirmDone: string;
  unsubscribeTitle: string;
  unsubscribeAsk: string;
  unsubscribeButton: string;
  unsubscribeDone: string;
  /** Under the heading when the link names a reader's address, so they see which site it is about. */
  site: string;
  moderateTitle: string;
  moderateWrote: string;
  /** Over the comment's text again when it changed after the confirm page was opened (nothing was done). */
  moderateChanged: string;
  approve: string;
  reject: string;
  approved: string;
  rejected: string;
  someone: string;
  invalidTitle: string;
  linkInvalid: string;
  notHeld: string;
}

const en: PageTerms = {
  confirmTitle: 'Confirm e-mails',
  confirmAsk: 'Confirm that this address should get the e-mails it asked for?',
  confirmButton: 'Confirm',
  confirmDone: 'Confirmed. You will get e-mails about new comments.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeAsk: 'Stop these e-mails?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribeDone: 'Done. You will not get these e-mails any more.',
  site: 'E-mails about comments on {site}',
  moderateTitle: 'Moderate a comment',
  moderateWrote: '{name} wrote on {page}:',
  moderateChanged: 'This comment was changed after this page was opened, so nothing was done. This is what it says now:',
  approve: 'Approve',
  reject: 'Reject',
  approved: 'Approved: the comment is now shown.',
  rejected: 'Rejected: the comment stays hidden.',
  someone: 'Someone',
  invalidTitle: 'Link not valid',
  linkInvalid: 'This link is not valid or has expired.',
  notHeld: 'This comment is no longer waiting for moderation.',
};

const tables: Record<string, Partial<PageTerms>> = {
  en,
  de: {
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
  es: {
    confirmTitle: 'Confirmar correos',
    confirmAsk: '¿Confirmas que esta dirección debe recibir los correos que pidió?',
    confirmButton: 'Confirmar',
    confirmDone: 'Confirmado. Recibirás correos sobre nuevos comentarios.',
    unsubscribeTitle: 'Cancelar suscripción',
    unsubscribeAsk: '¿Dejar de recibir estos correos?',
    unsubscribeButton: 'Cancelar suscripción',
    unsubscribeDone: 'Hecho. Ya no recibirás estos correos.',
    site: 'Correos sobre comentarios en {site}',
    moderateTitle: 'Moderar un comentario',
    moderateWrote: '{name} escribió en {page}:',
    moderateChanged: 'Este comentario cambió después de abrir esta página, así que no se hizo nada. Esto es lo que dice ahora:',
    approve: 'Aprobar',
    reject: 'Rechazar',
    approved: 'Aprobado: el comentario ya es visible.',
    rejected: 'Rechazado: el comentario sigue oculto.',
    someone: 'Alguien',
    invalidTitle: 'Enlace no válido',
    linkInvalid: 'Este enlace no es válido o ha caducado.',
    notHeld: 'Este comentario ya no está pendiente de moderación.',
  },
  fr: {
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
  it: {
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
  ja: {
    confirmTitle: 'メール通知の確認',
    confirmAsk: 'このアドレスで申し込まれたメールを受け取ることを確認しますか？',
    confirmButton: '確認する',
    confirmDone: '確認しました。新しいコメントのメールが届きます。',
    unsubscribeTitle: '配信停止',
    unsubscribeAsk: 'これらのメールの配信を停止しますか？',
    unsubscribeButton: '配信を停止する',
    unsubscribeDone: '完了しました。これらのメールは今後届きません。',
    site: '{site} のコメントに関するメール',
    moderateTitle: 'コメントのモデレーション',
    moderateWrote: '{name} さんが {page} に書き込みました:',
    moderateChanged: 'このページを開いた後にコメントが変更されたため、何も行われませんでした。現在の内容は次のとおりです:',
    approve: '承認する',
    reject: '却下する',
    approved: '承認しました。コメントが表示されるようになりました。',
    rejected: '却下しました。コメントは非表示のままです。',
    someone: 'だれか',
    invalidTitle: '無効なリンク',
    linkInvalid: 'このリンクは無効か、有効期限が切れています。',
    notHeld: 'このコメントはすでにモデレーション待ちではありません。',
  },
  nl: {
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
  pl: {
    confirmTitle: 'Potwierdź e-maile',
    confirmAsk: 'Potwierdzić, że ten adres ma otrzymywać zamówione e-maile?',
    confirmButton: 'Potwierdź',
    confirmDone: 'Potwierdzono. Będziesz otrzymywać e-maile o nowych komentarzach.',
    unsubscribeTitle: 'Wypisz się',
    unsubscribeAsk: 'Przestać wysyłać te e-maile?',
    unsubscribeButton: 'Wypisz się',
    unsubscribeDone: 'Gotowe. Nie będziesz już otrzymywać tych e-maili.',
    site: 'E-maile o komentarzach w {site}',
    moderateTitle: 'Moderuj komentarz',
    moderateWrote: '{name} napisał(a) pod {page}:',
    moderateChanged: 'Ten komentarz zmienił się po otwarciu tej strony, więc nic nie zrobiono. Tak brzmi teraz:',
    approve: 'Zatwierdź',
    reject: 'Odrzuć',
    approved: 'Zatwierdzono: komentarz jest teraz widoczny.',
    rejected: 'Odrzucono: komentarz pozostaje ukryty.',
    someone: 'Ktoś',
    invalidTitle: 'Nieprawidłowy link',
    linkInvalid: 'Ten link jest nieprawidłowy lub wygasł.',
    notHeld: 'Ten komentarz nie czeka już na moderację.',
  },
  pt: {
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
  ru: {
    confirmTitle: 'Подтверждение писем',
    confirmAsk: 'Подтвердить, что на этот адрес нужно присылать запрошенные письма?',
    confirmButton: 'Подтвердить',
    confirmDone: 'Подтверждено. Вы будете получать письма о новых комментариях.',
    unsubscribeTitle: 'Отписка',
    unsubscribeAsk: 'Больше не присылать эти письма?',
    unsubscribeButton: 'Отписаться',
    unsubscribeDone: 'Готово. Эти письма больше не будут приходить.',
    site: 'Письма о комментариях на {site}',
    moderateTitle: 'Модерация комментария',
    moderateWrote: '{name} написал(а) к {page}:',
    moderateChanged: 'Этот комментарий изменился после открытия страницы, поэтому ничего не сделано. Сейчас он выглядит так:',
    approve: 'Одобрить',
    reject: 'Отклонить',
    approved: 'Одобрено: комментарий теперь виден.',
    rejected: 'Отклонено: комментарий остаётся скрытым.',
    someone: 'Кто-то',
    invalidTitle: 'Ссылка недействительна',
    linkInvalid: 'Эта ссылка недействительна или устарела.',
    notHeld: 'Этот комментарий больше не ждёт модерации.',
  },
  uk: {
    confirmTitle: 'Підтвердження листів',
    confirmAsk: 'Підтвердити, що на цю адресу слід надсилати запитані листи?',
    confirmButton: 'Підтвердити',
    confirmDone: 'Підтверджено. Ви отримуватимете листи про нові коментарі.',
    unsubscribeTitle: 'Відписка',
    unsubscribeAsk: 'Більше не надсилати ці листи?',
    unsubscribeButton: 'Відписатися',
    unsubscribeDone: 'Готово. Ці листи більше не надходитимуть.',
    site: 'Листи про коментарі на {site}',
    moderateTitle: 'Модерація коментаря',
    moderateWrote: '{name} написав(ла) до {page}:',
    moderateChanged: 'Цей коментар змінився після відкриття сторінки, тому нічого не зроблено. Зараз він такий:',
    approve: 'Схвалити',
    reject: 'Відхилити',
    approved: 'Схвалено: коментар тепер видно.',
    rejected: 'Відхилено: коментар залишається прихованим.',
    someone: 'Хтось',
    invalidTitle: 'Недійсне посилання',
    linkInvalid: 'Це посилання недійсне або його термін дії минув.',
    notHeld: 'Цей коментар більше не чекає на модерацію.',
  },
  zh: {
    confirmTitle: '确认邮件通知',
    confirmAsk: '确认此地址接收其订阅的邮件吗？',
    confirmButton: '确认',
    confirmDone: '已确认。您将收到新评论的邮件通知。',
    unsubscribeTitle: '退订',
    unsubscribeAsk: '不再接收这些邮件吗？',
    unsubscribeButton: '退订',
    unsubscribeDone: '完成。您将不再收到这些邮件。',
    site: '{site} 的评论邮件',
    moderateTitle: '审核评论',
    moderateWrote: '{name} 在 {page} 上写道：',
    moderateChanged: '此页面打开后评论已被更改，因此未执行任何操作。现在的内容如下：',
    approve: '批准',
    reject: '拒绝',
    approved: '已批准：该评论现已显示。',
    rejected: '已拒绝：该评论将保持隐藏。',
    someone: '某人',
    invalidTitle: '链接无效',
    linkInvalid: '此链接无效或已过期。',
    notHeld: '此评论已不在等待审核。',
  },
  // Traditional Chinese in Taiwan usage (留言, 電子郵件, 連結, 核准), as the mails.
  'zh-Hant': {
    confirmTitle: '確認電子郵件通知',
    confirmAsk: '確認這個地址要接收所訂閱的電子郵件嗎？',
    confirmButton: '確認',
    confirmDone: '已確認。您將收到新留言的電子郵件通知。',
    unsubscribeTitle: '取消訂閱',
    unsubscribeAsk: '不再接收這些電子郵件嗎？',
    unsubscribeButton: '取消訂閱',
    unsubscribeDone: '完成。您不會再收到這些電子郵件。',
    site: '{site} 的留言通知電子郵件',
    moderateTitle: '審核留言',
    moderateWrote: '{name} 在 {page} 留言：',
    moderateChanged: '此頁面開啟後留言已被變更，因此未執行任何操作。現在的內容如下：',
    approve: '核准',
    reject: '拒絕',
    approved: '已核准：這則留言現在會顯示。',
    rejected: '已拒絕：這則留言將維持隱藏。',
    someone: '某人',
    invalidTitle: '連結無效',
    linkInvalid: '這個連結無效或已過期。',
    notHeld: '這則留言已不在等待審核。',
  },
  ar: {
    confirmTitle: 'تأكيد رسائل البريد',
    confirmAsk: 'أتؤكد أن هذا العنوان يجب أن تصله الرسائل التي طلبها؟',
    confirmButton: 'تأكيد',
    confirmDone: 'تم التأكيد. ستصلك رسائل عن التعليقات الجديدة.',
    unsubscribeTitle: 'إلغاء الاشتراك',
    unsubscribeAsk: 'أتريد إيقاف هذه الرسائل؟',
    unsubscribeButton: 'إلغاء الاشتراك',
    unsubscribeDone: 'تم. لن تصلك هذه الرسائل بعد الآن.',
    site: 'رسائل البريد عن التعليقات في {site}',
    moderateTitle: 'الإشراف على تعليق',
    moderateWrote: 'كتب {name} في {page}:',
    moderateChanged: 'تغيّر هذا التعليق بعد فتح هذه الصفحة، لذا لم يُتخذ أي إجراء. هذا ما يقوله الآن:',
    approve: 'قبول',
    reject: 'رفض',
    approved: 'تم القبول: التعليق ظاهر الآن.',
    rejected: 'تم الرفض: يبقى التعليق مخفيًا.',
    someone: 'شخص ما',
    invalidTitle: 'الرابط غير صالح',
    linkInvalid: 'هذا الرابط غير صالح أو انتهت صلاحيته.',
    notHeld: 'لم يعد هذا التعليق بانتظار الإشراف.',
  },
  he: {
    confirmTitle: 'אישור הודעות דוא״ל',
    confirmAsk: 'לאשר שהכתובת הזו תקבל את ההודעות שהתבקשו?',
    confirmButton: 'אישור',
    confirmDone: 'אושר. יישלחו הודעות דוא״ל על תגובות חדשות.',
    unsubscribeTitle: 'ביטול המינוי',
    unsubscribeAsk: 'להפסיק את ההודעות האלה?',
    unsubscribeButton: 'ביטול המינוי',
    unsubscribeDone: 'בוצע. ההודעות האלה לא יישלחו עוד.',
    site: 'הודעות דוא״ל על תגובות ב־{site}',
    moderateTitle: 'אישור תגובה',
    moderateWrote: 'מאת {name} ב־{page}:',
    moderateChanged: 'התגובה הזו השתנתה אחרי שהדף נפתח, ולכן לא נעשה דבר. זה מה שכתוב בה עכשיו:',
    approve: 'אישור',
    reject: 'דחייה',
    approved: 'אושרה: התגובה מוצגת עכשיו.',
    rejected: 'נדחתה: התגובה נשארת מוסתרת.',
    someone: 'מישהו',
    invalidTitle: 'קישור לא תקף',
    linkInvalid: 'הקישור הזה לא תקף או שפג תוקפו.',
    notHeld: 'התגובה הזו כבר לא ממתינה לאישור.',
  },
};

/** Languages with their own page table (the same as the mails'; a test holds them equal). */
export const PAGE_LOCALES = Object.keys(tables);

/** The page terms of a language (a table name from `mailLocale`), English filling any gap. */
export function pageTerms(locale: string): PageTerms {
  return { ...en, ...tables[tableLocale(locale) ?? 'en'] };
}

/**
 * The table for an `Accept-Language` header: its tags by weight (RFC 9110 §12.5.4; the first
 * listed wins a tie, `q=0` and `*` are skipped), each matched by the mails' rule (`tableLocale`).
 * Undefined when no tag has a table, so the caller decides the fallback.
 */
export function acceptedLocale(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 1000)
    .split(',')
    .slice(0, 50)
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranges) {
    const found = tableLocale(r.tag);
    if (found) return found;
  }
  return undefined;
}

/** `rtl` or `ltr` for `<html dir>`, from the script the language is written in (`rtl` for Arabic and Hebrew). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    return (l.getTextInfo?.() ?? l.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
