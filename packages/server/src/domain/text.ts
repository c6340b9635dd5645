import type { FieldError, FieldErrorCode } from './problem.js';

// C0 and C1 controls except tab, line feed and carriage return; plus bidi-override and
// byte-order-mark format characters that can disguise text (Trojan Source, CVE-2021-42574).
const CONTROL = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;
// Half of a surrogate pair on its own is not text: the databases' UTF-8 cannot hold it (SQLite
// stored bytes that read back as U+FFFD, so a page key holding one could never be found again;
// found by the API fuzz). It becomes U+FFFD before anything is stored or compared.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC-normalises, replaces lone surrogates with U+FFFD and strips control characters; keeps line breaks. */
export function cleanMultiline(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** NFC-normalises, strips control characters and folds line breaks and tabs into one space. */
export function cleanLine(value: string): string {
  return cleanMultiline(value).replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Length in user-perceived characters would be nicer, but limits count UTF-16 code points like most systems. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

const EMAIL = /^[^\s@"<>()[\]\\,;:]{1,64}@[^\s@"<>()[\]\\,;:]{1,253}$/;

/** A pragmatic syntax check (RFC 5321 lengths, one @, a dotted domain); delivery proves the rest. */
export function isEmail(value: string): boolean {
  if (value.length > 254 || !EMAIL.test(value)) return false;
  const domain = value.slice(value.indexOf('@') + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !domain.includes('..');
}

/** Parses an absolute http(s) URL; returns its normalised form or undefined. */
export function httpUrl(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Collects field errors so one response can name every invalid field. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  /** Names `path` as invalid; `code` (and `max` for `too-long`) where a reader can act on it. */
  add(path: string, message: string, code?: FieldErrorCode, max?: number): void {
    this.list.push({ path, message, ...(code && { code }), ...(max !== undefined && { max }) });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}
