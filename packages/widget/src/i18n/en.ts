import { SHARE_EN } from '../share/terms.js';
import type { terms as FEDIVERSE_EN } from './locales/en.fediverse.js';

/**
 * The comment thread's English terms, a chunk of its own in the script-tag build, loaded like
 * any other locale's table (`loadAllTerms` in translator.ts), so other languages' pages never
 * download it. The share bar's
 * (`SHARE_EN`, share/terms.ts) and the count's (`ENGLISH_COUNT`, parley-count.ts) live in the
 * first-load chunk and the fediverse share page's (`locales/en.fediverse.ts`) is loaded by that page; `en` below joins the
 * thread's to the bar's so the thread can fall back to both. Every locale translates all of them.
 * A plural term is an object keyed by `Intl.PluralRules` categories; `{n}` and other `{name}`
 * placeholders are filled in by `Translator.t`.
 */
const THREAD_EN = {
  'comments.heading': 'Comments',
  'comments.loading': 'Loading comments…',
  'comments.empty': 'Be the first to comment.',
  'comments.anonymous': 'Anonymous',
  'comments.deleted': 'This comment was deleted.',
  'form.name': 'Name',
  'form.body': 'Comment',
  'form.submit': 'Post comment',
  'comments.count': { one: '{n} comment', other: '{n} comments' },
  'comments.error': 'Could not load the comments.',
  'comments.retry': 'Try again',
  'comments.locked': 'Comments are closed.',
  'comments.loadMore': 'Load more comments',
  'comments.sort': 'Sort by',
  'comments.notFound': 'The linked comment could not be found.',
  'sort.oldest': 'Oldest',
  'sort.newest': 'Newest',
  'sort.top': 'Top',
  'item.edited': 'edited',
  'item.pending': 'Awaiting moderation: only you can see this until it is approved.',
  'item.replyingTo': 'replying to {name}',
  'item.reply': 'Reply',
  'item.edit': 'Edit',
  'item.delete': 'Delete',
  'item.confirmDelete': 'Delete this comment?',
  'item.up': 'Upvote ({n})',
  'item.down': 'Downvote ({n})',
  'item.collapse': 'Hide replies',
  'item.expand': { one: 'Show {n} reply', other: 'Show {n} replies' },
  'item.more': { one: 'Show {n} more reply', other: 'Show {n} more replies' },
  'form.reply': 'Post reply',
  'form.save': 'Save',
  'form.cancel': 'Cancel',
  'form.email': 'E-mail (optional, never shown)',
  'form.website': 'Website (optional)',
  'form.hint': 'Markdown: *italic*, **bold**, `code`, [link](https://…), > quote',
  'form.preview': 'Preview',
  'form.posting': 'Posting…',
  'form.draftKept': 'Your text is kept; try again when you are ready.',
  'error.network': 'Could not reach the comment server.',
  'error.rate': 'Too many comments; please wait {n} seconds.',
  'error.server': 'The comment server had a problem.',
  'error.generic': 'Something went wrong: {message}',
  'error.window': 'The time to edit or delete this comment is over.',
  'error.spam': 'The comment server took this comment for an automated one and did not accept it.',
  'form.textKept': 'Your text is kept.',
  'form.notSaved': 'Your change was not saved; copy the text if you want to keep it.',
  'live.posted': 'Comment posted.',
  'live.pending': 'Comment posted; it will appear once approved.',
  'live.deleted': 'Comment deleted.',
  'live.saved': 'Comment updated.',
  'live.editPending': 'Edit saved; it will appear once approved.',
  'item.flag': 'Report',
  'item.flagged': 'Reported',
  'live.flagged': 'Reported to the moderators. Thank you.',
  'live.new': { one: '{n} new comment', other: '{n} new comments' },
  'time.now': 'just now',
  'live.show': { one: '{n} new comment — show', other: '{n} new comments — show' },
  'form.notify': 'Notify me of replies',
  'follow.submit': 'Follow this discussion',
  'follow.done': 'Check your inbox to confirm.',
  'comments.loaded': { one: '{n} more comment loaded', other: '{n} more comments loaded' },
  'form.fieldError': '{field}: {error}',
  'field.required': 'Please fill in this field.',
  'field.too-long': { one: 'Use at most {n} character.', other: 'Use at most {n} characters.' },
  'field.invalid-email': 'Enter an e-mail address, such as name@example.com.',
  'field.invalid-url': 'Enter a web address that starts with http:// or https://.',
} satisfies Record<string, Term>;

/** English: the thread's terms and the share bar's (the fediverse share page's are a table of their own). */
export const en: Record<keyof typeof THREAD_EN | keyof typeof SHARE_EN, Term> = { ...SHARE_EN, ...THREAD_EN };

/** Every `share.*` key: the bar's and the fediverse share page's. */
export type ShareKey = keyof typeof SHARE_EN | keyof typeof FEDIVERSE_EN;

/** A translated string, or plural forms by `Intl.PluralRules` category (`other` is required). */
export type Term = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

export type TermKey = keyof typeof THREAD_EN | ShareKey | 'count.comments';

/** A locale's table: any subset of the English keys; missing ones fall back to English. */
export type Terms = Partial<Record<TermKey, Term>>;

/** The shape of each English term: a string, or plural forms (`count.comments` is one). */
type EnglishShapes = typeof THREAD_EN & typeof SHARE_EN & typeof FEDIVERSE_EN & { 'count.comments': { other: string } };

/**
 * A locale's table whose plural terms must have every form in `Forms` (its language's
 * `Intl.PluralRules` categories besides `other`) and no other: a missing form is a type error
 * rather than a silent fall back to `other` ("3 تعليق" for "3 تعليقات"), a stray one too.
 * locales.test.ts checks every table against the browser's rules as well.
 */
export type TermsWith<Forms extends Intl.LDMLPluralRule> = {
  [K in TermKey]?: EnglishShapes[K] extends string ? string : Record<Forms | 'other', string>;
};
