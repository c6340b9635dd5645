import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addSite, bySource, fixture, importFile, issoDatabase, storedComments, storedPages } from '../cli/import/test-helpers.js';
import { importStorageOf } from '../storage/import-storage.js';
import { backends } from '../test-support.js';
import { ImportRun } from './import.js';
import { type ImportRecord, MalformedImportError, mapUrl, pageKeyOf } from './import-records.js';

async function* records(list: ImportRecord[]): AsyncIterable<ImportRecord> {
  yield* list;
}

const page = (ref: string): ImportRecord => ({
  kind: 'page',
  ref,
  url: `https://example.com/${ref}/`,
  title: ref,
  locked: false,
});
const comment = (sourceId: string, parent: string | null, at = 0): ImportRecord => ({
  kind: 'comment',
  sourceId,
  pageRef: 'p',
  parentSourceId: parent,
  authorName: sourceId,
  authorEmail: null,
  authorWebsite: null,
  body: `comment ${sourceId}`,
  status: 'approved',
  createdAt: 1_600_000_000_000 + at,
});

describe('URL mapping', () => {
  test('the longest matching prefix is rewritten; page keys drop query and fragment', () => {
    const rules = [
      { from: 'http://old.example.com/', to: 'https://www.example.com/' },
      { from: 'http://old.example.com/blog/', to: 'https://blog.example.com/' },
    ];
    assert.equal(mapUrl('http://old.example.com/a?x=1', rules), 'https://www.example.com/a?x=1');
    assert.equal(mapUrl('http://old.example.com/blog/b', rules), 'https://blog.example.com/b');
    assert.equal(mapUrl('https://elsewhere.example/', rules), 'https://elsewhere.example/');
    assert.equal(pageKeyOf('https://www.example.com/a?x=1#c'), 'https://www.example.com/a');
    assert.equal(pageKeyOf('HTTPS://WWW.Example.com'), 'https://www.example.com/');
    assert.equal(pageKeyOf('/blog/post/?p=1'), '/blog/post/');
  });
});

