import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { backends, problemOf } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

/** Import as an upload: the same readers and ImportRun as `parley import`, owners only, size limited. */

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));
const DISQUS = fixture('disqus.xml');

interface Summary {
  read: number;
  imported: number;
  skipped: number;
  failed: number;
  pages: number;
  dryRun: boolean;
  skippedBy: Record<string, number>;
}

for (const backend of backends) {
  describe(`admin import upload (${backend.name})`, () => {
    const upload = (
      t: Awaited<ReturnType<typeof adminApp>>,
      query: string,
      body: Uint8Array,
      headers: Record<string, string> = {},
    ) =>
      t.app.request(`/api/admin/import?${query}`, {
        method: 'POST',
        headers: {
          cookie: `parley_admin=${t.owner.cookie}`,
          'x-parley-csrf': t.owner.csrf,
          origin: 'http://localhost',
          'content-type': 'application/xml',
          ...headers,
        },
        body,
      });
    const count = async (t: Awaited<ReturnType<typeof adminApp>>) =>
      ((await t.owner.json('GET', '/api/admin/comments?site=demo&limit=100')) as { comments: unknown[] }).comments.length;

    test('a Disqus export is imported with a summary; uploading it again creates nothing new', async () => {
      const t = await adminApp(backend);
      const res = await upload(t, 'site=demo&format=disqus', DISQUS);
      assert.equal(res.status, 200);
      const { summary } = (await res.json()) as { summary: Summary };
      assert.deepEqual(
        [summary.read, summary.imported, summary.skipped, summary.failed, summary.pages, summary.dryRun],
        [11, 9, 1, 1, 2, false],
      );
      assert.equal(await count(t), 9);
      const again = (await (await upload(t, 'site=demo&format=disqus', DISQUS)).json()) as { summary: Summary };
      assert.equal(again.summary.imported, 0);
      assert.equal(await count(t), 9);
    });

    test('a dry run reports the same and writes nothing', async () => {
      const t = await adminApp(backend);
      const { summary } = (await (await upload(t, 'site=demo&format=disqus&dryRun=true', DISQUS)).json()) as { summary: Summary };
      assert.equal(summary.dryRun, true);
      assert.equal(summary.imported, 9);
      assert.equal(await count(t), 0);
    });

    test('a file over the limit is refused with 413, streamed or declared, and nothing is imported', async () => {
      const t = await adminApp(backend, { app: { importMaxBytes: 1000 } });
      assert.ok(DISQUS.length > 1000);
      const streamed = await upload(t, 'site=demo&format=disqus', DISQUS);
      assert.equal(streamed.status, 413);
      assert.equal((await problemOf(streamed)).code, 'payload-too-large');
      const declared = await upload(t, 'site=demo&format=disqus', DISQUS.subarray(0, 10), { 'content-length': '5000' });
      assert.equal(declared.status, 413);
      assert.equal(await count(t), 0);
      // At the limit exactly it is read (and this small file is malformed, which is a 422, not a 413).
      const fits = await upload(t, 'site=demo&format=disqus', DISQUS.subarray(0, 1000));
      assert.equal(fits.status, 422);
    });

    test('a malformed file is a 422 naming where it broke; bad parameters are 422; moderators get 403', async () => {
      const t = await adminApp(backend);
      const bad = await upload(t, 'site=demo&format=disqus', fixture('disqus-malformed.xml'));
      assert.equal(bad.status, 422);
      const problem = await problemOf(bad);
      assert.equal(problem.code, 'malformed-file');
      assert.match(problem.detail, /line \d+/);
      const format = await upload(t, 'site=demo&format=csv', DISQUS);
      assert.equal(format.status, 422);
      assert.equal((await problemOf(format)).code, 'invalid-fields');
      const site = await upload(t, 'site=nope&format=disqus', DISQUS);
      assert.equal(site.status, 404);
      const empty = await upload(t, 'site=demo&format=disqus', new Uint8Array());
      assert.equal(empty.status, 400);

      await t.app.admins.add({ email: 'mod@example.com', password: 'correct horse battery', role: 'moderator', sites: ['demo'] });
      const mod = await t.signIn('mod@example.com');
      const refused = await t.app.request('/api/admin/import?site=demo&format=disqus', {
        method: 'POST',
        headers: { cookie: `parley_admin=${mod.cookie}`, 'x-parley-csrf': mod.csrf, origin: 'http://localhost' },
        body: DISQUS,
      });
      assert.equal(refused.status, 403);
      assert.equal((await problemOf(refused)).code, 'forbidden');
      assert.equal(await count(t), 0);
    });
  });
}
