/**
 * Blocked words: whole words or phrases, matched case-insensitively in any script. A "word"
 * boundary is any character that is not a letter, combining mark or digit, so `ass` blocks
 * "Ass!" but not "class", and `кот` blocks "Кот," but not "котёнок".
 */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

const compiled = new Map<string, RegExp | null>();

/** The pattern for a list; compiled once per distinct list (lists are few: one per site). */
export function patternOf(words: readonly string[]): RegExp | null {
  const key = words.join('\n');
  let re = compiled.get(key);
  if (re !== undefined) return re;
  const parts = words
    .map((w) => w.normalize('NFC').trim())
    .filter(Boolean)
    .map((w) => w.split(/\s+/u).map(escapeRegExp).join('\\s+'));
  re = parts.length ? new RegExp(`(?<!${WORD_CHAR})(?:${parts.join('|')})(?!${WORD_CHAR})`, 'iu') : null;
  if (compiled.size >= 1000) compiled.clear();
  compiled.set(key, re);
  return re;
}

// Only syntax characters may be escaped in a `u` pattern (`\-` is an error there).
function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The first blocked word or phrase found in any of `texts` (as written there), or undefined. */
export function findBlockedWord(words: readonly string[], ...texts: string[]): string | undefined {
  const re = patternOf(words);
  if (!re) return undefined;
  for (const text of texts) {
    const m = re.exec(text.normalize('NFC'));
    if (m) return m[0];
  }
  return undefined;
}
