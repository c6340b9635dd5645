import fc from 'fast-check';
import { ORIGIN } from '../../test-support.js';
import type { Target } from './targets.js';
import { contentType, headerValue, hostileString, hostileValue, malformedBody, QUERY_NAMES } from './values.js';

/** A value the run fills in from what earlier answers returned (comment ids, edit tokens). */
export class Ref {
  constructor(
    readonly kind: 'id' | 'token',
    readonly n: number,
  ) {}
  [fc.toStringMethod](): string {
    return `Ref(${this.kind}, ${this.n})`;
  }
}

/** One generated request, before the run resolves its {@link Ref}s. */
export interface FuzzRequest {
  target: Target;
  method: string;
  params: Record<string, unknown>;
  suffix: string;
  query: [string, unknown][] | string;
  headers: Record<string, unknown>;
  auth: 'session' | 'none' | 'garbage';
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
}

/** Absent on nine requests in ten. */
const rare = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const ref = (kind: Ref['kind']) => fc.nat().map((n) => new Ref(kind, n));
/** `value` on four requests in five, a hostile string on the fifth. */
const mostly = (value: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: hostileString });
const pageKey = fc.oneof(fc.constantFrom('/p', '/q', 'https://news.example.com/a?b=1#c'), hostileString);

/** Values that pass the schema for a field, so requests reach the domain rules and storage. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  site: fc.constant('demo'),
  page: pageKey,
  pages: fc.array(pageKey, { minLength: 1, maxLength: 5 }),
  url: mostly('https://news.example.com/p'),
  title: mostly('A title'),
  body: fc.oneof(fc.constant('Hello *world* https://example.com'), hostileString),
  author: fc.record(
    {
      name: hostileString,
      email: mostly('reader@example.com'),
      website: mostly('https://example.com/me'),
    },
    { requiredKeys: [] },
  ),
  parentId: fc.oneof(ref('id'), fc.constant(null)),
  commentId: ref('id'),
  id: ref('id'),
  ids: fc.array(ref('id'), { minLength: 1, maxLength: 5 }),
  value: fc.constantFrom(1, -1, 0, 'reader@example.com', '203.0.113.0/24'),
  notify: fc.boolean(),
  locale: fc.constantFrom('en', 'de', 'fr-CA', 'zz'),
  service: fc.constantFrom('mastodon', 'copy', 'email', 'x'),
  action: fc.constantFrom('approve', 'reject', 'spam', 'delete', 'pin'),
  kind: fc.constantFrom('email', 'ip', 'visitor'),
  email: mostly('reader@example.com'),
  name: hostileString,
  origins: fc.array(fc.oneof(fc.constant(ORIGIN), hostileString), { maxLength: 3 }).map((o) => [ORIGIN, ...o]),
  settings: fc.dictionary(
    fc.constantFrom('maxLength', 'moderation', 'allowAnonymous', 'editWindowMinutes', 'maxDepth', 'blockedWords', 'sort'),
    hostileValue,
    { maxKeys: 3 },
  ),
  expiresAt: fc.oneof(fc.constant('2999-01-01T00:00:00Z'), fc.constant(null), hostileString),
  sort: fc.constantFrom('newest', 'oldest', 'best', 'top'),
  limit: fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), hostileString),
  status: fc.constantFrom('pending', 'approved', 'spam', 'rejected', 'deleted'),
  format: fc.constantFrom('parley', 'wordpress', 'disqus', 'isso', 'remark42'),
  dryRun: fc.constantFrom('true', 'false'),
};

// Own keys only: `constructor` and `__proto__` are field names the fuzzer sends too.
const fieldValue = (name: string) => {
  const plausible = Object.hasOwn(PLAUSIBLE, name) ? PLAUSIBLE[name] : undefined;
  return plausible ? fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue }) : hostileValue;
};

// A body field: mostly a plausible value (absent where none is known), sometimes missing or hostile.
const bodyField = (name: string) => {
  const plausible = Object.hasOwn(PLAUSIBLE, name) ? PLAUSIBLE[name] : undefined;
  return fc.oneof(
    { weight: 12, arbitrary: plausible ?? fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileValue },
  );
};

function shapedBody(t: Target): fc.Arbitrary<unknown> {
  const known = fc.record(Object.fromEntries(t.body.map((k) => [k, bodyField(k)])));
  const extra = fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...QUERY_NAMES)), hostileValue, { maxKeys: 2 });
  return fc.tuple(known, extra, fc.nat(4)).map(([k, e, n]) => (n === 0 ? { ...e, ...k } : k));
}

const ODD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'MKCOL', 'X-CUSTOM'];

/**
 * A well-formed new comment whose text fields are hostile: these get past validation, so odd
 * Unicode and blns strings reach the database and the stored-data check.
 */
