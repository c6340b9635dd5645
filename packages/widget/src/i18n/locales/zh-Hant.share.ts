import type { Terms } from '../en.js';

/** Chinese (Traditional, Taiwan usage) terms of the share bar and the comment count (the first load); the fediverse
 * share page's are in `zh-Hant.fediverse.ts`, the thread's in `zh-Hant.ts`. */
export const terms: Terms = {
  'count.comments': { other: '{n} 則留言' },
  'share.label': '分享',
  'share.copy': '複製連結',
  'share.copied': '已複製連結',
  'share.copyFailed': '無法複製；請選取連結後自行複製',
  'share.native': '分享…',
  'share.email': '電子郵件',
  'share.print': '列印',
  'share.on': '分享到 {service}',
  'share.count': { other: '{n} 次分享' },
  'share.newWindow': '在新視窗開啟',
  'share.fediverse': 'Mastodon',
};
