import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { LINK_REL } from '../../domain/markdown.js';
import { backends } from '../../test-support.js';
import { addSite, bySource, fixture, importFile, issoDatabase, storedPages, tempDir } from './test-helpers.js';

const REL = `rel="${LINK_REL}"`;

for (const backend of backends) {
  describe(`import formats on ${backend.name}`, () => {
    test('Disqus: threads, nesting, deleted parent, spam, duplicates, CDATA, odd text, unsafe HTML', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'disqus', fixture('disqus.xml'));
      assert.deepEqual(
        {
          read: summary.read,
          imported: summary.imported,
          skipped: summary.skipped,
          failed: summary.failed,
          pages: summary.pages,
        },
        { read: 11, imported: 9, skipped: 1, failed: 1, pages: 2 },
      );
      assert.deepEqual(summary.skippedBy, { 'duplicate id in the file': 1 });
      assert.deepEqual(summary.failedBy, { 'missing or invalid creation date': 1 });
      assert.equal(summary.failures[0]?.at, '<post> at line 142');
      assert.match(summary.warnings[0]?.reason ?? '', /parent "4999" is not in the file/);

      // Pages: keys are the URLs without query and fragment; a thread without posts is not created.
      assert.deepEqual(await storedPages(storage), [
        {
          key: 'http://old.example.com/2019/closed/',
          url: 'http://old.example.com/2019/closed/',
          title: 'Closed <thread>',
          locked: true,
        },
        {
          key: 'http://old.example.com/2019/hello-world/',
          url: 'http://old.example.com/2019/hello-world/?utm_source=feed#comments',
          title: 'Hello, world & friends',
          locked: false,
        },
      ]);

      const c = await bySource(storage);
      const alice = c.get('5001');
      assert.equal(
        alice?.html,
        `<p>Hello <strong>world</strong>, see <a href="https://example.org/x" ${REL}>this</a>.</p><p>Second paragraph</p>`,
      );
      assert.equal(alice?.body, 'Hello world, see this.\n\nSecond paragraph');
      assert.equal(alice?.author_email, 'alice@example.com');
      assert.equal(alice?.created_at, Date.parse('2019-03-01T10:00:00Z'));
      assert.equal(alice?.status, 'approved');
      assert.equal(alice?.ip_hash, null);

      // Nesting: reply, reply to reply (root is the top comment), child listed before its deleted parent.
      assert.equal(c.get('5002')?.parent_id, alice?.id);
      assert.equal(c.get('5010')?.parent_id, c.get('5002')?.id);
      assert.equal(c.get('5010')?.root_id, alice?.id);
      assert.equal(c.get('5010')?.depth, 2);
      const deleted = c.get('5004');
      assert.equal(deleted?.status, 'deleted');
      assert.deepEqual([deleted?.author_name, deleted?.author_email, deleted?.body, deleted?.html], ['', null, '', '']);
      assert.equal(c.get('5003')?.parent_id, deleted?.id);
      assert.equal(c.get('5003')?.depth, 1);

      assert.equal(c.get('5005')?.status, 'spam');
      // A reply whose parent is missing is kept, as a top-level comment.
      assert.equal(c.get('5008')?.parent_id, null);

      // Odd text: NFC, numeric entities, bidi override stripped, CRLF, markup inside a non-CDATA message.
      const odd = c.get('5006');
      assert.equal(odd?.author_name, 'Zo\u00eb');
      assert.equal(
        odd?.html,
        '<p>Caf\u00e9 \u{1F600} &amp; <strong>not bold</strong> evil \u00fcber \u2014 \u65e5\u672c\u8a9e<br />second line</p>',
      );
      assert.equal(odd?.body, 'Caf\u00e9 \u{1F600} & not bold evil \u00fcber \u2014 \u65e5\u672c\u8a9e\nsecond line');

      // Unsafe HTML: no javascript: link, no image, no style; the text stays.
      assert.equal(c.get('5007')?.html, `<p><a ${REL}>click</a> red</p>`);
    });

    test('Disqus: an ISO-8859-1 file is decoded by its declared encoding', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'disqus', fixture('disqus-latin1.xml'));
      assert.equal(summary.imported, 1);
      const [comment] = (await bySource(storage)).values();
      assert.equal(comment?.html, '<p>D\u00e9j\u00e0 vu \u00e0 M\u00fcnchen</p>');
      assert.equal(comment?.author_name, 'J\u00fcrgen');
      assert.equal((await storedPages(storage))[0]?.title, 'Caf\u00e9 fran\u00e7ais');
    });

    test('WordPress: states, pingbacks, GMT dates, line breaks, children before parents, bad e-mail and URL', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'wordpress', fixture('wordpress.xml'));
      assert.deepEqual(
        {
          read: summary.read,
          imported: summary.imported,
          skipped: summary.skipped,
          failed: summary.failed,
          pages: summary.pages,
        },
        { read: 9, imported: 8, skipped: 1, failed: 0, pages: 2 },
      );
      assert.deepEqual(summary.skippedBy, { 'pingbacks are not comments': 1 });
      assert.deepEqual(
        (await storedPages(storage)).map((p) => [p.key, p.locked]),
        [
          ['https://blog.example.com/2020/01/first-post/', false],
          ['https://blog.example.com/2020/02/closed/', true],
        ],
      );
      const c = await bySource(storage);
      assert.equal(
        c.get('1')?.html,
        `<p>First line<br />second line</p><p>New paragraph with <em>emphasis</em> &amp; an <a href="https://example.org" ${REL}>link</a></p>`,
      );
      assert.equal(c.get('1')?.author_website, 'https://ann.example.com/');
      assert.equal(c.get('1')?.created_at, Date.parse('2020-01-02T10:00:00Z'));
      assert.equal(c.get('2')?.parent_id, c.get('1')?.id);
      assert.deepEqual(
        ['3', '4', '5'].map((id) => c.get(id)?.status),
        ['pending', 'spam', 'deleted'],
      );
      assert.equal(c.get('7')?.parent_id, c.get('8')?.id);
      assert.equal(c.get('7')?.author_website, null, 'javascript: URL dropped');
      assert.equal(c.get('8')?.author_email, null, 'invalid e-mail dropped');
      assert.equal(c.get('9')?.created_at, Date.parse('2020-02-03T08:30:00Z'));
      assert.equal(c.get('6'), undefined);
    });

    test('Isso: modes, parents, markdown with raw HTML escaped, votes, paths mapped to URLs', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'isso', issoDatabase(), {
        urlRules: [{ from: '/', to: 'https://www.example.com/' }],
      });
      assert.deepEqual(
        { read: summary.read, imported: summary.imported, failed: summary.failed, pages: summary.pages },
        { read: 8, imported: 7, failed: 1, pages: 2 },
      );
      assert.deepEqual(summary.failedBy, { 'empty body': 1 });
      assert.deepEqual(
        (await storedPages(storage)).map((p) => [p.key, p.url, p.title]),
        [
          ['https://www.example.com/blog/first/', 'https://www.example.com/blog/first/', 'First post'],
          ['https://www.example.com/blog/second/', 'https://www.example.com/blog/second/?p=2', ''],
        ],
      );
      const c = await bySource(storage);
      assert.equal(c.get('1')?.html, '<p>Hello <em>world</em> &lt;script&gt;alert(1)&lt;/script&gt;</p>');
      assert.equal(c.get('1')?.body, 'Hello *world* <script>alert(1)</script>');
      assert.deepEqual([c.get('1')?.up, c.get('1')?.down], [3, 1]);
      assert.equal(c.get('1')?.author_email, 'ann@example.com');
      assert.equal(c.get('1')?.created_at, 1577872800250);
      assert.equal(c.get('2')?.parent_id, c.get('1')?.id);
      assert.equal(c.get('2')?.edited_at, 1577880000500);
      assert.equal(c.get('3')?.status, 'pending');
      assert.equal(c.get('4')?.status, 'deleted');
      assert.equal(c.get('5')?.parent_id, c.get('4')?.id);
      assert.equal(c.get('6')?.parent_id, c.get('7')?.id);
      assert.equal(c.get('6')?.author_website, null);
    });

    test('Remark42: markdown source, HTML-only comments, edits, deletions, read-only posts, scores', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'remark42', fixture('remark42.jsonl'));
      assert.deepEqual(
        { read: summary.read, imported: summary.imported, failed: summary.failed, pages: summary.pages },
        { read: 6, imported: 5, failed: 1, pages: 2 },
      );
      assert.equal(summary.failures[0]?.at, 'line 7');
      assert.deepEqual(
        (await storedPages(storage)).map((p) => [p.key, p.title, p.locked]),
        [
          ['https://remark.example.com/old/', 'Old post', true],
          ['https://remark.example.com/post-1/', 'Post one', false],
        ],
      );
      const c = await bySource(storage);
      assert.equal(c.get('c-1')?.body, 'Hello *world*');
      assert.equal(c.get('c-1')?.html, '<p>Hello <em>world</em></p>');
      assert.equal(c.get('c-1')?.up, 2);
      assert.equal(c.get('c-1')?.author_email, 'ann@example.com');
      assert.equal(c.get('c-2')?.parent_id, c.get('c-1')?.id);
      assert.equal(c.get('c-2')?.edited_at, Date.parse('2021-05-01T11:05:00Z'));
      assert.equal(c.get('c-3')?.parent_id, c.get('c-2')?.id);
      assert.equal(c.get('c-3')?.down, 1);
      assert.equal(c.get('c-4')?.status, 'deleted');
      assert.equal(c.get('c-5')?.html, '<p>Only <strong>HTML</strong>, no orig</p>');
    });

    test('gzip-compressed exports are inflated on the fly', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const dir = tempDir();
      for (const [format, name] of [
        ['remark42', 'remark42.jsonl'],
        ['commento', 'commento.json'],
        ['disqus', 'disqus.xml'],
      ] as const) {
        const file = join(dir, `${name}.gz`);
        writeFileSync(file, gzipSync(readFileSync(fixture(name))));
        const summary = await importFile(storage, format, file);
        assert.ok(summary.imported >= 5, `${format}: ${summary.imported}`);
        assert.equal(summary.failed, format === 'commento' ? 0 : 1, format);
      }
    });

    test('Commento: commenters, states, deleted, root parents, children before parents', async () => {
      const storage = await backend.open();
      await addSite(storage);
      const summary = await importFile(storage, 'commento', fixture('commento.json'));
      assert.deepEqual(
        { read: summary.read, imported: summary.imported, failed: summary.failed, pages: summary.pages },
        { read: 6, imported: 6, failed: 0, pages: 2 },
      );
      const c = await bySource(storage);
      assert.equal(c.get('c3')?.parent_id, c.get('c1')?.id);
      assert.equal(c.get('c1')?.html, '<p><strong>Bold</strong> start</p>');
      assert.equal(c.get('c1')?.author_name, 'Uma');
      assert.equal(c.get('c1')?.author_website, 'https://uma.example.com/');
      assert.equal(c.get('c1')?.author_email, 'uma@example.com');
      assert.equal(c.get('c1')?.up, 4);
      assert.equal(c.get('c3')?.author_website, null, '"undefined" is not a website');
      assert.deepEqual(
        [c.get('c4')?.status, c.get('c4')?.author_name, c.get('c5')?.status, c.get('c5')?.down, c.get('c6')?.status],
        ['pending', 'Anonymous', 'spam', 2, 'deleted'],
      );
      assert.equal(c.get('c7')?.page_key, 'https://commento.example.com/other/');
    });
  });
}
