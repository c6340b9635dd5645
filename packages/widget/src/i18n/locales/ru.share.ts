import type { Terms } from '../en.js';

/** Russian terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `ru.fediverse.ts`, the thread's in `ru.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} комментарий', few: '{n} комментария', many: '{n} комментариев', other: '{n} комментария' },
  'share.label': 'Поделиться',
  'share.copy': 'Копировать ссылку',
  'share.copied': 'Ссылка скопирована',
  'share.copyFailed': 'Не удалось скопировать; выделите ссылку и скопируйте её вручную',
  'share.native': 'Поделиться…',
  'share.email': 'E-mail',
  'share.print': 'Печать',
  'share.on': 'Поделиться в {service}',
  'share.count': { one: '{n} репост', few: '{n} репоста', many: '{n} репостов', other: '{n} репоста' },
  'share.newWindow': 'откроется в новом окне',
  'share.fediverse': 'Mastodon',
};
