import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { FieldError } from './domain/problem.js';
import { buildSite } from './domain/sites.js';
import { type AppOptions, createApp } from './http/app.js';
import type { KyselyStorage } from './storage/kysely-storage.js';
import { dropPostgresSchema, openPostgres } from './storage/postgres/open.js';
import { openSqlite } from './storage/sqlite/open.js';
import type { SiteSettings, Storage } from './storage/types.js';

/** The databases every storage and API test runs against. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Storage>;
}

const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;
if (process.env.CI && !pgUrl) throw new Error('CI must set PARLEY_TEST_DATABASE_URL: the storage tests run on PostgreSQL too');

/**
 * SQLite always; PostgreSQL when PARLEY_TEST_DATABASE_URL is set (CI sets it and fails without
 * it). Each PostgreSQL storage lives in its own schema, dropped when the test file ends.
 */
export const backends: Backend[] = [
  { name: 'sqlite', open: () => openSqlite(':memory:') },
  ...(pgUrl
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `parley_test_${randomBytes(6).toString('hex')}`;
            const storage = await openPostgres(pgUrl, { schema, max: 4 });
            after(async () => {
              await storage.close();
              await dropPostgresSchema(pgUrl, schema);
            });
            return storage;
          },
        },
      ]
    : []),
];

/** A backend whose database outlives the storage: upgrade tests close a database and open it again. */
export interface ReopenableBackend {
  name: Backend['name'];
  open(): Promise<KyselyStorage>;
}

/**
 * The same databases as {@link backends}, but each `open()` reaches the same database: SQLite in a
 * file under a temporary folder named after `prefix`, PostgreSQL in one schema. Both are removed
 * when the test file ends.
 */
export function reopenableBackends(prefix: string): ReopenableBackend[] {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const out: ReopenableBackend[] = [{ name: 'sqlite', open: () => openSqlite(join(dir, 'db.sqlite')) }];
  if (pgUrl) {
    const url = pgUrl;
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    after(() => dropPostgresSchema(url, schema));
    out.push({ name: 'postgres', open: () => openPostgres(url, { schema, max: 2 }) });
  }
  return out;
}

export const ORIGIN = 'https://news.example.com';

/** A comment as the API shows it (the fields tests read). */
export interface ApiComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; avatar: string } | null;
  html: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: string;
  up: number;
  down: number;
  score: number;
  deleted?: true;
  replies?: ApiComment[];
}

export interface Posted {
  comment: ApiComment;
  /** Until when the token edits (createdAt plus the site's edit window). */
  editableUntil?: string;
  editToken: string;
}

export interface Listing {
  page: { key: string; url: string; title: string; count: number; locked: boolean };
  comments: ApiComment[];
  nextCursor: string | null;
  formToken: string;
  mail: boolean;
}

/** The fields of an application/problem+json answer. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}

/** Reads a problem answer, checking its media type and its required members on the way. */
export async function problemOf(res: Response): Promise<ProblemBody> {
  if (res.headers.get('content-type') !== 'application/problem+json; charset=utf-8') {
    throw new Error(`expected problem+json, got ${res.headers.get('content-type')} (${res.status})`);
  }
  const body = (await res.json()) as ProblemBody;
  for (const key of ['type', 'title', 'status', 'detail', 'code'] as const) {
    if (body[key] === undefined || body[key] === '') throw new Error(`problem lacks ${key}: ${JSON.stringify(body)}`);
  }
  if (body.status !== res.status) throw new Error(`problem status ${body.status} differs from ${res.status}`);
  return body;
}

/** A storage with one site `demo` that allows {@link ORIGIN}, and an app over it. */
export async function testApp(
  backend: Backend,
  settings: Partial<SiteSettings> = {},
  now?: () => number,
  appOptions: Omit<AppOptions, 'storage' | 'clientIp' | 'now'> = {},
) {
  const storage = await backend.open();
  await storage.createSite(
    buildSite(
      {
        id: 'demo',
        origins: [ORIGIN],
        // Limits, the form token and the duplicate check are off unless a test turns them on:
        // most tests post quickly, often, and the same few words.
        settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false, refuseDuplicates: false, ...settings },
      },
      Date.now(),
    ),
  );
  let ip = '203.0.113.7';
  const app = createApp({ storage, clientIp: () => ip, ...(now ? { now } : {}), ...appOptions });
  return {
    app,
    storage,
    /** Pretends later requests come from another address. */
    setIp(value: string) {
      ip = value;
    },
    /** Posts a comment on `page` (as a browser on {@link ORIGIN}) and returns the parsed 201 answer. */
    async post(page: string, body: string, extra: Record<string, unknown> = {}): Promise<Posted> {
      const res = await this.send('POST', '/api/v1/comments', { site: 'demo', page, body, ...extra });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Posted;
    },
    /** Lists a page's comments with the given query string additions. */
    async list(page: string, query = ''): Promise<Listing> {
      const res = await this.send('GET', `/api/v1/comments?site=demo&page=${encodeURIComponent(page)}${query}`);
      if (res.status !== 200) throw new Error(`GET answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Listing;
    },
    /** A JSON request as a browser on `origin` would send it. */
    send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      return app.request(path, {
        method,
        headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    },
  };
}
