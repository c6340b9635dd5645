import type { Terms } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Ukrainian.
 */
export const uk: Terms = {
  mail: {
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
  moderator: {
    heldSubject: 'Коментар до {page} очікує на модерацію',
    digestSubject: 'Коментарі на {site}, що очікують на модерацію: {count}',
    heldOn: '{name} — {page}:',
    approve: 'Схвалити',
    reject: 'Відхилити',
    expiry: 'Посилання «Схвалити» і «Відхилити» діють {hours} год і перед дією ще раз просять підтвердження.',
    stopMail: 'Вимкнути листи модерації для {site}',
  },
  page: {
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
};
