import type { Terms } from '../en.js';

/** Russian terms of the share bar and the comment count (the first load); the rest are in `ru.ts`. */
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
  'share.fediverse.title': 'Поделиться в Mastodon или на другом сервере федиверса',
  'share.fediverse.field': 'Ваш адрес или сервер',
  'share.fediverse.hint': 'Например, @vy@mastodon.social или mastodon.social',
  'share.fediverse.submit': 'Поделиться',
  'share.fediverse.cancel': 'Отмена',
  'share.fediverse.invalid': 'Введите адрес вида @vy@example.social или сервер вида example.social',
  'share.fediverse.looking': 'Поиск {server}…',
  'share.fediverse.open': 'Открыть страницу публикации на {server}',
};
