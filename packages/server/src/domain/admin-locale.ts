import { Problem } from './problem.js';

/** Longest language tag kept, as for readers' addresses (`FollowRequest.locale`). */
const MAX_TAG = 35;

/**
 * The canonical form of the language tag an admin console sends (`zh_tw` → `zh-TW`); 400
 * `invalid-locale` for anything that is not a well-formed BCP 47 tag. Any well-formed tag is kept
 * as sent: `mailLocale` picks the nearest mail table when a mail is written, English if none fits.
 */
export function consoleLocale(tag: string): string {
  let canonical: string | undefined;
  try {
    canonical = tag.length <= MAX_TAG && tag.trim() === tag ? Intl.getCanonicalLocales(tag.replaceAll('_', '-'))[0] : undefined;
  } catch {
    canonical = undefined;
  }
  if (!canonical) throw new Problem(400, 'invalid-locale', 'locale must be a BCP 47 language tag such as "de" or "zh-TW"');
  return canonical;
}
