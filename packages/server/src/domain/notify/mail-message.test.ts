import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newMessageId } from './mail-message.js';

test('a Message-ID is unique and under the domain of the sender address, in any of its written forms', () => {
  const domainOf = (from: string) => /@([^@>]+)>$/.exec(newMessageId(from))?.[1];
  assert.equal(domainOf('noreply@example.com'), 'example.com');
  assert.equal(domainOf('Parley <noreply@news.example.org>'), 'news.example.org');
  assert.equal(domainOf('"a@b" <noreply@example.net> '), 'example.net');
  assert.equal(domainOf('no address'), 'parley.invalid');
  assert.equal(domainOf('trailing@'), 'parley.invalid');
  assert.notEqual(newMessageId('x@example.com'), newMessageId('x@example.com'));
});
