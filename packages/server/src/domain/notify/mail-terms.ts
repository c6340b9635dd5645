/**
 * The words of every mail, per language (the widget's 15). `{name}`, `{page}`, `{site}`, `{count}`
 * and `{hours}` are filled in by `mail-templates.ts` after escaping. English is the fallback for a
 * language not listed and for a key a table lacks.
 */
export interface MailTerms {
  replySubject: string;
  replyIntro: string;
  threadSubject: string;
  threadIntro: string;
  view: string;
  unsubscribe: string;
  confirmSubject: string;
  confirmIntro: string;
  confirmAction: string;
  confirmIgnore: string;
  someone: string;
}

const en: MailTerms = {
  replySubject: 'New reply to your comment on {page}',
  replyIntro: '{name} replied to your comment on {page}:',
  threadSubject: 'New comment on {page}',
  threadIntro: '{name} commented on {page}:',
  view: 'Read the discussion',
  unsubscribe: 'Stop these e-mails',
  confirmSubject: 'Confirm e-mails about comments on {site}',
  confirmIntro:
    'Someone, hopefully you, asked for e-mails about new comments on {site} at this address. Confirm to receive them:',
  confirmAction: 'Confirm',
  confirmIgnore: 'If that was not you, ignore this e-mail: nothing more will be sent.',
  someone: 'Someone',
};

