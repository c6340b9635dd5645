import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../../test-support.js';

// Found by the API fuzz (src/http/api-fuzz.test.ts): a POST to a mail-link page that says it is
// a form but is not one made parseBody throw, answered as a 500.
describe('mail-link pages with a broken form body', () => {
  for (const path of ['/notify/confirm', '/notify/unsubscribe', '/notify/moderate?action=approve']) {
    for (const type of ['multipart/form-data; boundary=x', 'multipart/form-data']) {
      test(`POST ${path} as ${type} with a JSON body: 400 bad-request`, async () => {
        const t = await testApp(backends[0]!);
        const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': type }, body: '{}' });
        assert.equal(res.status, 400);
        assert.equal((await problemOf(res)).code, 'bad-request');
      });
    }
  }

  test('a well-formed form without a token still shows the "link not valid" page', async () => {
    const t = await testApp(backends[0]!);
    const body = new FormData();
    body.set('x', '1');
    const res = await t.app.request('/notify/confirm', { method: 'POST', body });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  });
});
