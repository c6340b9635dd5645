import { tableLocale } from './index.js';

/**
 * The table for an `Accept-Language` header: its tags by weight (RFC 9110 §12.5.4; the first
 * listed wins a tie, `q=0` and `*` are skipped), each matched by the mails' rule (`tableLocale`).
 * Undefined when no tag has a table, so the caller decides the fallback.
 */
export function acceptedLocale(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 1000)
    .split(',')
    .slice(0, 50)
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranges) {
    const found = tableLocale(r.tag);
    if (found) return found;
  }
  return undefined;
}
