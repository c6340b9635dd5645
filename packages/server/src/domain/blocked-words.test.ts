import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBlockedWord } from './blocked-words.js';

test('whole words and phrases, any case, any script', () => {
  const words = ['ass', 'кот', 'Ελλάδα', 'cheap pills', 'c++', 'naïve'];
  const hits: [string, string | undefined][] = [
    ['you ASS!', 'ASS'],
    ['class', undefined],
    ['assassin', undefined],
    ['Кот, и котёнок', 'Кот'],
    ['котёнок', undefined],
    ['ΕΛΛΆΔΑ σήμερα', 'ΕΛΛΆΔΑ'],
    ['Cheap   Pills today', 'Cheap   Pills'],
    ['cheappills', undefined],
    ['I like C++.', 'C++'],
    ['na\u0069\u0308ve', 'naïve'],
    ['naïveté', undefined],
    ['ass_hat', undefined],
    ['ass2', undefined],
  ];
  for (const [text, expected] of hits) assert.equal(findBlockedWord(words, text), expected, text);
});

test('checks every text given, and an empty list blocks nothing', () => {
  assert.equal(findBlockedWord(['spam'], 'fine', 'Spam King'), 'Spam');
  assert.equal(findBlockedWord([], 'spam'), undefined);
  assert.equal(findBlockedWord(['  ', ''], 'spam'), undefined);
  // Regex syntax in a word is literal.
  assert.equal(findBlockedWord(['a.b'], 'axb'), undefined);
  assert.equal(findBlockedWord(['(x'], 'say (x now'), '(x');
});
