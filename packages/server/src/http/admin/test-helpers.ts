import type { AdminRole } from '../../storage/admin-storage.js';
import { type Backend, testApp } from '../../test-support.js';

// Many sign-ins per test: the lowest scrypt cost the server accepts (production: 2^15).
process.env.PARLEY_SCRYPT_N ??= '1024';

/** The password test accounts use. */
export const PASSWORD = 'correct horse battery';

/** A test app with a signed-in administrator, and helpers to call the admin API as a browser on the server's own origin. */
export async function adminApp(
  backend: Backend,
  options: {
    role?: AdminRole;
    sites?: string[];
    now?: () => number;
    settings?: Parameters<typeof testApp>[1];
    app?: Parameters<typeof testApp>[3];
  } = {},
) {
  const t = await testApp(backend, options.settings ?? {}, options.now, options.app);
  await t.app.admins.add({ email: 'owner@example.com', password: PASSWORD, role: 'owner', name: 'Olive' });
  const signIn = (email: string, password = PASSWORD) => adminSignIn(t.app, email, password);
  const owner = await signIn('owner@example.com');
  return { ...t, owner, signIn };
}

/** Anything that answers `request` like a Hono app. */
interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** Signs `email` in on `app` as the console does and returns a session to call the admin API with. */
export async function adminSignIn(app: Requester, email: string, password = PASSWORD) {
  const res = await app.request('/api/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const cookie = /parley_admin=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return adminSession(app, cookie, csrfToken);
}

function adminSession(app: Requester, cookie: string, csrf: string) {
  return {
    cookie,
    csrf,
    /** A request as the console sends it: cookie, CSRF header, own Origin. */
    req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      return app.request(path, {
        method,
        headers: {
          cookie: `parley_admin=${cookie}`,
          'x-parley-csrf': csrf,
          origin: 'http://localhost',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
      const res = await this.req(method, path, body);
      if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
