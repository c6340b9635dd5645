import type { en } from './en.js';

/** English's table: the keys every language has, and which terms are plural (an object of forms). */
type English = typeof en;

/**
 * The forms of a term with a number in it, by `Intl.PluralRules` category, as a merged table
 * holds them: `other` always; a language's own table has exactly its language's categories.
 */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** A part of a table: English's keys, a string where English has one and `P` where it has forms. */
type Part<T, P> = { [K in keyof T]: T[K] extends string ? string : P };

/**
 * A language's table, whose plural terms have every form in `Forms` (its language's
 * `Intl.PluralRules` categories besides `other`) and no other, as the console's `TermsWith`
 * (packages/admin/src/i18n/en.ts). A missing key or form fails the type check, and so does a stray
 * one: a missing form would silently fall back to `other` ("3 تعليق" for "3 تعليقات"). At run time
 * English still fills a missing key (`mailTerms`, index.ts), and the completeness and plural tests
 * catch it there.
 */
export type TermsWith<Forms extends Intl.LDMLPluralRule> = {
  [S in keyof English]: Part<English[S], Record<Forms | 'other', string>>;
};

/** Any language's table, whatever its plural categories. */
export type Terms = { [S in keyof English]: Part<English[S], Plural> };

/** The words of readers' mails: replies, new comments in a followed thread, the double opt-in. */
export type MailTerms = Terms['mail'];

/** The words of moderator mails: one held comment, or a digest of several. */
export type ModeratorTerms = Terms['moderator'];

/** The words of the pages the links in mails open (`http/routes/notify.ts`). */
export type PageTerms = Terms['page'];
