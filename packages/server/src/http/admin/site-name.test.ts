import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { backends } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

// Found by the API fuzz (src/http/api-fuzz.test.ts): a site name was stored as sent, NULs and
// bidi overrides included, and shown in the console, feeds and mails.
describe('site names are cleaned like other stored text', () => {
  for (const backend of backends) {
    test(`${backend.name}: PATCH /api/admin/sites/:id strips controls and bidi overrides`, async () => {
      const t = await adminApp(backend);
      const { site } = await t.owner.json<{ site: { name: string } }>('PATCH', '/api/admin/sites/demo', {
        name: ' News\u0000 \u202Edesk\u202C\uD800 ',
      });
      assert.equal(site.name, 'News desk\uFFFD');
      assert.equal((await t.storage.getSite('demo'))?.name, 'News desk\uFFFD');
      const blank = await t.owner.json<{ site: { name: string } }>('PATCH', '/api/admin/sites/demo', { name: '\u0000 \u0007' });
      assert.equal(blank.site.name, 'demo', 'a name of controls only falls back to the id');
    });
  }

  test('buildSite (CLI site add) cleans the name too', () => {
    assert.equal(buildSite({ id: 'x', name: 'A\u0000\u202Eb', origins: [] }, 0).name, 'Ab');
    assert.equal(buildSite({ id: 'x', name: '\u0000', origins: [] }, 0).name, 'x');
  });
});
