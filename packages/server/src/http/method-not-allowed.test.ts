import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backends, problemOf, testApp } from '../test-support.js';

test('a known path with another method: 405 method-not-allowed naming the methods in Allow; an unknown path: 404', async () => {
  const t = await testApp(backends[0]!);
  const put = await t.send('PUT', '/api/v1/comments/abc', {});
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('allow'), 'GET, PATCH, DELETE, HEAD');
  assert.equal((await problemOf(put)).code, 'method-not-allowed');
  const feed = await t.send('POST', '/api/v1/feeds/demo/comments.atom', {});
  assert.equal(feed.status, 405);
  assert.equal(feed.headers.get('allow'), 'GET, HEAD');
  const unknown = await t.send('PUT', '/api/v1/feeds/demo/other.atom', {});
  assert.equal(unknown.status, 404);
  assert.equal((await problemOf(unknown)).code, 'not-found');
  assert.equal(unknown.headers.get('allow'), null);
});
