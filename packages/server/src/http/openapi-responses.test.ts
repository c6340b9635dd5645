import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { backends, testApp } from '../test-support.js';

/**
 * The OpenAPI document against the server's real answers: each answer's status and media type is
 * one the document lists for that operation, and its body validates against the documented schema
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12). app.test.ts checks the document itself.
 */

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
}

/** A checker bound to one document: `check(res, 'post', '/api/v1/comments')` asserts and returns the body. */
function checker(doc: Doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  formats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const seen = new Set<string>();
  const check = async (res: Response, method: string, path: string): Promise<unknown> => {
    const where = `${method.toUpperCase()} ${path} ${res.status}`;
    const response = doc.paths[path]?.[method]?.responses[String(res.status)];
    assert.ok(response, `${where} is not in the document`);
    seen.add(`${method} ${path} ${res.status}`);
    const text = await res.text();
    if (!response.content) {
      assert.equal(text, '', `${where}: the document says no body`);
      return undefined;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0] ?? '';
    const media = response.content[type];
    assert.ok(media, `${where}: ${type} is not documented (${Object.keys(response.content).join(', ')})`);
    if (type === 'text/event-stream') return text;
    let validate = compiled.get(where);
    if (!validate) {
      // Each schema compiled with the document's components at its root, so "#/components/…" resolves.
      validate = ajv.compile({ ...media.schema, components: doc.components });
      compiled.set(where, validate);
    }
    const body = JSON.parse(text) as unknown;
    assert.ok(validate(body), `${where}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 300)}`);
    return body;
  };
  return { check, seen };
}

