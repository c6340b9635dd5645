import type { Terms } from '../en.js';

/** Ukrainian terms of the share bar and the comment count (the first load); the fediverse share page's are in
 * `uk.fediverse.ts`, the thread's in `uk.ts`. */
export const terms: Terms = {
  'count.comments': { one: '{n} коментар', few: '{n} коментарі', many: '{n} коментарів', other: '{n} коментаря' },
  'share.label': 'Поділитися',
  'share.copy': 'Копіювати посилання',
  'share.copied': 'Посилання скопійовано',
  'share.copyFailed': 'Не вдалося скопіювати; виділіть посилання й скопіюйте його самостійно',
  'share.native': 'Поділитися…',
  'share.email': 'E-mail',
  'share.print': 'Друк',
  'share.on': 'Поділитися в {service}',
  'share.count': { one: '{n} поширення', few: '{n} поширення', many: '{n} поширень', other: '{n} поширення' },
  'share.newWindow': 'відкриється в новому вікні',
  'share.fediverse': 'Mastodon',
};
