/**
 * Text shaping for share intents: lengths in user-perceived characters (grapheme clusters, via
 * `Intl.Segmenter`), networks' own ways of counting, and cutting at a grapheme boundary with "…"
 * so no emoji, flag or combining mark is ever split in half.
 */

const ELLIPSIS = '…';

let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme clusters of `text` (every current browser has `Intl.Segmenter`). Spread, not
 * `Array.from`: Prototype.js (1.6, 1.7) replaces `Array.from` with its `$A`, which ignores
 * iterators and the map function, so no text would ever be cut to fit.
 */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** A per-grapheme cost: 1 for most, 2 for what X counts double. */
export type Weigh = (grapheme: string) => number;

/** Every grapheme costs 1 (Bluesky, Mastodon, Threads). */
export const perGrapheme: Weigh = () => 1;

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** What X counts as 1: U+0000-10FF and some general punctuation. */
const LIGHT = /[\0-\u10FF\u2000-\u200D\u2010-\u201F\u2032-\u2037]/;

/**
 * X's weighted length (twitter-text v3): an emoji sequence counts 2, Latin and most European
 * scripts 1 per code point, everything else (CJK, most Asian scripts) 2 per code point.
 * https://docs.x.com/resources/fundamentals/counting-characters
 */
export const xWeight: Weigh = (g) => (EMOJI.test(g) ? 2 : [...g].reduce((n, ch) => n + (LIGHT.test(ch) ? 1 : 2), 0));

/** The length of `text` as `weigh` counts it. */
export function measure(text: string, weigh: Weigh = perGrapheme): number {
  let n = 0;
  for (const g of graphemes(text)) n += weigh(g);
  return n;
}

/**
 * `text` cut to at most `max` (as `weigh` counts) at a grapheme boundary, ending in "…" when
 * anything was cut; trailing spaces before the "…" go. A `max` below 1 gives "".
 */
export function truncate(text: string, max: number, weigh: Weigh = perGrapheme): string {
  // One pass: `out` keeps what fits beside the "…" while `used` finds whether a cut is needed.
  const budget = max - weigh(ELLIPSIS);
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    used += weigh(g);
    if (used > max) return budget < 0 ? '' : out.trimEnd() + ELLIPSIS;
    if (used <= budget) out += g;
  }
  return text;
}

/** How a network counts a post that carries a link. */
export interface Limit {
  /** Total the post may reach. */
  max: number;
  /** What the link costs; omitted, its own length. X and Mastodon count every link as 23. */
  urlCost?: number;
  weigh?: Weigh;
}

/**
 * The text cut so that `text + ' ' + url` fits the network's limit (the space counts 1 everywhere);
 * returns the text part only.
 */
export function fitWithUrl(text: string, url: string, limit: Limit): string {
  const weigh = limit.weigh ?? perGrapheme;
  return truncate(text, limit.max - (limit.urlCost ?? measure(url, weigh)) - 1, weigh);
}
