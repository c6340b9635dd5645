import type { TermsWith } from './types.js';

/**
 * The words of readers' mails, moderator mails and the pages their links open in Japanese.
 */
export const ja: TermsWith<never> = {
  mail: {
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
  moderator: {
    heldSubject: '{page} のコメントが承認待ちです',
    digestSubject: {
      other: '{site} で {n} 件のコメントが承認待ちです',
    },
    heldOn: '{name} さん（{page}）:',
    approve: '承認する',
    reject: '却下する',
    expiry: {
      other: '承認・却下のリンクの有効期限は {n} 時間です。実行する前にもう一度確認します。',
    },
    stopMail: '{site} のモデレーションメールを停止する',
  },
  page: {
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
};
