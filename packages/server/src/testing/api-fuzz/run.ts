import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { PROBLEM_CODES } from '../../domain/problem.js';
import { adminApp } from '../../http/admin/test-helpers.js';
import { type Backend, ORIGIN } from '../../test-support.js';
import { encodePart, type FuzzRequest, fuzzRequest, Ref } from './requests.js';
import { checkStored, type StoredCheck } from './stored.js';
import { fakeBuilds, type Target, targetsOf } from './targets.js';
import { Deep } from './values.js';

/** Options of {@link fuzzApi}. */
export interface FuzzOptions {
  backend: Backend;
  runs: number;
  seed: number;
}

/** What a run did; `violations` is empty when every property held. */
export interface FuzzReport {
  backend: string;
  seed: number;
  runs: number;
  targets: Target[];
  /** Requests `fetch` itself refused to build (bad header bytes and the like): not sent. */
  unsendable: number;
  statuses: Record<number, number>;
  /** Per `METHOD path`: requests sent, and how many got a 2xx. */
  perTarget: Record<string, { sent: number; ok: number }>;
  codes: Record<string, number>;
  violations: string[];
  stored: StoredCheck;
  ms: number;
}

const KNOWN_CODES = new Set<string>(PROBLEM_CODES);
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sends `runs` generated hostile requests to one in-process app (public API, admin API with and
 * without a session, notify pages, embed script, share page, console) and checks every answer: never a 5xx
 * or a thrown error; every 4xx `application/problem+json` with a known `code` (the notify pages'
 * human 404 excepted: HTML); API answers never HTML and always under the API CSP; nosniff on
 * all. Then it checks what was stored ({@link checkStored}). The first violation fails the
 * property, so fast-check shrinks it and reports it with the seed.
 */
