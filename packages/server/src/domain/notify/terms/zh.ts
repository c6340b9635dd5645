import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Simplified Chinese.
 */
export const zh: TermsWith<never> = {
  mail: {
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
  moderator: {
    heldSubject: '{page} 上有一条评论等待审核',
    digestSubject: {
      other: '{site} 上有 {n} 条评论等待审核',
    },
    heldOn: '{name} 在 {page}：',
    approve: '通过',
    reject: '拒绝',
    expiry: {
      other: '“通过”和“拒绝”链接将在 {n} 小时后失效，执行前会再次确认。',
    },
    stopMail: '停止接收 {site} 的审核邮件',
  },
  page: {
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
};
