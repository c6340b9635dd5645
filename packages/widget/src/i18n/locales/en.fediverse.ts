/**
 * English terms of the fediverse share page (on the comment server), a table like every other
 * language's (so the page's script does not carry them for readers of other languages). Every
 * locale translates them (locales.test.ts).
 */
export const terms = {
  'share.fediverse.title': 'Share on Mastodon or another fediverse server',
  'share.fediverse.field': 'Your handle or server',
  'share.fediverse.hint': 'For example @you@mastodon.social or mastodon.social',
  'share.fediverse.submit': 'Share',
  'share.fediverse.cancel': 'Cancel',
  'share.fediverse.empty': "Nothing to share: open this page from an article's share button.",
  'share.fediverse.invalid': 'Enter a handle like @you@example.social or a server like example.social',
  'share.fediverse.looking': 'Looking up {server}…',
} satisfies Record<`share.fediverse.${string}`, string>;