function storedText(targets: Target[]): fc.Arbitrary<FuzzRequest> {
  const target = targets.find((t) => t.method === 'POST' && t.path === '/api/v1/comments');
  if (!target) throw new Error('no POST /api/v1/comments in the OpenAPI document');
  const text = fc.oneof(hostileString, fc.constant('plain words'));
  return fc
    .record({
      site: fc.constant('demo'),
      page: fc.oneof(fc.constantFrom('/p', '/q'), hostileString),
      title: text,
      body: text,
      author: fc.record({ name: text }, { requiredKeys: [] }),
      parentId: fc.oneof(fc.constant(null), ref('id')),
    })
    .map((value) => ({
      target,
      method: 'POST',
      params: {},
      suffix: '',
      query: [],
      headers: { 'content-type': 'application/json' },
      auth: 'none' as const,
      body: { kind: 'json' as const, value },
    }));
}

/** Requests aimed at `targets`: the target's method mostly, with hostile parts everywhere. */
export function fuzzRequest(targets: Target[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 3, arbitrary: anyRequest(targets) }, { weight: 1, arbitrary: storedText(targets) });
}

function anyRequest(targets: Target[]): fc.Arbitrary<FuzzRequest> {
  // Public writes get most cases: they are what strangers reach and what lands in storage.
  const weighted = targets.map((t) => ({
    weight: t.path.startsWith('/api/v1/') && t.method !== 'GET' ? (t.path === '/api/v1/comments' ? 25 : 4) : 1,
    arbitrary: fc.constant(t),
  }));
  return fc.oneof(...weighted).chain((target) => {
    const params = [...target.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
    const queryName = fc.constantFrom(...target.query, ...QUERY_NAMES);
    return fc.record({
      target: fc.constant(target),
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(target.method) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
      ),
      params: fc.record(
        Object.fromEntries(
          params.map((p) => [p, fc.oneof({ weight: 3, arbitrary: ref('id') }, fc.constant('demo'), hostileString)]),
        ),
      ),
      suffix: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, fc.constantFrom('/', '//', '/..', '/%2e%2e', '%00', '/x')),
      query: fc.oneof(
        {
          weight: 6,
          arbitrary: fc.array(
            queryName.chain((n) => fc.tuple(fc.constant(n), fieldValue(n))),
            { maxLength: 6 },
          ),
        },
        fc.constantFrom('%%%&&==&a=%ZZ', 'site=demo&site=other&page=%2Fp&page=%2Fq', '&&&&', '=', 'page', '%E0%A4%A'),
      ),
      // Each odd header on a few requests only, so most requests get past the checks they
      // would trip and reach the route's own validation and storage.
      headers: fc.record({
        'content-type': fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 2, arbitrary: contentType },
        ),
        origin: fc.oneof(
          { weight: 8, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(ORIGIN, 'http://localhost', 'https://evil.example', 'null', '') },
        ),
        authorization: fc.oneof(
          { weight: 2, arbitrary: fc.constant(undefined) },
          ref('token').map((r) => ['Bearer ', r]),
          headerValue,
        ),
        'idempotency-key': rare(headerValue),
        'accept-encoding': rare(fc.oneof(fc.constantFrom('gzip, br', 'identity', '*;q=0', 'br;q=1.5'), headerValue)),
        'if-none-match': rare(headerValue),
        'last-event-id': rare(headerValue),
        'x-forwarded-for': rare(fc.oneof(fc.constantFrom('1.2.3.4', '::1, 10.0.0.1', 'garbage'), headerValue)),
        'x-parley-csrf': rare(headerValue),
        'sec-fetch-site': rare(fc.constantFrom('same-origin', 'cross-site', 'none')),
        'content-length': rare(fc.constantFrom('0', '1', '5', '-1', '99999999', 'abc')),
        accept: rare(fc.constantFrom('application/json', 'text/html', '*/*', 'text/event-stream')),
      }),
      auth: fc.constantFrom(...Array<'session'>(8).fill('session'), 'none', 'garbage'),
      body: fc.oneof(
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
        { weight: 10, arbitrary: shapedBody(target).map((value) => ({ kind: 'json' as const, value })) },
        { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
        { weight: 2, arbitrary: malformedBody.map((text) => ({ kind: 'raw' as const, text })) },
      ),
    });
  });
}

/** `encodeURIComponent`, except a lone surrogate (which it refuses) goes out as its invalid UTF-8 bytes. */
export function encodePart(value: string): string {
  return value
    .split(/([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/)
    .map((part) => {
      try {
        return encodeURIComponent(part);
      } catch {
        return `%ED%${(0xa0 + ((part.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (part.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()}`;
      }
    })
    .join('');
}
