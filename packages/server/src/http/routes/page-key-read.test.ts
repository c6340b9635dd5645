import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, testApp } from '../../test-support.js';

/**
 * A page key that the cleaning changes (spaces around it, a decomposed letter, a control
 * character) is stored cleaned; every read of that key finds the same page (the API fuzz found
 * listings and counts looking the raw key up and answering an empty page).
 */
for (const backend of backends) {
  describe(`page keys on reads, ${backend.name}`, () => {
    test('listing, counts and feed find a page by the key as it was posted', async () => {
      const t = await testApp(backend);
      const raw = ' /caf\u0065\u0301\u0007 ';
      const stored = '/caf\u00e9';
      await t.post(raw, 'hello');
      for (const key of [raw, stored]) {
        const listing = await t.list(key);
        assert.equal(listing.page.key, stored, JSON.stringify(key));
        assert.equal(listing.page.count, 1, JSON.stringify(key));
        const counts = await t.send('GET', `/api/v1/counts?site=demo&page=${encodeURIComponent(key)}`);
        assert.deepEqual(((await counts.json()) as { counts: Record<string, number> }).counts, { [stored]: 1 });
        const posted = await t.send('POST', '/api/v1/counts', { site: 'demo', pages: [key] });
        assert.deepEqual(((await posted.json()) as { counts: Record<string, number> }).counts, { [stored]: 1 });
        const feed = await t.send('GET', `/api/v1/feeds/demo/page.atom?page=${encodeURIComponent(key)}`);
        assert.equal(feed.status, 200);
        assert.match(await feed.text(), /hello/);
      }
    });

    test('a key that is empty once cleaned is refused on reads as on posts', async () => {
      const t = await testApp(backend);
      const res = await t.send('GET', `/api/v1/comments?site=demo&page=${encodeURIComponent(' \u0007 ')}`);
      assert.equal(res.status, 422);
    });
  });
}
