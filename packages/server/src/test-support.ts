import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { buildSite } from './domain/sites.js';
import { createApp } from './http/app.js';
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

export const ORIGIN = 'https://news.example.com';

/** A storage with one site `demo` that allows {@link ORIGIN}, and an app over it. */
export async function testApp(backend: Backend, settings: Partial<SiteSettings> = {}, now?: () => number) {
  const storage = await backend.open();
  await storage.createSite(
    buildSite(
      { id: 'demo', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, ...settings } },
      Date.now(),
    ),
  );
  let ip = '203.0.113.7';
  const app = createApp({ storage, clientIp: () => ip, ...(now ? { now } : {}) });
  return {
    app,
    storage,
    /** Pretends later requests come from another address. */
    setIp(value: string) {
      ip = value;
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
