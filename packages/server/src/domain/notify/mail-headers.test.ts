import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { notifyStack } from '../../testing/notify-stack.js';
import { headerText } from './mail-message.js';

/** Names and titles end up in Subject lines: no line of the CRLF corpus may add a header. */

const corpus = readFileSync(new URL('../../testing/fixtures/crlf/crlfinjection.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);

/** Percent-decodes as far as it goes (`%0d%0a` → CR LF, `%250a` → `%0a` → LF), tolerating bad escapes. */
function decodeAll(value: string): string {
  let current = value.replace(/%u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  for (let i = 0; i < 4; i++) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

test('the corpus is there and decodes to real line breaks', () => {
  assert.equal(corpus.length, 17);
  assert.ok(corpus.every((line) => /[\r\n]/.test(decodeAll(line))));
});

test('headerText removes every line break and control character', () => {
  for (const raw of [...corpus, ...corpus.map(decodeAll), 'a\r\nb', 'a\u0085b', 'a\u2028b\u2029c', 'a\u0000\u001b\u007fb']) {
    const flat = headerText(raw);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    assert.doesNotMatch(flat, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, JSON.stringify(raw));
  }
  assert.equal(headerText('  x \r\n y  '), 'x y');
  assert.equal([...headerText('é'.repeat(500))].length, 200);
});

for (const backend of backends.slice(0, 1)) {
  describe(`CRLF corpus through real mails on ${backend.name}`, () => {
    test('every line, raw and decoded, as the name and the page title of a moderated comment: one Subject, no injected header', async () => {
      const s = await notifyStack(backend, { moderation: 'all' });
      const payloads = [...corpus, ...corpus.map(decodeAll)];
      for (const [i, payload] of payloads.entries()) {
        await s.post(`/p${i}`, `body ${i}`, { author: { name: payload }, title: payload });
      }
      await s.drain();
      const mails = s.sink.to('mod@example.org');
      assert.equal(mails.length, payloads.length);
      for (const mail of mails) {
        const unfolded = mail.rawHeaders.replace(/\r?\n(?=[ \t])/g, '');
        assert.doesNotMatch(unfolded, /^set-cookie/im, unfolded);
        assert.equal(unfolded.match(/^Subject:/gim)?.length, 1);
        assert.equal(mail.parsed.headers.has('set-cookie'), false);
        assert.doesNotMatch(mail.parsed.subject ?? '', /[\r\n]/);
        assert.match(mail.parsed.subject ?? '', /^Comment awaiting moderation on /);
      }
    });
  });
}
