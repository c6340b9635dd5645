import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanLine, cleanMultiline } from '../../domain/text.js';
import { backends, testApp } from '../../test-support.js';

// Found by the API fuzz (src/http/api-fuzz.test.ts): a page key holding a lone surrogate was
// stored as bytes that read back as U+FFFD, so its comments were counted nowhere and listed by
// no key; bodies and names kept them too.
describe('lone surrogates in posted text', () => {
  test('cleanLine and cleanMultiline replace each lone half with U+FFFD and keep pairs', () => {
    assert.equal(cleanLine('a\uD800b\uDC00c'), 'a\uFFFDb\uFFFDc');
    assert.equal(cleanMultiline('x\uDBFF\ny\uD83D'), 'x\uFFFD\ny\uFFFD');
    assert.equal(cleanLine('😀 \uD83D\uDE00'), '😀 😀');
  });

  for (const backend of backends) {
    test(`${backend.name}: the page, body and name are stored well-formed and the page is found again`, async () => {
      const t = await testApp(backend);
      const posted = await t.post('/page\uD800', 'body \uDC00 end', { author: { name: 'N\uD83D' } });
      assert.equal(posted.comment.body, 'body \uFFFD end');
      assert.equal(posted.comment.author?.name, 'N\uFFFD');
      const listing = await t.list('/page\uFFFD');
      assert.equal(listing.page.count, 1);
      assert.deepEqual(
        listing.comments.map((c) => c.id),
        [posted.comment.id],
      );
      const counts = (await (
        await t.send('GET', `/api/v1/counts?site=demo&page=${encodeURIComponent('/page\uFFFD')}`)
      ).json()) as {
        counts: Record<string, number>;
      };
      assert.equal(counts.counts['/page\uFFFD'], 1);
    });
  }
});
