/**
 * The words of readers' mails (`mail`), moderator mails (`moderator`) and the pages their links
 * open (`page`, `http/routes/notify.ts`) in English: the fallback for a language without a table,
 * and the shape every other language's table must have (`TermsWith`, types.ts). `{name}`, `{page}`
 * and `{site}` are filled in after escaping (`mail-templates.ts`, the routes). A term with a number
 * in it is plural: an object of forms by `Intl.PluralRules` category (`one` and `other` in
 * English), the number written as `{n}` (`plural`, text.ts). A form the language chooses for one
 * number only (Arabic's `zero`, `one`, `two`, Hebrew's `one`) may say it in words and leave `{n}` out.
 */
export const en = {
  mail: {
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
  },
  moderator: {
    heldSubject: 'Comment awaiting moderation on {page}',
    digestSubject: {
      one: '{n} comment awaiting moderation on {site}',
      other: '{n} comments awaiting moderation on {site}',
    },
    heldOn: '{name} on {page}:',
    approve: 'Approve',
    reject: 'Reject',
    expiry: {
      one: 'The approve and reject links expire in {n} hour and ask once more before they act.',
      other: 'The approve and reject links expire in {n} hours and ask once more before they act.',
    },
    stopMail: 'Stop moderation e-mails for {site}',
  },
  page: {
    confirmTitle: 'Confirm e-mails',
    confirmAsk: 'Confirm that this address should get the e-mails it asked for?',
    confirmButton: 'Confirm',
    confirmDone: 'Confirmed. You will get e-mails about new comments.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: 'Stop these e-mails?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribeDone: 'Done. You will not get these e-mails any more.',
    /** Under the heading when the link names a reader's address, so they see which site it is about. */
    site: 'E-mails about comments on {site}',
    moderateTitle: 'Moderate a comment',
    moderateWrote: '{name} wrote on {page}:',
    /** Over the comment's text again when it changed after the confirm page was opened (nothing was done). */
    moderateChanged: 'This comment was changed after this page was opened, so nothing was done. This is what it says now:',
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Approved: the comment is now shown.',
    rejected: 'Rejected: the comment stays hidden.',
    someone: 'Someone',
    invalidTitle: 'Link not valid',
    linkInvalid: 'This link is not valid or has expired.',
    notHeld: 'This comment is no longer waiting for moderation.',
  },
};
