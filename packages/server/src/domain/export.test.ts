import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { fixture, importFile, storedComments, tempDir } from '../cli/import/test-helpers.js';
import { importStorageOf } from '../storage/import-storage.js';
import type { Storage } from '../storage/types.js';
import { backends, ORIGIN } from '../test-support.js';
import { CommentService } from './comments.js';
import { ExportRun } from './export.js';
import { buildSite } from './sites.js';

const schemaFile = fileURLToPath(new URL('../../../../docs/interchange.schema.json', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: true });
formats.default(ajv);
const validateLine = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

async function exportText(storage: Storage, siteId = 'demo'): Promise<string> {
  let text = '';
  for await (const line of new ExportRun(importStorageOf(storage), siteId).lines()) text += `${line}\n`;
  return text;
}

/** A site with imported comments (HTML from Disqus and WordPress) and native ones (markdown, an edit, a vote, a reply, a deletion). */
async function seeded(storage: Storage): Promise<void> {
  await storage.createSite(
    buildSite(
      {
        id: 'demo',
        name: 'Demo "news"',
        origins: [ORIGIN],
        settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, maxDepth: 3, requireFormToken: false },
      },
      1_700_000_000_000,
    ),
  );
  await importFile(storage, 'disqus', fixture('disqus.xml'));
  await importFile(storage, 'wordpress', fixture('wordpress.xml'));
  let clock = 1_700_000_000_000;
  const service = new CommentService(storage, () => clock++);
  const caller = { origin: ORIGIN, ip: '203.0.113.7' };
  const page = `${ORIGIN}/native/`;
  const { comment: top, editToken } = await service.create(
    {
      site: 'demo',
      page,
      url: page,
      title: 'Native',
      body: 'Native **markdown** with a https://example.org link',
      author: { name: 'Nat', email: 'nat@example.com' },
    },
    caller,
  );
  await service.edit(top.id, editToken, 'Edited *once*', caller);
  await service.vote(top.id, 1, caller);
  const { comment: reply, editToken: replyToken } = await service.create(
    { site: 'demo', page, parentId: top.id, body: 'A reply\n\n> quoted' },
    caller,
  );
  await service.create({ site: 'demo', page, parentId: reply.id, body: 'Below a deleted reply' }, caller);
  await service.remove(reply.id, replyToken, caller);
}

for (const backend of backends) {
  describe(`export on ${backend.name}`, () => {
    test('every line of an export validates against docs/interchange.schema.json', async () => {
      const storage = await backend.open();
      await seeded(storage);
      const lines = (await exportText(storage)).trimEnd().split('\n');
      assert.ok(lines.length > 20);
      for (const [i, line] of lines.entries()) {
        const ok = validateLine(JSON.parse(line));
        assert.ok(ok, `line ${i + 1}: ${ajv.errorsText(validateLine.errors)}`);
      }
      const header = JSON.parse(lines[0] ?? '{}') as { type: string; site: { id: string; name: string } };
      assert.deepEqual([header.type, header.site.id, header.site.name], ['parley-export', 'demo', 'Demo "news"']);
      // The export is the administrator's backup: e-mail addresses are in it (and nowhere public).
      assert.ok(lines.some((l) => l.includes('"email":"alice@example.com"')));
    });

    test('the schema rejects lines that break it', () => {
      const comment = {
        type: 'comment',
        id: 'a',
        page: 'k',
        parentId: null,
        status: 'approved',
        author: { name: 'A', email: null, website: null },
        body: 'b',
        html: '<p>b</p>',
        createdAt: '2024-01-01T00:00:00.000Z',
        editedAt: null,
        up: 0,
        down: 0,
      };
      assert.equal(validateLine(comment), true);
      assert.equal(validateLine({ ...comment, status: 'visible' }), false);
      assert.equal(validateLine({ ...comment, createdAt: 'yesterday' }), false);
      assert.equal(validateLine({ ...comment, ip: '192.0.2.1' }), false);
      assert.equal(
        validateLine({ type: 'parley-export', version: 2, site: { id: 'x', name: 'x', origins: [], settings: {} } }),
        false,
      );
    });

    test('round trip: export, import into an empty database, export again gives the same document', async () => {
      const source = await backend.open();
      await seeded(source);
      const first = await exportText(source);
      const file = join(tempDir(), 'site.jsonl');
      writeFileSync(file, first);

      const target = await backend.open();
      const summary = await importFile(target, 'parley', file);
      assert.equal(summary.failed, 0);
      assert.equal(summary.imported, (await storedComments(source)).length);
      const second = await exportText(target);
      assert.equal(second, first);

      // And the Parley format is idempotent like the others.
      const again = await importFile(target, 'parley', file);
      assert.equal(again.imported, 0);
      assert.equal(await exportText(target), first);
    });

    test('an unknown site is a site-not-found problem', async () => {
      const storage = await backend.open();
      await assert.rejects(exportText(storage, 'nope'), { code: 'site-not-found' });
    });
  });
}
