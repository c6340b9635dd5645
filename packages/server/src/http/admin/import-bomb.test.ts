import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readConfig } from '../../config.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

/**
 * Gzip bombs uploaded to the import route: a few kilobytes that inflate to tens of megabytes of
 * one record (a Commento document parsed whole, one JSON line, one XML text) or to more than the
 * inflated limit. Each is refused with a problem as soon as the limit is met, the process's heap
 * stays within tens of megabytes of where it was, and the server goes on serving.
 */

/** Gzip of `head`, `unit` repeated until the text passes `chars`, and `tail`: built in pieces, never as one big string. */
function bomb(head: string, unit: string, chars: number, tail: string): Buffer {
  const piece = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const parts = [Buffer.from(head)];
  for (let n = 0; n < chars; n += piece.length) parts.push(piece);
  parts.push(Buffer.from(tail));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Well past the 16 MiB limit of one record, so a reader without one holds hundreds of MB (a Commento one parses it). */
const OVER = 24 * 1024 * 1024;

/** The highest heap use seen while `work` runs, above what it was before, sampled every few milliseconds. */
async function peakHeapGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, growthMb: (peak - before) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

for (const backend of backends) {
  describe(`import upload gzip bombs (${backend.name})`, () => {
    async function setup(app: { importInflatedMaxBytes?: number } = {}) {
      const t = await adminApp(backend, { app });
      const upload = async (format: string, body: Uint8Array): Promise<Response> =>
        t.app.request(`/api/admin/import?site=demo&format=${format}`, {
          method: 'POST',
          headers: {
            cookie: `parley_admin=${t.owner.cookie}`,
            'x-parley-csrf': t.owner.csrf,
            origin: 'http://localhost',
            'content-type': 'application/gzip',
          },
          body,
        });
      /** The server still answers, and nothing of the bomb was imported. */
      const stillServing = async () => {
        const { comments } = await t.owner.json<{ comments: unknown[] }>('GET', '/api/admin/comments?site=demo&limit=10');
        assert.deepEqual(comments, []);
        assert.equal((await t.owner.req('GET', '/api/admin/session')).status, 200);
      };
      return { upload, stillServing };
    }

    const cases = [
      {
        name: 'a Commento export of 24 MiB of empty objects',
        format: 'commento',
        body: () => bomb('{"version":1,"commenters":[],"comments":[', '{},', OVER, '{}]}'),
        at: /^The file has a record too long to read at file: a Commento export longer than 16777216 characters$/,
      },
      {
        name: 'a Parley export whose first line is 24 MiB long',
        format: 'parley',
        body: () => bomb('{"type":"parley-export","x":"', 'a', OVER, '"}\n'),
        at: /at line 1: the line is longer than 16777216 characters$/,
      },
      {
        name: 'a Disqus export with 24 MiB of text in one message',
        format: 'disqus',
        body: () => bomb('<?xml version="1.0"?>\n<disqus><post><message>', 'a', OVER, '</message></post></disqus>'),
        at: /at line 2 in <message> opened at line 2: an element longer than 16777216 characters$/,
      },
    ];
    for (const c of cases) {
      test(`${c.name} is 422 record-too-large, read no further than the limit`, async () => {
        const { upload, stillServing } = await setup();
        const body = c.body();
        assert.ok(body.length < 200_000, `a small upload (${body.length} bytes)`);
        const { result: res, growthMb } = await peakHeapGrowth(() => upload(c.format, body));
        assert.equal(res.status, 422);
        const problem = await problemOf(res);
        assert.equal(problem.code, 'record-too-large');
        assert.match(problem.detail, c.at);
        assert.ok(growthMb < 64, `heap grew by ${growthMb.toFixed(1)} MB`);
        await stillServing();
      });
    }

    test('an upload that inflates past PARLEY_IMPORT_INFLATED_MAX_BYTES is 413 inflated-too-large', async () => {
      const { upload, stillServing } = await setup({ importInflatedMaxBytes: 1024 * 1024 });
      // Blank lines: every record small, only the whole too big.
      const body = bomb('{"version":1}\n', `${' '.repeat(1023)}\n`, 4 * 1024 * 1024, '');
      const res = await upload('remark42', body);
      assert.equal(res.status, 413);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'inflated-too-large');
      assert.match(problem.detail, /more than 1048576 bytes once inflated/);
      await stillServing();
      // The same upload inflates within a larger limit and is read.
      const roomy = await setup({ importInflatedMaxBytes: 8 * 1024 * 1024 });
      assert.equal((await roomy.upload('remark42', body)).status, 200);
    });
  });
}

test('PARLEY_IMPORT_INFLATED_MAX_BYTES defaults to ten times the upload limit and can be set', () => {
  assert.equal(readConfig({}).importInflatedMaxBytes, 500 * 1024 * 1024);
  assert.equal(readConfig({ PARLEY_IMPORT_UPLOAD_MAX_BYTES: '1000' }).importInflatedMaxBytes, 10_000);
  assert.equal(readConfig({ PARLEY_IMPORT_INFLATED_MAX_BYTES: '5000' }).importInflatedMaxBytes, 5000);
  assert.throws(() => readConfig({ PARLEY_IMPORT_INFLATED_MAX_BYTES: 'lots' }), /PARLEY_IMPORT_INFLATED_MAX_BYTES must be/);
});
