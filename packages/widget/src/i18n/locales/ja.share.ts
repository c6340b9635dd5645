import type { Terms } from '../en.js';

/** Japanese terms of the share bar and the comment count (the first load); the rest are in `ja.ts`. */
export const terms: Terms = {
  'count.comments': { other: '{n} 件のコメント' },
  'share.label': '共有',
  'share.copy': 'リンクをコピー',
  'share.copied': 'リンクをコピーしました',
  'share.copyFailed': 'コピーできませんでした。リンクを選択してコピーしてください',
  'share.native': '共有…',
  'share.email': 'メール',
  'share.print': '印刷',
  'share.on': '{service} で共有',
  'share.count': { other: '{n} 件の共有' },
  'share.newWindow': '新しいウィンドウで開きます',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Mastodon などの Fediverse サーバーで共有',
  'share.fediverse.field': 'あなたのハンドルまたはサーバー',
  'share.fediverse.hint': '例：@you@mastodon.social または mastodon.social',
  'share.fediverse.submit': '共有',
  'share.fediverse.cancel': 'キャンセル',
  'share.fediverse.invalid': '@you@example.social のようなハンドルか example.social のようなサーバーを入力してください',
  'share.fediverse.looking': '{server} を検索しています…',
  'share.fediverse.open': '{server} の共有ページを開く',
};