const tables: Record<string, Partial<MailTerms>> = {
  en,
  de: {
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
  es: {
    replySubject: 'Nueva respuesta a tu comentario en {page}',
    replyIntro: '{name} respondió a tu comentario en {page}:',
    threadSubject: 'Nuevo comentario en {page}',
    threadIntro: '{name} comentó en {page}:',
    view: 'Leer la conversación',
    unsubscribe: 'No recibir más estos correos',
    confirmSubject: 'Confirma los correos sobre comentarios en {site}',
    confirmIntro:
      'Alguien, esperamos que tú, pidió correos sobre nuevos comentarios en {site} para esta dirección. Confirma para recibirlos:',
    confirmAction: 'Confirmar',
    confirmIgnore: 'Si no fuiste tú, ignora este correo: no se enviará nada más.',
    someone: 'Alguien',
  },
  fr: {
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
  it: {
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
  ja: {
    replySubject: '{page} のあなたのコメントに新しい返信があります',
    replyIntro: '{name} さんが {page} のあなたのコメントに返信しました:',
    threadSubject: '{page} に新しいコメントがあります',
    threadIntro: '{name} さんが {page} にコメントしました:',
    view: 'ディスカッションを読む',
    unsubscribe: 'このメールの配信を停止する',
    confirmSubject: '{site} のコメント通知メールの確認',
    confirmIntro: 'このアドレスで {site} の新しいコメントのメール通知が申し込まれました。受け取るには確認してください:',
    confirmAction: '確認する',
    confirmIgnore: '心当たりがない場合はこのメールを無視してください。これ以上は送信されません。',
    someone: 'だれか',
  },
  nl: {
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
  pl: {
    replySubject: 'Nowa odpowiedź na Twój komentarz pod {page}',
    replyIntro: '{name} odpowiedział(a) na Twój komentarz pod {page}:',
    threadSubject: 'Nowy komentarz pod {page}',
    threadIntro: '{name} skomentował(a) {page}:',
    view: 'Przeczytaj dyskusję',
    unsubscribe: 'Nie wysyłaj więcej tych e-maili',
    confirmSubject: 'Potwierdź e-maile o komentarzach w {site}',
    confirmIntro:
      'Ktoś, miejmy nadzieję, że Ty, poprosił o e-maile o nowych komentarzach w {site} na ten adres. Potwierdź, aby je otrzymywać:',
    confirmAction: 'Potwierdź',
    confirmIgnore: 'Jeśli to nie Ty, zignoruj tę wiadomość: nic więcej nie zostanie wysłane.',
    someone: 'Ktoś',
  },
  pt: {
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
  ru: {
    replySubject: 'Новый ответ на ваш комментарий к {page}',
    replyIntro: '{name} ответил(а) на ваш комментарий к {page}:',
    threadSubject: 'Новый комментарий к {page}',
    threadIntro: '{name} прокомментировал(а) {page}:',
    view: 'Читать обсуждение',
    unsubscribe: 'Больше не присылать эти письма',
    confirmSubject: 'Подтвердите письма о комментариях на {site}',
    confirmIntro:
      'Кто-то, надеемся, что вы, запросил письма о новых комментариях на {site} на этот адрес. Подтвердите, чтобы получать их:',
    confirmAction: 'Подтвердить',
    confirmIgnore: 'Если это были не вы, просто проигнорируйте письмо: больше ничего не придёт.',
    someone: 'Кто-то',
  },
  uk: {
    replySubject: 'Нова відповідь на ваш коментар до {page}',
    replyIntro: '{name} відповів(ла) на ваш коментар до {page}:',
    threadSubject: 'Новий коментар до {page}',
    threadIntro: '{name} прокоментував(ла) {page}:',
    view: 'Читати обговорення',
    unsubscribe: 'Більше не надсилати ці листи',
    confirmSubject: 'Підтвердьте листи про коментарі на {site}',
    confirmIntro:
      'Хтось, сподіваємося, що ви, попросив листи про нові коментарі на {site} на цю адресу. Підтвердьте, щоб отримувати їх:',
    confirmAction: 'Підтвердити',
    confirmIgnore: 'Якщо це були не ви, проігноруйте цей лист: більше нічого не надійде.',
    someone: 'Хтось',
  },
  zh: {
    replySubject: '{page} 上您的评论有新回复',
    replyIntro: '{name} 回复了您在 {page} 上的评论：',
    threadSubject: '{page} 有新评论',
    threadIntro: '{name} 在 {page} 发表了评论：',
    view: '阅读讨论',
    unsubscribe: '不再接收此类邮件',
    confirmSubject: '确认接收 {site} 的评论邮件',
    confirmIntro: '有人（希望是您）为此地址订阅了 {site} 新评论的邮件通知。请确认以开始接收：',
    confirmAction: '确认',
    confirmIgnore: '如果不是您本人操作，请忽略此邮件，我们不会再发送任何内容。',
    someone: '某人',
  },
  // Traditional Chinese in Taiwan usage, for zh-TW, zh-HK, zh-MO and zh-Hant (see mailLocale).
  'zh-Hant': {
    replySubject: '您在 {page} 的留言有新回覆',
    replyIntro: '{name} 回覆了您在 {page} 的留言：',
    threadSubject: '{page} 有新留言',
    threadIntro: '{name} 在 {page} 留言：',
    view: '閱讀討論',
    unsubscribe: '不再接收這類電子郵件',
    confirmSubject: '確認接收 {site} 的留言通知電子郵件',
    confirmIntro: '有人（希望是您）以這個地址訂閱了 {site} 新留言的電子郵件通知。請確認以開始接收：',
    confirmAction: '確認',
    confirmIgnore: '如果這不是您本人的操作，請忽略這封電子郵件，我們不會再寄送任何內容。',
    someone: '某人',
  },
  // Arabic and Hebrew are written right to left: mails and pages carry `dir="rtl"` (`textDirection`).
  ar: {
    replySubject: 'رد جديد على تعليقك في {page}',
    replyIntro: 'ردّ {name} على تعليقك في {page}:',
    threadSubject: 'تعليق جديد في {page}',
    threadIntro: 'علّق {name} في {page}:',
    view: 'اقرأ النقاش',
    unsubscribe: 'أوقف هذه الرسائل',
    confirmSubject: 'أكّد رسائل البريد عن التعليقات في {site}',
    confirmIntro: 'طلب أحدهم، ونأمل أن تكون أنت، رسائل بريد عن التعليقات الجديدة في {site} على هذا العنوان. أكّد لتصلك:',
    confirmAction: 'تأكيد',
    confirmIgnore: 'إن لم تكن أنت، فتجاهل هذه الرسالة: لن يُرسل إليك شيء آخر.',
    someone: 'شخص ما',
  },
  // Hebrew without gender: "התקבלה תשובה מ־…" rather than "…השיב/ה".
  he: {
    replySubject: 'תשובה חדשה לתגובה שלך ב־{page}',
    replyIntro: 'התקבלה תשובה מ־{name} לתגובה שלך ב־{page}:',
    threadSubject: 'תגובה חדשה ב־{page}',
    threadIntro: 'תגובה חדשה מ־{name} ב־{page}:',
    view: 'לקריאת הדיון',
    unsubscribe: 'הפסקת ההודעות האלה',
    confirmSubject: 'אישור הודעות דוא״ל על תגובות ב־{site}',
    confirmIntro: 'התקבלה בקשה, כנראה ממך, לשלוח לכתובת הזו הודעות דוא״ל על תגובות חדשות ב־{site}. כדי לקבל אותן, יש לאשר:',
    confirmAction: 'אישור',
    confirmIgnore: 'אם הבקשה לא הגיעה ממך, אפשר להתעלם מההודעה הזו: לא יישלח דבר נוסף.',
    someone: 'מישהו',
  },
};

/** Languages with their own table. */
export const MAIL_LOCALES = Object.keys(tables);

/**
 * The table for a language tag, by the widget's rule (`tableLanguage` in the widget's
 * i18n/language-tag.ts): the whole tag, then its language and script as `Intl.Locale#maximize`
 * gives them (`zh-TW` → `zh-Hant`, `zh-SG` → `zh-Hans`, which has no table, so `zh`), then its
 * language (`pt-BR` → `pt`); else `en`. `_` is read as `-` (`zh_TW`).
 */
export function mailLocale(tag: string | undefined): string {
  return tableLocale(tag) ?? 'en';
}

/**
 * The table {@link mailLocale} picks for a tag, or undefined when no table matches: a list of
 * preferences (Accept-Language) tries the next tag instead of falling back to English at once.
 */
export function tableLocale(tag: string | undefined): string | undefined {
  const clean = (tag ?? '').trim().replaceAll('_', '-');
  const language = clean.split('-')[0] ?? '';
  let script: string | undefined;
  try {
    script = new Intl.Locale(clean).maximize().script;
  } catch {
    // Not a well-formed tag: its language alone decides.
  }
  const find = (name: string) => MAIL_LOCALES.find((l) => l.toLowerCase() === name.toLowerCase());
  return find(clean) ?? find(`${language}-${script}`) ?? find(language);
}

/** The terms of a language, English filling any gap. */
export function mailTerms(locale: string): MailTerms {
  return { ...en, ...tables[mailLocale(locale)] };
}

/** Fills `{key}` placeholders; values must already be escaped for where the result goes. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
