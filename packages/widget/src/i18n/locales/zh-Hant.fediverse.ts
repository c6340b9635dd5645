import type { Terms } from '../en.js';

/** Chinese (Traditional, Taiwan usage) terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': '分享到 Mastodon 或其他聯邦宇宙伺服器',
  'share.fediverse.field': '你的帳號或伺服器',
  'share.fediverse.hint': '例如 @you@mastodon.social 或 mastodon.social',
  'share.fediverse.submit': '分享',
  'share.fediverse.cancel': '取消',
  'share.fediverse.empty': '沒有可分享的內容：請從文章的分享按鈕開啟此頁面。',
  'share.fediverse.invalid': '請輸入像 @you@example.social 這樣的帳號，或像 example.social 這樣的伺服器',
  'share.fediverse.looking': '正在查詢 {server}…',
};
