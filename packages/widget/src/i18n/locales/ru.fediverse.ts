import type { Terms } from '../en.js';

/** Russian terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Поделиться в Mastodon или на другом сервере федиверса',
  'share.fediverse.field': 'Ваш адрес или сервер',
  'share.fediverse.hint': 'Например, @vy@mastodon.social или mastodon.social',
  'share.fediverse.submit': 'Поделиться',
  'share.fediverse.cancel': 'Отмена',
  'share.fediverse.empty': 'Нечем поделиться: откройте эту страницу кнопкой «Поделиться» у статьи.',
  'share.fediverse.invalid': 'Введите адрес вида @vy@example.social или сервер вида example.social',
  'share.fediverse.looking': 'Поиск {server}…',
};
