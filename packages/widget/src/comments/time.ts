/** Relative ("3 minutes ago") and exact times, with formatters cached per language. */
const rel = new Map<string, Intl.RelativeTimeFormat>();
const abs = new Map<string, Intl.DateTimeFormat>();
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/**
 * "3 minutes ago" in `lang`; under 45 seconds gives `undefined` so the caller can say "just now";
 * an invalid date gives an empty string.
 */
export function relativeTime(iso: string, lang: string, now = Date.now()): string | undefined {
  let value = (Date.parse(iso) - now) / 1000;
  if (Math.abs(value) < 45) return undefined;
  const f = rel.get(lang) ?? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  rel.set(lang, f);
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return f.format(Math.round(value), unit);
    value /= size;
  }
  // Only NaN gets here (every finite value is under Infinity).
  return '';
}

/** The exact date and time in `lang`, for the tooltip; empty for an invalid date (format() throws). */
export function exactTime(iso: string, lang: string): string {
  const f = abs.get(lang) ?? new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  abs.set(lang, f);
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : f.format(at);
}
