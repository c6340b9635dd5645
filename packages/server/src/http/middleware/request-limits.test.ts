import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../../test-support.js';
import { PASSWORD } from '../admin/test-helpers.js';
import { MAX_QUERY_PARAMS, MAX_URL_LENGTH } from './request-limits.js';

describe('request target limits', () => {
  test(`a URL over ${MAX_URL_LENGTH} characters: 414 uri-too-long; at the limit it is served`, async () => {
    const t = await testApp(backends[0]!);
    const base = '/api/v1/comments?site=demo&page=';
    const over = await t.send('GET', base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1));
    assert.equal(over.status, 414);
    assert.equal((await problemOf(over)).code, 'uri-too-long');
    const at = await t.send('GET', base + 'a'.repeat(MAX_URL_LENGTH - base.length));
    assert.notEqual(at.status, 414);
  });

  test(`more than ${MAX_QUERY_PARAMS} query parameters: 400 too-many-parameters; 100 pages to counts still work`, async () => {
    const t = await testApp(backends[0]!);
    const many = await t.send('GET', `/api/v1/counts?site=demo${'&page=%2Fp'.repeat(MAX_QUERY_PARAMS)}`);
    assert.equal(many.status, 400);
    assert.equal((await problemOf(many)).code, 'too-many-parameters');
    const pages = Array.from({ length: 100 }, (_, i) => `&page=%2Fp${i}`).join('');
    assert.equal((await t.send('GET', `/api/v1/counts?site=demo${pages}`)).status, 200);
  });
});

// Found by the API fuzz (src/http/api-fuzz.test.ts): PostgreSQL refuses text holding NUL
// (SQLSTATE 22021), so an id or e-mail address with one was answered 500.
describe('NUL characters in requests', () => {
  for (const backend of backends) {
    test(`${backend.name}: NUL in the URL is a 400 before any lookup`, async () => {
      const t = await testApp(backend);
      for (const path of ['/api/v1/comments/%00', '/api/v1/comments?site=demo&page=%2Fp%00', '/api/admin/comments/a%00b']) {
        const res = await t.send('GET', path);
        assert.equal(res.status, 400, path);
        assert.equal((await problemOf(res)).code, 'bad-request');
      }
    });

    test(`${backend.name}: NUL in body fields that are looked up unchanged is a 4xx, never a 500`, async () => {
      const t = await testApp(backend);
      const reply = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'x', parentId: 'a\u0000b' });
      const login = await t.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner\u0000@example.com', password: PASSWORD }),
      });
      for (const res of [reply, login]) assert.ok(res.status >= 400 && res.status < 500, `answered ${res.status}`);
      const problem = await problemOf(reply);
      // SQLite finds no such parent; PostgreSQL refuses the lookup, now mapped to a 400.
      assert.equal(problem.code, backend.name === 'postgres' ? 'bad-request' : 'parent-not-found');
      assert.equal((await problemOf(login)).code, 'invalid-credentials');
    });
  }
});