for (const backend of backends) {
  describe(`OpenAPI document against real answers on ${backend.name}`, () => {
    test('every answer of the public API has a documented status, media type and body shape', async () => {
      const t = await testApp(backend);
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
      const { check, seen } = checker(doc);
      const C = '/api/v1/comments';
      const ONE = '/api/v1/comments/{id}';

      const posted = (await check(
        await t.send('POST', C, {
          site: 'demo',
          page: '/oa',
          url: 'https://news.example.com/oa',
          title: 'T',
          body: 'Hello *there* https://example.com',
          author: { name: 'Ann', email: 'ann@example.com', website: 'https://ann.example' },
        }),
        'post',
        C,
      )) as { comment: { id: string }; editToken: string };
      const id = posted.comment.id;
      const auth = { authorization: `Bearer ${posted.editToken}` };
      const reply = (await check(
        await t.send('POST', C, { site: 'demo', page: '/oa', parentId: id, body: 'a reply' }),
        'post',
        C,
      )) as { editToken: string };
      assert.ok(reply.editToken);
      await check(await t.send('GET', `${C}?site=demo&page=/oa`), 'get', C);
      await check(await t.send('GET', `${C}?site=demo&page=/oa&sort=top&limit=1`), 'get', C);
      await check(await t.send('GET', `${C}?site=demo&page=/never`), 'get', C);
      // One thread's replies (`root`) and a permalink's (`around`): the Replies shape.
      const replies = (await check(await t.send('GET', `${C}?site=demo&page=/oa&root=${id}`), 'get', C)) as { root: string };
      assert.equal(replies.root, id);
      await check(await t.send('GET', `${C}?site=demo&page=/oa&around=${id}`), 'get', C);
      await check(await t.send('GET', `${C}/${id}`), 'get', ONE);
      await check(await t.send('PATCH', `${C}/${id}`, { body: 'edited' }, auth), 'patch', ONE);
      await check(await t.send('POST', `${C}/${id}/vote`, { value: -1 }), 'post', `${ONE}/vote`);
      await check(await t.send('GET', '/api/v1/counts?site=demo&page=/oa&page=/never'), 'get', '/api/v1/counts');
      await check(await t.send('POST', '/api/v1/counts', { site: 'demo', pages: ['/oa'] }), 'post', '/api/v1/counts');
      // Without the right token (checked while the comment still exists).
      await check(await t.send('PATCH', `${C}/${id}`, { body: 'x' }, { authorization: 'Bearer wrong' }), 'patch', ONE);
      await check(await t.send('DELETE', `${C}/${id}`), 'delete', ONE);
      // Deleted with a reply: the listing then holds a {deleted: true} node.
      await check(await t.send('DELETE', `${C}/${id}`, undefined, auth), 'delete', ONE);
      const listing = (await check(await t.send('GET', `${C}?site=demo&page=/oa`), 'get', C)) as {
        comments: { deleted?: boolean }[];
      };
      assert.equal(listing.comments[0]?.deleted, true);

      // Problems, each as documented for its operation.
      await check(await t.send('POST', C, { site: 'demo', page: '/oa', body: '' }), 'post', C);
      await check(await t.send('POST', C, '{"site":', { 'content-type': 'application/json' }), 'post', C);
      await check(await t.send('POST', C, 'body=x', { 'content-type': 'text/plain' }), 'post', C);
      await check(await t.send('POST', C, { site: 'nosuch', page: '/oa', body: 'x' }), 'post', C);
      await check(
        await t.send('POST', C, { site: 'demo', page: '/oa', body: 'x' }, { origin: 'https://evil.example' }),
        'post',
        C,
      );
      await check(await t.send('POST', C, { site: 'demo', page: '/oa', body: 'x'.repeat(200_000) }), 'post', C);
      await check(await t.send('GET', `${C}?site=demo&page=/oa&limit=0`), 'get', C);
      await check(await t.send('GET', `${C}?site=nosuch&page=/oa`), 'get', C);
      await check(await t.send('GET', `${C}?site=demo&page=/oa&root=nosuch`), 'get', C);
      await check(await t.send('GET', `${C}?site=demo&page=/oa&root=${id}&cursor=forged`), 'get', C);
      await check(await t.send('GET', `${C}/nosuch`), 'get', ONE);
      await check(await t.send('PATCH', `${C}/nosuch`, { body: 'x' }, auth), 'patch', ONE);
      await check(await t.send('POST', `${C}/${id}/vote`, { value: 2 }), 'post', `${ONE}/vote`);
      await check(await t.send('POST', `${C}/nosuch/vote`, { value: 1 }), 'post', `${ONE}/vote`);
      await check(await t.send('GET', '/api/v1/counts?site=demo'), 'get', '/api/v1/counts');
      await check(await t.send('GET', '/api/v1/counts?site=nosuch&page=/a'), 'get', '/api/v1/counts');
      await check(await t.send('POST', '/api/v1/counts', { site: 'demo', pages: [] }), 'post', '/api/v1/counts');

      const expected = {
        'post /api/v1/comments': [201, 400, 403, 404, 413, 415, 422],
        'get /api/v1/comments': [200, 404, 422],
        'get /api/v1/comments/{id}': [200, 404],
        'patch /api/v1/comments/{id}': [200, 401, 404],
        'delete /api/v1/comments/{id}': [204, 401],
        'post /api/v1/comments/{id}/vote': [200, 404, 422],
        'get /api/v1/counts': [200, 404, 422],
        'post /api/v1/counts': [200, 422],
      };
      const wanted = Object.entries(expected).flatMap(([op, codes]) => codes.map((c) => `${op} ${c}`));
      assert.deepEqual([...seen].sort(), wanted.sort(), 'each of these answers was produced and checked');
    });

    test('rate limits and locked pages answer as documented', async () => {
      const t = await testApp(backend, { rateLimitPerMinute: 1, rateLimitPerHour: 0 });
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
      const { check } = checker(doc);
      await check(
        await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/rl', body: 'one' }),
        'post',
        '/api/v1/comments',
      );
      const limited = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/rl', body: 'two' });
      assert.equal(limited.status, 429);
      await check(limited, 'post', '/api/v1/comments');
      await t.storage.setPageLocked('demo', '/locked', true, Date.now());
      t.setIp('198.51.100.1');
      const locked = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/locked', body: 'x' });
      assert.equal(locked.status, 403);
      await check(locked, 'post', '/api/v1/comments');
    });
  });
}
