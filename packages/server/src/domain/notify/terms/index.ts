import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import type { MailTerms, ModeratorTerms, PageTerms, Terms } from './types.js';
import { uk } from './uk.js';
import { zh } from './zh.js';
import { zhHant } from './zh-Hant.js';

export type { MailTerms, ModeratorTerms, PageTerms, Terms } from './types.js';

/**
 * The server's words per language, the widget's 15 (one module each, beside this one), named as
 * the widget names its tables: by language, or language and script where the language's usual
 * script is another (`zh-Hant`). Each holds readers' mails, moderator mails and the mail-link
 * pages, so a reader who got a German mail lands on a German page.
 */
const TABLES: Record<string, Terms> = { en, de, es, fr, it, ja, nl, pl, pt, ru, uk, zh, 'zh-Hant': zhHant, ar, he };

/** Languages with their own table. */
export const MAIL_LOCALES = Object.keys(TABLES);
/** Languages with moderator-mail terms: every table has them (the type sees to it). */
export const MODERATOR_LOCALES = MAIL_LOCALES;
/** Languages with mail-link page terms: every table has them (the type sees to it). */
export const PAGE_LOCALES = MAIL_LOCALES;

/**
 * The table {@link mailLocale} picks for a tag, or undefined when no table matches: a list of
 * preferences (Accept-Language) tries the next tag instead of falling back to English at once.
 */
export function tableLocale(tag: string | undefined): string | undefined {
  const clean = (tag ?? '').trim().replaceAll('_', '-');
  let language = clean.split('-')[0] ?? '';
  let script: string | undefined;
  try {
    const locale = new Intl.Locale(clean);
    // Canonical: the retired `iw` (still sent by Java and older Android) reads `he`. Node 20 gives
    // `und` no language (undefined), so the tag's own stays.
    if (locale.language) language = locale.language;
    script = locale.maximize().script;
  } catch {
    // Not a well-formed tag: its language alone decides.
  }
  const find = (name: string) => MAIL_LOCALES.find((l) => l.toLowerCase() === name.toLowerCase());
  return find(clean) ?? find(`${language}-${script}`) ?? find(language);
}

/**
 * The table for a language tag, by the widget's rule (`tableLanguage` in the widget's
 * i18n/language-tag.ts): the whole tag, then its language and script as `Intl.Locale#maximize`
 * gives them (`zh-TW` → `zh-Hant`, `zh-SG` → `zh-Hans`, which has no table, so `zh`), then its
 * language (`pt-BR` → `pt`), as Intl.Locale canonicalises it (the retired `iw` → `he`); else `en`.
 * `_` is read as `-` (`zh_TW`).
 */
export function mailLocale(tag: string | undefined): string {
  return tableLocale(tag) ?? 'en';
}

/** The table of a tag (by `mailLocale`); English's for a tag without one. */
const table = (tag: string | undefined): Terms => TABLES[mailLocale(tag)] ?? en;

/** The readers' mail terms of a language tag (by `mailLocale`), English filling any gap. */
export function mailTerms(locale: string): MailTerms {
  return { ...en.mail, ...table(locale).mail };
}

/** The moderator-mail terms of a language tag (by `mailLocale`), English filling any gap. */
export function moderatorTerms(locale: string | undefined): ModeratorTerms {
  return { ...en.moderator, ...table(locale).moderator };
}

/** The mail-link page terms of a language tag (by `mailLocale`), English filling any gap. */
export function pageTerms(locale: string): PageTerms {
  return { ...en.page, ...table(locale).page };
}
