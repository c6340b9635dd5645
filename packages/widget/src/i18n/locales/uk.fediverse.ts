import type { Terms } from '../en.js';

/** Ukrainian terms of the fediverse share page (on the comment server). */
export const terms: Terms = {
  'share.fediverse.title': 'Поділитися в Mastodon або на іншому сервері федиверсу',
  'share.fediverse.field': 'Ваша адреса або сервер',
  'share.fediverse.hint': 'Наприклад, @vy@mastodon.social або mastodon.social',
  'share.fediverse.submit': 'Поділитися',
  'share.fediverse.cancel': 'Скасувати',
  'share.fediverse.empty': 'Немає чим поділитися: відкрийте цю сторінку кнопкою «Поділитися» біля статті.',
  'share.fediverse.invalid': 'Введіть адресу на зразок @vy@example.social або сервер на зразок example.social',
  'share.fediverse.looking': 'Пошук {server}…',
};
