import type { en } from './en.js';

/**
 * A language's table: the keys of English's (en.ts) in each of its three parts, every one a
 * string. A table that lacks a key, or has one English lacks, fails the type check; at run time
 * English still fills a gap (`mailTerms`, index.ts), and the completeness tests catch it there.
 */
export type Terms = typeof en;

/** The words of readers' mails: replies, new comments in a followed thread, the double opt-in. */
export type MailTerms = Terms['mail'];

/** The words of moderator mails: one held comment, or a digest of several. */
export type ModeratorTerms = Terms['moderator'];

/** The words of the pages the links in mails open (`http/routes/notify.ts`). */
export type PageTerms = Terms['page'];
