import type { Terms } from '../en.js';

/** Japanese terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Mastodon などの Fediverse サーバーで共有',
  'share.fediverse.field': 'あなたのハンドルまたはサーバー',
  'share.fediverse.hint': '例：@you@mastodon.social または mastodon.social',
  'share.fediverse.submit': '共有',
  'share.fediverse.cancel': 'キャンセル',
  'share.fediverse.empty': '共有するものがありません。記事の共有ボタンからこのページを開いてください。',
  'share.fediverse.invalid': '@you@example.social のようなハンドルか example.social のようなサーバーを入力してください',
  'share.fediverse.looking': '{server} を検索しています…',
};
