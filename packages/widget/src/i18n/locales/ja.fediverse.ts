import type { Terms } from '../en.js';

/** Japanese terms of the fediverse dialog, loaded when it opens. */
export const terms: Terms = {
  'share.fediverse.title': 'Mastodon などの Fediverse サーバーで共有',
  'share.fediverse.field': 'あなたのハンドルまたはサーバー',
  'share.fediverse.hint': '例：@you@mastodon.social または mastodon.social',
  'share.fediverse.submit': '共有',
  'share.fediverse.cancel': 'キャンセル',
  'share.fediverse.invalid': '@you@example.social のようなハンドルか example.social のようなサーバーを入力してください',
  'share.fediverse.looking': '{server} を検索しています…',
  'share.fediverse.open': '{server} の共有ページを開く',
};
