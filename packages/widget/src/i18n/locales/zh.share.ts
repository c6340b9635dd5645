import type { Terms } from '../en.js';

/** Chinese (Simplified) terms of the share bar and the comment count (the first load); the rest are in `zh.ts`. */
export const terms: Terms = {
  'count.comments': { other: '{n} 条评论' },
  'share.label': '分享',
  'share.copy': '复制链接',
  'share.copied': '链接已复制',
  'share.copyFailed': '无法复制；请选中链接自行复制',
  'share.native': '分享…',
  'share.email': '电子邮件',
  'share.print': '打印',
  'share.on': '分享到 {service}',
  'share.count': { other: '{n} 次分享' },
  'share.newWindow': '在新窗口中打开',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': '分享到 Mastodon 或其他联邦宇宙服务器',
  'share.fediverse.field': '你的账号或服务器',
  'share.fediverse.hint': '例如 @you@mastodon.social 或 mastodon.social',
  'share.fediverse.submit': '分享',
  'share.fediverse.cancel': '取消',
  'share.fediverse.invalid': '请输入形如 @you@example.social 的账号或形如 example.social 的服务器',
  'share.fediverse.looking': '正在查找 {server}…',
  'share.fediverse.open': '在 {server} 上打开分享页面',
};
