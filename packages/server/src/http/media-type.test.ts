import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../test-support.js';

// Found by the API fuzz (src/http/api-fuzz.test.ts): `application/json;;;` passed the JSON-body
// check but not the OpenAPI validator, whose 415 was answered with the code `bad-request`.
describe('JSON-like media types the API does not take', () => {
  for (const type of ['application/json;;;', 'application/jsonx', 'text/plain']) {
    test(`POST /api/v1/comments as ${type}: 415 unsupported-media-type`, async () => {
      const t = await testApp(backends[0]!);
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'x' }, { 'content-type': type });
      assert.equal(res.status, 415);
      assert.equal((await problemOf(res)).code, 'unsupported-media-type');
    });
  }
});
