import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SaxesParser } from 'saxes';
import { xmlEscape } from './feeds.js';

test('xmlEscape: markup characters escaped, characters XML cannot carry dropped, the rest kept', () => {
  const raw = `<a href="x" title='y'>&amp;</a>\u0000\u0001\u000b\u001f\ud800\ufffe tab\tok é 😀`;
  const escaped = xmlEscape(raw);
  assert.equal(escaped, '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62; tab\tok é 😀');
  let parsed = '';
  const parser = new SaxesParser();
  parser.on('text', (t) => {
    parsed += t;
  });
  parser.write(`<x a="${escaped}">${escaped}</x>`).close();
  assert.equal(parsed, `<a href="x" title='y'>&amp;</a> tab\tok é 😀`);
});