export async function fuzzApi({ backend, runs, seed }: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  // Mail on (queued to the outbox, which nothing sends here), so following a thread is reached.
  const { root, ...builds } = fakeBuilds();
  const t = await adminApp(backend, { app: { ...builds, notify: { mail: true, publicUrl: 'http://localhost' } } });
  await t.storage.createSite({ ...(await t.storage.getSite('demo'))!, id: 'other', name: 'Other' });
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as Parameters<typeof targetsOf>[0];
  const targets = targetsOf(doc, t.app.routes);
  const pool = { id: [] as string[], token: [] as string[] };
  for (const page of ['/p', '/q']) {
    const first = await t.post(page, 'A first comment');
    const reply = await t.post(page, 'A reply', { parentId: first.comment.id });
    pool.id.push(first.comment.id, reply.comment.id);
    pool.token.push(first.editToken, reply.editToken);
  }
  let session = t.owner;
  const report: FuzzReport = {
    backend: backend.name,
    seed,
    runs,
    targets,
    unsendable: 0,
    statuses: {},
    perTarget: {},
    codes: {},
    violations: [],
    stored: { sites: 0, pages: 0, comments: 0, listed: 0 },
    ms: 0,
  };

  // JSON text of a generated value, with its Refs filled in from the pool.
  const serialize = (v: unknown): string => {
    if (v instanceof Ref) return JSON.stringify(pool[v.kind][v.n % pool[v.kind].length]);
    if (v instanceof Deep) return v.json();
    if (Array.isArray(v)) return `[${v.map(serialize).join(',')}]`;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${serialize(x)}`).join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
  };
  const text = (v: unknown) =>
    typeof v === 'string' ? v : v instanceof Ref ? (pool[v.kind][v.n % pool[v.kind].length] ?? '') : serialize(v);

  async function send(r: FuzzRequest): Promise<void> {
    let path = r.target.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodePart(text(r.params[name])));
    path += r.suffix;
    const query =
      typeof r.query === 'string' ? r.query : r.query.map(([k, v]) => `${encodePart(k)}=${encodePart(text(v))}`).join('&');
    if (query) path += `?${query}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(r.headers)) {
      if (value === undefined) continue;
      const v = Array.isArray(value) ? value.map(text).join('') : text(value);
      try {
        headers.set(name, v);
      } catch {
        // Bytes fetch will not put in a header (CR, LF, NUL): a client cannot send them either.
      }
    }
    // A browser on the embedding site for the public API, the console's own origin for the rest.
    if (r.headers.origin === undefined) headers.set('origin', path.startsWith('/api/v1/') ? ORIGIN : 'http://localhost');
    if (r.auth === 'session') {
      headers.set('cookie', `parley_admin=${session.cookie}`);
      if (!headers.has('x-parley-csrf') || r.headers['x-parley-csrf'] === '') headers.set('x-parley-csrf', session.csrf);
    } else if (r.auth === 'garbage') headers.set('cookie', 'parley_admin=AAAA; parley_admin=%ZZ');
    const body = r.body.kind === 'none' ? undefined : r.body.kind === 'raw' ? r.body.text : serialize(r.body.value);
    let request: Request;
    try {
      const init: RequestInit = { method: r.method, headers };
      if (body !== undefined && r.method !== 'GET' && r.method !== 'HEAD') init.body = body;
      request = new Request(`http://localhost${path}`, init);
    } catch {
      // fetch refuses to build it (a method or URL no client can send): nothing reaches the server.
      report.unsendable++;
      return;
    }
    let res: Response;
    try {
      res = await t.app.request(request);
    } catch (err) {
      throw new Error(`${r.method} ${path} threw: ${(err as Error).stack}`);
    }
    const key = `${r.target.method} ${r.target.path}`;
    const entry = report.perTarget[key] ?? { sent: 0, ok: 0 };
    report.perTarget[key] = entry;
    entry.sent++;
    report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
    const type = res.headers.get('content-type') ?? '';
    let content = '';
    if (type.startsWith('text/event-stream')) await res.body?.cancel();
    else content = await res.text();
    const problems = checkAnswer(path, res, type, r.method === 'HEAD' ? undefined : content);
    if (problems.length) {
      const shown = `${r.method} ${path} (${body === undefined ? 'no body' : `${body.length} chars: ${body.slice(0, 200)}`}) → ${res.status} ${type}: ${content.slice(0, 300)}`;
      throw new Error(`${problems.join('; ')}\n  ${shown}`);
    }
    if (res.status < 300) {
      entry.ok++;
      harvest(content);
      if (r.target.path === '/api/admin/logout' && r.auth === 'session') session = await t.signIn('owner@example.com');
    }
    if (res.status >= 400 && type === PROBLEM_TYPE && r.method !== 'HEAD') {
      const code = (JSON.parse(content) as { code: string }).code;
      report.codes[code] = (report.codes[code] ?? 0) + 1;
      if (code === 'session-required' && r.auth === 'session') session = await t.signIn('owner@example.com');
    }
  }

  // `content` is undefined for HEAD, whose answers have headers only.
  function checkAnswer(path: string, res: Response, type: string, content: string | undefined): string[] {
    const out: string[] = [];
    if (res.status >= 500) out.push(`answered ${res.status}`);
    if (res.headers.get('x-content-type-options') !== 'nosniff') out.push('no nosniff');
    const api = path.startsWith('/api/');
    if (api && type.startsWith('text/html')) out.push('HTML from the API');
    if (api && res.headers.get('content-security-policy') !== API_CSP) out.push('API answer without the API CSP');
    const humanPage = path.startsWith('/notify/') && res.status === 404 && type.startsWith('text/html');
    if (res.status >= 400 && res.status < 500 && !humanPage) {
      if (type !== PROBLEM_TYPE) out.push(`${res.status} is ${type || 'untyped'}, not problem+json`);
      else if (content !== undefined) {
        try {
          const p = JSON.parse(content) as { code?: string; status?: number };
          if (!KNOWN_CODES.has(p.code ?? '')) out.push(`unknown problem code ${p.code}`);
          if (p.status !== res.status) out.push(`problem status ${p.status} ≠ ${res.status}`);
        } catch {
          out.push('problem body is not JSON');
        }
      }
    }
    if (content !== undefined && res.status < 300 && res.status !== 204 && type.startsWith('application/json')) {
      try {
        JSON.parse(content);
      } catch {
        out.push('2xx JSON body does not parse');
      }
    }
    return out;
  }

  // New comment ids and edit tokens feed later requests (replies, votes, edits, moderation).
  function harvest(content: string) {
    if (!content.startsWith('{')) return;
    const found = JSON.parse(content) as { comment?: { id?: string }; editToken?: string };
    if (found.comment?.id && !pool.id.includes(found.comment.id)) pool.id.push(found.comment.id);
    if (found.editToken && !pool.token.includes(found.editToken)) pool.token.push(found.editToken);
  }

  try {
    await fc.assert(
      fc.asyncProperty(fuzzRequest(targets), async (r) => send(r)),
      { numRuns: runs, seed, includeErrorInReport: true },
    );
  } catch (err) {
    report.violations.push((err as Error).message.split('\nHint:')[0] ?? '');
  }
  try {
    report.stored = await checkStored(t.app, t.storage);
  } catch (err) {
    report.violations.push(`stored data: ${(err as Error).message}`);
  }
  rmSync(root, { recursive: true, force: true });
  report.ms = Date.now() - started;
  return report;
}
