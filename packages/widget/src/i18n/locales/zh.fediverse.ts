import type { Terms } from '../en.js';

/** Chinese (Simplified) terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': '分享到 Mastodon 或其他联邦宇宙服务器',
  'share.fediverse.field': '你的账号或服务器',
  'share.fediverse.hint': '例如 @you@mastodon.social 或 mastodon.social',
  'share.fediverse.submit': '分享',
  'share.fediverse.cancel': '取消',
  'share.fediverse.empty': '没有可分享的内容：请从文章的分享按钮打开此页面。',
  'share.fediverse.invalid': '请输入形如 @you@example.social 的账号或形如 example.social 的服务器',
  'share.fediverse.looking': '正在查找 {server}…',
};
