import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Polish.
 */
export const pl: TermsWith<'one' | 'few' | 'many'> = {
  mail: {
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
  moderator: {
    heldSubject: 'Komentarz do {page} czeka na moderację',
    digestSubject: {
      one: '{n} komentarz czeka na moderację w {site}',
      few: '{n} komentarze czekają na moderację w {site}',
      many: '{n} komentarzy czeka na moderację w {site}',
      other: '{n} komentarza czeka na moderację w {site}',
    },
    heldOn: '{name} – {page}:',
    approve: 'Zatwierdź',
    reject: 'Odrzuć',
    expiry: {
      one: 'Linki do zatwierdzania i odrzucania wygasają po {n} godzinie i przed wykonaniem jeszcze raz proszą o potwierdzenie.',
      few: 'Linki do zatwierdzania i odrzucania wygasają po {n} godzinach i przed wykonaniem jeszcze raz proszą o potwierdzenie.',
      many: 'Linki do zatwierdzania i odrzucania wygasają po {n} godzinach i przed wykonaniem jeszcze raz proszą o potwierdzenie.',
      other: 'Linki do zatwierdzania i odrzucania wygasają po {n} godziny i przed wykonaniem jeszcze raz proszą o potwierdzenie.',
    },
    stopMail: 'Wyłącz e-maile moderacyjne dla {site}',
  },
  page: {
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
};
