import type { Term, TermKey, Terms } from '../i18n/en.js';

/**
 * The English `share.*` terms of the bar, as in `i18n/en.ts` (a test keeps them equal; the
 * fediverse dialog adds its own when it loads). The bar carries only these instead of the whole
 * English table, which would cost it a tenth of its 10 KB budget; other languages come from the
 * same locale tables as the comment thread.
 */
export const SHARE_EN: Partial<Record<ShareKey, Term>> = {
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
};

/** Every `share.*` key of the English table. */
export type ShareKey = Extract<TermKey, `share.${string}`>;

/** `Translator` for the share keys only: overrides, then the locale, then {@link SHARE_EN}. */
export class ShareTerms {
  readonly lang: string;
  readonly #terms: Terms;
  readonly #plural: Intl.PluralRules;

  constructor(lang = 'en', terms: Terms = {}, overrides: Terms = {}) {
    this.lang = lang;
    this.#terms = { ...terms, ...overrides };
    this.#plural = new Intl.PluralRules(lang);
  }

  /** The text for `key` with `{name}` placeholders filled; plural terms take `n`. */
  t(key: ShareKey, vars: Record<string, string | number> = {}): string {
    const term: Term = this.#terms[key] ?? SHARE_EN[key] ?? key;
    const text = typeof term === 'string' ? term : (term[this.#plural.select(Number(vars.n))] ?? term.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = vars[name];
      return v === undefined ? whole : typeof v === 'number' ? v.toLocaleString(this.lang) : v;
    });
  }
}
