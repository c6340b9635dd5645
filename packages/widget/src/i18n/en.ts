/**
 * English terms: the fallback for every locale and the list of keys every locale translates.
 * A plural term is an object keyed by `Intl.PluralRules` categories; `{n}` and other `{name}`
 * placeholders are filled in by `Translator.t`.
 */
export const en = {
  'comments.heading': 'Comments',
  'comments.loading': 'Loading comments…',
  'comments.empty': 'Be the first to comment.',
  'comments.anonymous': 'Anonymous',
  'comments.deleted': 'This comment was deleted.',
  'form.name': 'Name',
  'form.body': 'Comment',
  'form.submit': 'Post comment',
  'count.comments': { one: '{n} comment', other: '{n} comments' },
  'share.label': 'Share',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
  'share.copyFailed': 'Could not copy; select the link and copy it yourself',
  'share.native': 'Share…',
  'share.email': 'E-mail',
  'share.print': 'Print',
  'share.on': 'Share on {service}',
  'share.count': { one: '{n} share', other: '{n} shares' },
  'share.newWindow': 'opens in a new window',
  'share.fediverse': 'Mastodon',
  'share.fediverse.title': 'Share on Mastodon or another fediverse server',
  'share.fediverse.field': 'Your handle or server',
  'share.fediverse.hint': 'For example @you@mastodon.social or mastodon.social',
  'share.fediverse.submit': 'Share',
  'share.fediverse.cancel': 'Cancel',
  'share.fediverse.invalid': 'Enter a handle like @you@example.social or a server like example.social',
  'share.fediverse.looking': 'Looking up {server}…',
  'share.fediverse.open': 'Open the share page on {server}',
} satisfies Record<string, Term>;

/** A translated string, or plural forms by `Intl.PluralRules` category (`other` is required). */
export type Term = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

export type TermKey = keyof typeof en;

/** A locale's table: any subset of the English keys; missing ones fall back to English. */
export type Terms = Partial<Record<TermKey, Term>>;
