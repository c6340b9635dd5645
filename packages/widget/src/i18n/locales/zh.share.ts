import type { Terms } from '../en.js';

/** Chinese (Simplified) terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `zh.fediverse.ts`, the thread's in `zh.ts`. */
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
};
