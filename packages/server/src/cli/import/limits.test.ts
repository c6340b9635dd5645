import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ImportLimitError } from '../../domain/import-records.js';
import { type Line, linesOf, openText } from './file.js';
import { tempDir } from './test-helpers.js';
import { type XmlEvent, xmlEvents } from './xml.js';

/**
 * The readers' bounds: a line, an XML element or a run of XML text longer than the limit stops
 * the read as soon as that much has arrived (the rest of the stream is never asked for), and a
 * gzip file stops once it has inflated past its limit. Within the limits nothing changes.
 */

/** `chunks` as a stream that counts how many were asked for. */
function counted(chunks: string[]) {
  const seen = { n: 0 };
  async function* stream() {
    for (const c of chunks) {
      seen.n++;
      yield c;
    }
  }
  return { stream: stream(), seen };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('import read limits', () => {
  test('lines split across chunks, CRLF and a last line without newline read as before', async () => {
    const { stream } = counted(['ab', 'c\r', '\nde\n', '\n', 'fg']);
    const lines: Line[] = await all(linesOf(stream, 4));
    assert.deepEqual(lines, [
      { text: 'abc', line: 1 },
      { text: 'de', line: 2 },
      { text: '', line: 3 },
      { text: 'fg', line: 4 },
    ]);
  });

  test('a line longer than the limit stops the read there, naming the line, even if it never ends', async () => {
    const { stream, seen } = counted(['ok\n', 'xxxx', 'xxxx', 'xxxx', 'xxxx', 'xxxx']);
    const read: Line[] = [];
    await assert.rejects(
      async () => {
        for await (const line of linesOf(stream, 10)) read.push(line);
      },
      (err: unknown) =>
        err instanceof ImportLimitError &&
        err.limit === 'record' &&
        err.message === 'line 2: the line is longer than 10 characters',
    );
    assert.deepEqual(read, [{ text: 'ok', line: 1 }]);
    assert.equal(seen.n, 4, 'no chunk asked for past the limit');
    // A line ending within the chunk that passes the limit is refused too.
    await assert.rejects(all(linesOf(counted(['12345', '678901\n']).stream, 10)), ImportLimitError);
  });

  test('an XML element or a run of text longer than the limit stops the read', async () => {
    const capture = { capture: (path: string[]) => path.join('/') === 'r/post', maxChars: 50 };
    const fine = await all(xmlEvents(counted(['<r><post><m>hello</m></post>', '<post/></r>']).stream, capture));
    assert.deepEqual(
      fine.map((e: XmlEvent) => (e.type === 'element' ? e.node.children.map((c) => c.text) : [])),
      [['hello'], []],
    );
    // Many small children: no text is long, the element is.
    const children = counted(['<r><post>', ...Array.from({ length: 20 }, () => '<m>x</m>'), '</post></r>']);
    await assert.rejects(all(xmlEvents(children.stream, capture)), (err: unknown) => {
      assert.ok(err instanceof ImportLimitError);
      assert.match(err.message, /^line 1 in <post> opened at line 1: an element longer than 50 characters$/);
      return true;
    });
    assert.ok(children.seen.n < 10, `stopped early (${children.seen.n} chunks)`);
    // Text outside any captured element, which the parser would buffer whole until the next tag.
    const text = counted(['<r>', ...Array.from({ length: 20 }, () => 'y'.repeat(20)), '</r>']);
    await assert.rejects(all(xmlEvents(text.stream, capture)), /text or markup without a tag longer than 50 characters/);
    assert.ok(text.seen.n < 10, `stopped early (${text.seen.n} chunks)`);
  });

  test('a gzip file stops once it has inflated past the limit; the same file reads whole without one', async () => {
    const file = join(tempDir(), 'bomb.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(2 * 1024 * 1024, 'z')));
    await assert.rejects(all(openText(file, undefined, { maxInflatedBytes: 1024 * 1024 }).chunks), (err: unknown) => {
      assert.ok(err instanceof ImportLimitError);
      assert.equal(err.limit, 'inflated');
      assert.equal(err.message, 'file: holds more than 1048576 bytes once inflated');
      return true;
    });
    const whole = (await all(openText(file).chunks)).join('');
    assert.equal(whole.length, 2 * 1024 * 1024);
  });
});
