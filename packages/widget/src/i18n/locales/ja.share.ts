import type { Terms } from '../en.js';

/** Japanese terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `ja.fediverse.ts`, the thread's in `ja.ts`. */
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
};
