import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Arabic (Modern
 * Standard), written right to left: mails and pages carry `dir="rtl"` (`textDirection`).
 */
export const ar: TermsWith<'zero' | 'one' | 'two' | 'few' | 'many'> = {
  mail: {
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
  moderator: {
    heldSubject: 'تعليق بانتظار الإشراف في {page}',
    digestSubject: {
      zero: 'لا تعليقات بانتظار الإشراف في {site}',
      one: 'تعليق واحد بانتظار الإشراف في {site}',
      two: 'تعليقان بانتظار الإشراف في {site}',
      few: '{n} تعليقات بانتظار الإشراف في {site}',
      many: '{n} تعليقًا بانتظار الإشراف في {site}',
      other: '{n} تعليق بانتظار الإشراف في {site}',
    },
    heldOn: '{name} في {page}:',
    approve: 'قبول',
    reject: 'رفض',
    expiry: {
      zero: 'تنتهي صلاحية رابطَي القبول والرفض بعد {n} ساعة، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
      one: 'تنتهي صلاحية رابطَي القبول والرفض بعد ساعة واحدة، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
      two: 'تنتهي صلاحية رابطَي القبول والرفض بعد ساعتين، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
      few: 'تنتهي صلاحية رابطَي القبول والرفض بعد {n} ساعات، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
      many: 'تنتهي صلاحية رابطَي القبول والرفض بعد {n} ساعة، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
      other: 'تنتهي صلاحية رابطَي القبول والرفض بعد {n} ساعة، ويطلب كلٌّ منهما التأكيد مرة أخرى قبل التنفيذ.',
    },
    stopMail: 'أوقف رسائل الإشراف من {site}',
  },
  page: {
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
};
