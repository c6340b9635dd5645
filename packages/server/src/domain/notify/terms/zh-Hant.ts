import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Traditional
 * Chinese in Taiwan usage (留言, 電子郵件, 連結, 核准): the table of `zh-TW`, `zh-HK`, `zh-MO` and
 * `zh-Hant` (`tableLocale`).
 */
export const zhHant: TermsWith<never> = {
  mail: {
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
  moderator: {
    heldSubject: '{page} 有一則留言等待審核',
    digestSubject: {
      other: '{site} 有 {n} 則留言等待審核',
    },
    heldOn: '{name} 在 {page}：',
    approve: '核准',
    reject: '拒絕',
    expiry: {
      other: '「核准」與「拒絕」連結將在 {n} 小時後失效，執行前會再次確認。',
    },
    stopMail: '停止接收 {site} 的審核電子郵件',
  },
  page: {
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
};