for (const backend of backends) {
  describe(`import on ${backend.name}`, () => {
    test('importing the same file twice creates nothing new', async () => {
      const storage = await backend.open();
      await addSite(storage);
      for (const [format, file] of [
        ['disqus', fixture('disqus.xml')],
        ['wordpress', fixture('wordpress.xml')],
        ['isso', issoDatabase()],
        ['remark42', fixture('remark42.jsonl')],
        ['commento', fixture('commento.json')],
      ] as const) {
        const first = await importFile(storage, format, file);
        const before = await storedComments(storage);
        const pagesBefore = await storedPages(storage);
        const second = await importFile(storage, format, file);
        assert.equal(second.imported, 0, format);
        assert.equal(second.pages, 0, format);
        // Duplicates inside the file now meet their first copy in the database.
        const duplicates = first.skippedBy['duplicate id in the file'] ?? 0;
        assert.equal(second.skippedBy['already imported'], first.imported + duplicates, format);
        assert.deepEqual(await storedComments(storage), before, format);
        assert.deepEqual(await storedPages(storage), pagesBefore, format);
      }
    });

    test('--map-url rewrites hosts and prefixes before page keys are made', async () => {
      const storage = await backend.open();
      await addSite(storage);
      await importFile(storage, 'disqus', fixture('disqus.xml'), {
        urlRules: [{ from: 'http://old.example.com/2019/', to: 'https://news.example.com/archive/' }],
      });
      assert.deepEqual(
        (await storedPages(storage)).map((p) => p.key),
        ['https://news.example.com/archive/closed/', 'https://news.example.com/archive/hello-world/'],
      );
    });

    test('--dry-run reads and counts everything and writes nothing', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const dry = await importFile(storage, 'disqus', fixture('disqus.xml'), { dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.equal(dry.imported, 9);
      assert.equal(dry.pages, 2);
      assert.deepEqual(await storedComments(storage), []);
      assert.deepEqual(await storedPages(storage), []);
      // …and the real run afterwards does what the dry run said.
      const real = await importFile(storage, 'disqus', fixture('disqus.xml'));
      assert.deepEqual(
        [real.imported, real.skipped, real.failed, real.pages],
        [dry.imported, dry.skipped, dry.failed, dry.pages],
      );
    });

    test('children before parents across batches, chains of orphans, and parents from an earlier run', async () => {
      const storage = await backend.open();
      await addSite(storage);
      // Batch size 2: the reply "d" arrives two batches before its parent "a".
      const first = await new ImportRun({ siteId: 'demo', source: 'disqus', batchSize: 2 }).run(
        importStorageOf(storage),
        records([
          page('p'),
          comment('d', 'c', 4),
          comment('x', null, 9),
          comment('c', 'b', 3),
          comment('b', 'a', 2),
          comment('a', null, 1),
        ]),
      );
      assert.equal(first.imported, 5);
      let c = await bySource(storage);
      assert.equal(c.get('b')?.parent_id, c.get('a')?.id);
      assert.equal(c.get('c')?.parent_id, c.get('b')?.id);
      assert.equal(c.get('d')?.parent_id, c.get('c')?.id);
      assert.deepEqual([c.get('d')?.depth, c.get('d')?.root_id], [3, c.get('a')?.id]);

      // A later file with a reply to a comment of the first run attaches below it.
      await new ImportRun({ siteId: 'demo', source: 'disqus' }).run(
        importStorageOf(storage),
        records([page('p'), comment('e', 'd', 5)]),
      );
      c = await bySource(storage);
      assert.equal(c.get('e')?.parent_id, c.get('d')?.id);
      assert.equal(c.get('e')?.depth, 4);

      // Orphan chains: "g" waits for the missing "f", "h" for "g": g becomes top-level, h stays below g.
      const orphans = await new ImportRun({ siteId: 'demo', source: 'disqus' }).run(
        importStorageOf(storage),
        records([page('p'), comment('h', 'g', 7), comment('g', 'f', 6)]),
      );
      assert.equal(orphans.imported, 2);
      assert.equal(orphans.warningCount, 1);
      c = await bySource(storage);
      assert.equal(c.get('g')?.parent_id, null);
      assert.equal(c.get('h')?.parent_id, c.get('g')?.id);
    });

    test('thousands of replies waiting for a parent that never comes are all kept', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const waiting = Array.from({ length: 1500 }, (_, i) => comment(`w${i}`, 'missing', i));
      const summary = await new ImportRun({ siteId: 'demo', source: 'disqus', batchSize: 100 }).run(
        importStorageOf(storage),
        records([page('p'), ...waiting]),
      );
      assert.equal(summary.imported, 1500);
      assert.equal(summary.warningCount, 1500);
      assert.equal(summary.warnings.length, 50, 'the summary lists the first 50');
      assert.ok((await storedComments(storage)).every((c) => c.parent_id === null));
    });

    test('a comment on an unknown page fails; one whose page comes later is kept', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const late: ImportRecord = { ...(comment('late', null) as Extract<ImportRecord, { kind: 'comment' }>), pageRef: 'q' };
      const lost: ImportRecord = { ...(comment('lost', null) as Extract<ImportRecord, { kind: 'comment' }>), pageRef: 'nowhere' };
      const summary = await new ImportRun({ siteId: 'demo', source: 'remark42' }).run(
        importStorageOf(storage),
        records([late, lost, page('q')]),
      );
      assert.equal(summary.imported, 1);
      assert.deepEqual(summary.failedBy, { 'unknown page …': 1 });
      assert.equal((await bySource(storage)).get('late')?.page_key, 'https://example.com/q/');
    });

    test('an unknown site is refused before anything is written', async () => {
      const storage = await backend.open();
      await assert.rejects(importFile(storage, 'disqus', fixture('disqus.xml')), { code: 'site-not-found' });
    });

    test('a malformed file of each format stops with the line or element that broke', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const cases = [
        ['disqus', 'disqus-malformed.xml', /^line 13, column \d+ in <post> opened at line 12: /],
        ['wordpress', 'wordpress-malformed.xml', /in <wp:comment_author> opened at line 16: /],
        ['remark42', 'remark42-malformed.jsonl', /^line 3: not valid JSON/],
        ['commento', 'commento-malformed.json', /^file: not valid JSON/],
        ['parley', 'parley-malformed.jsonl', /^line 3: not valid JSON/],
        ['isso', 'isso-malformed.db', /^file: not an Isso database/],
      ] as const;
      for (const [format, file, message] of cases) {
        await assert.rejects(importFile(storage, format, fixture(file)), (err: unknown) => {
          assert.ok(err instanceof MalformedImportError, `${format}: ${String(err)}`);
          assert.match(err.message, message, format);
          return true;
        });
      }
    });
  });
}
