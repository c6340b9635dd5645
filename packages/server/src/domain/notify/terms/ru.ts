import type { Terms } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Russian.
 */
export const ru: Terms = {
  mail: {
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
  moderator: {
    heldSubject: 'Комментарий к {page} ожидает модерации',
    digestSubject: 'Комментарии на {site}, ожидающие модерации: {count}',
    heldOn: '{name} — {page}:',
    approve: 'Одобрить',
    reject: 'Отклонить',
    expiry: 'Ссылки «Одобрить» и «Отклонить» действуют {hours} ч и перед действием ещё раз просят подтверждения.',
    stopMail: 'Отключить письма модерации для {site}',
  },
  page: {
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
};
