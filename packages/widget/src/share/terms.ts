import type { ShareKey, Term, Terms } from '../i18n/en.js';

export type { ShareKey };

/**
 * The English `share.*` terms of the bar, the only copy (`i18n/en.ts` joins them to the thread's;
 * the fediverse share page's English terms are a table that page loads, `i18n/locales/en.fediverse.ts`). Other languages come from the locale tables.
 */
export const SHARE_EN = {
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
} satisfies Record<`share.${string}`, Term>;

/**
 * `Translator` for the share keys only: overrides, then the locale, then {@link SHARE_EN}.
 * Plural forms are chosen where the one plural term is shown (`countBadge` in counts.ts), so
 * the bar's own download does not carry them.
 */
export class ShareTerms {
  readonly lang: string;
  /** The terms in force: the overrides over the locale's table (English comes from {@link SHARE_EN}). */
  readonly terms: Terms;

  constructor(lang = 'en', terms?: Terms, overrides?: Terms) {
    this.lang = lang;
    this.terms = { ...terms, ...overrides };
  }

  /** The term as stored: a string, or plural forms. */
  term(key: ShareKey): Term {
    return this.terms[key] ?? (SHARE_EN as Terms)[key] ?? key;
  }

  /** The text of a (non-plural) term with `{name}` placeholders filled. */
  t(key: ShareKey, vars?: Record<string, string>): string {
    const term = this.term(key);
    return (typeof term === 'string' ? term : term.other).replace(/\{(\w+)\}/g, (whole, name: string) => vars?.[name] ?? whole);
  }
}
