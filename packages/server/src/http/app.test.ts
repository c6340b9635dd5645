import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildSite } from '../domain/sites.js';
import type { KyselyStorage } from '../storage/kysely-storage.js';
import type { Storage } from '../storage/types.js';
import { backends, ORIGIN, problemOf, testApp } from '../test-support.js';
import { createApp } from './app.js';

/** The application as a whole: its OpenAPI document, unknown routes and errors, and privacy. */

for (const backend of backends) {
  describe(`app on ${backend.name}`, () => {
    test('GET /api/openapi.json is a valid OpenAPI 3.1 document describing every endpoint', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/api/openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      const validator = new Validator();
      const result = await validator.validate(doc);
      assert.deepEqual(result.errors, undefined);
      assert.equal(result.valid, true);
      assert.equal(validator.version, '3.1');
      assert.deepEqual(Object.keys(doc.paths['/api/v1/comments'] ?? {}).sort(), ['get', 'post']);
      assert.deepEqual(Object.keys(doc.paths['/api/v1/comments/{id}'] ?? {}).sort(), ['delete', 'get', 'patch']);
      assert.deepEqual(Object.keys(doc.paths['/api/v1/comments/{id}/vote'] ?? {}), ['post']);
      assert.deepEqual(Object.keys(doc.paths['/api/v1/counts'] ?? {}).sort(), ['get', 'post']);
    });

    test('an unknown path is a 404 problem', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/api/v1/nothing-here');
      assert.equal(res.status, 404);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'not-found');
      assert.equal(problem.type, 'https://parley.dev/problems/not-found');
      assert.equal(problem.title, 'Not Found');
    });

    test('an unexpected error is a bare 500 with the request id, and no stack or message', async () => {
      const t = await testApp(backend);
      const broken = new Proxy(t.storage, {
        get(target, key, receiver) {
          if (key === 'getSite') {
            return () => Promise.reject(new Error('SECRET detail at /srv/parley/storage.ts:42'));
          }
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as Storage;
      const app = createApp({ storage: broken, clientIp: () => '203.0.113.7' });
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      let res: Response;
      try {
        res = await app.request('/api/v1/comments?site=demo&page=/a');
      } finally {
        console.error = original;
      }
      assert.equal(res.status, 500);
      const raw = await res.clone().text();
      const problem = await problemOf(res);
      assert.equal(problem.code, 'internal');
      const id = res.headers.get('x-request-id');
      assert.match(id ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(problem.requestId, id);
      assert.ok(problem.detail.includes(id ?? '-'));
      assert.ok(!raw.includes('SECRET') && !raw.includes('storage.ts') && !raw.includes('    at '), raw);
      assert.equal(logged.length, 1, 'the error is logged once');
      assert.ok(String(logged[0]?.[0]).includes(id ?? '-'), 'the log line carries the request id');
    });

    test('no response carries an e-mail, an IP address, a token or a hash of one', async () => {
      const t = await testApp(backend);
      const email = 'private.person@example.org';
      const ip = '203.0.113.77';
      t.setIp(ip);
      const answers: string[] = [];
      const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const res = await t.send(method, path, body, headers);
        const text = await res.text();
        answers.push(`${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
        return text;
      };
      const posted = JSON.parse(
        await send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'hi', author: { name: 'P', email } }),
      ) as { comment: { id: string }; editToken: string };
      const id = posted.comment.id;
      const auth = { authorization: `Bearer ${posted.editToken}` };
      await send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'reply', parentId: id, author: { email } });
      await send('GET', '/api/v1/comments?site=demo&page=/p');
      await send('GET', '/api/v1/comments?site=demo&page=/p&sort=top');
      await send('PATCH', `/api/v1/comments/${id}`, { body: 'edited' }, auth);
      await send('POST', `/api/v1/comments/${id}/vote`, { value: 1 });
      await send('GET', '/api/v1/counts?site=demo&page=/p');
      await send('POST', '/api/v1/counts', { site: 'demo', pages: ['/p'] });
      await send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: '', author: { email: `${email}x` } });
      await send('PATCH', `/api/v1/comments/${id}`, { body: 'x' }, { authorization: 'Bearer wrong' });
      await send('DELETE', `/api/v1/comments/${id}`, undefined, auth);
      await send('GET', '/api/v1/comments?site=demo&page=/p');

      const db = (t.storage as KyselyStorage).db;
      const stored = await db.selectFrom('comments').select(['edit_token_hash', 'ip_hash', 'author_email']).execute();
      const voters = await db.selectFrom('votes').select('voter').execute();
      const subjects = await db.selectFrom('rate_events').select('subject').execute();
      const forbidden = [
        email,
        ip,
        '203.0.113',
        posted.editToken,
        await t.storage.secret(),
        ...stored.flatMap((r) => [r.edit_token_hash, r.ip_hash]),
        ...voters.map((v) => v.voter),
        ...subjects.map((s) => s.subject),
      ].filter((v): v is string => typeof v === 'string' && v.length > 0);
      assert.ok(
        stored.some((r) => r.author_email === email),
        'the e-mail is kept for notifications',
      );
      assert.ok(
        stored.every((r) => r.ip_hash),
        'every comment has an address hash',
      );
      answers.forEach((answer, i) => {
        for (const secret of forbidden) {
          // The token is shown once: in the answer to the POST that created the comment.
          if (i === 0 && secret === posted.editToken) continue;
          assert.ok(!answer.includes(secret), `answer ${i} leaks ${secret}`);
        }
      });
      assert.ok(answers[0]?.includes(posted.editToken));
      assert.ok(!JSON.stringify(await db.selectFrom('comments').selectAll().execute()).includes('203.0.113'));
      assert.ok(!JSON.stringify(voters).includes('203.0.113'), 'votes keep no address');
    });

    test('problem answers to allowed origins carry CORS and security headers', async () => {
      const t = await testApp(backend);
      await t.storage.createSite(buildSite({ id: 'extra', origins: ['https://extra.example'] }, 1));
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/x' }, { origin: ORIGIN });
      assert.equal(res.status, 422);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    });
  });
}
