import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from './passwords.js';

test('scrypt hashes at the production cost verify the right password only', async () => {
  const saved = process.env.PARLEY_SCRYPT_N;
  delete process.env.PARLEY_SCRYPT_N;
  try {
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
    assert.notEqual(await hashPassword('correct horse battery'), hash, 'fresh salt each time');
  } finally {
    if (saved !== undefined) process.env.PARLEY_SCRYPT_N = saved;
  }
});

test('malformed or absurd stored hashes are refused without throwing', async () => {
  for (const stored of [
    '',
    'plain',
    'bcrypt$1$2$3$a$b',
    'scrypt$0$8$1$AAAA$BBBB',
    'scrypt$2097152$8$1$AAAA$BBBB',
    'scrypt$1024$8$1$$',
  ]) {
    assert.equal(await verifyPassword('x', stored), false, stored);
  }
});
