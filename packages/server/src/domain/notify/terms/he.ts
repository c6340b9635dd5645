import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Hebrew, written
 * right to left (`textDirection`) and without gender: "התקבלה תשובה מ־…" rather than "…השיב/ה".
 */
export const he: TermsWith<'one' | 'two'> = {
  mail: {
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
  moderator: {
    heldSubject: 'תגובה ממתינה לאישור ב־{page}',
    digestSubject: {
      one: 'תגובה אחת ממתינה לאישור ב־{site}',
      two: '{n} תגובות ממתינות לאישור ב־{site}',
      other: '{n} תגובות ממתינות לאישור ב־{site}',
    },
    heldOn: '{name} ב־{page}:',
    approve: 'אישור',
    reject: 'דחייה',
    expiry: {
      one: 'הקישורים לאישור ולדחייה תקפים למשך שעה אחת, ולפני הביצוע מבקשים אישור נוסף.',
      two: 'הקישורים לאישור ולדחייה תקפים למשך שעתיים, ולפני הביצוע מבקשים אישור נוסף.',
      other: 'הקישורים לאישור ולדחייה תקפים למשך {n} שעות, ולפני הביצוע מבקשים אישור נוסף.',
    },
    stopMail: 'הפסקת הודעות הניהול מ־{site}',
  },
  page: {
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
