import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkFormToken,
  FORM_TOKEN_MAX_AGE_MS,
  FORM_TOKEN_MIN_AGE_MS,
  FORM_TOKEN_STEP_MS,
  issueFormToken,
} from './form-token.js';

const T0 = 1_764_000_000_000;

test('a form token is accepted from 2 s to 24 h after issue, for its site and secret only', () => {
  const token = issueFormToken('secret', 'demo', T0);
  assert.match(token, /^[0-9a-z]+\.[\w-]{27}$/);
  assert.equal(checkFormToken('secret', 'demo', token, T0), 'young');
  assert.equal(checkFormToken('secret', 'demo', token, T0 + FORM_TOKEN_MIN_AGE_MS - 1), 'young');
  assert.equal(checkFormToken('secret', 'demo', token, T0 + FORM_TOKEN_MIN_AGE_MS), 'ok');
  assert.equal(checkFormToken('secret', 'demo', token, T0 + FORM_TOKEN_MAX_AGE_MS), 'ok');
  assert.equal(checkFormToken('secret', 'demo', token, T0 + FORM_TOKEN_MAX_AGE_MS + 1), 'expired');
  assert.equal(checkFormToken('secret', 'other', token, T0 + 5_000), 'forged');
  assert.equal(checkFormToken('another secret', 'demo', token, T0 + 5_000), 'forged');
  assert.equal(checkFormToken('secret', 'demo', undefined, T0), 'missing');
  assert.equal(checkFormToken('secret', 'demo', '', T0), 'missing');
  for (const bad of ['x', `${token}x`, token.replace('.', ':'), `-1.${token.split('.')[1]}`]) {
    assert.equal(checkFormToken('secret', 'demo', bad, T0 + 5_000), 'malformed', bad);
  }
});

test('a token issued in the future (clock skew or forgery with a real MAC) is young, not good', () => {
  const token = issueFormToken('secret', 'demo', T0 + 60_000);
  assert.equal(checkFormToken('secret', 'demo', token, T0), 'young');
});

test('tokens issued within one step are the same, and none is good sooner than 2 s after issue', () => {
  const step = FORM_TOKEN_STEP_MS;
  const early = issueFormToken('secret', 'demo', T0 + 1);
  assert.equal(issueFormToken('secret', 'demo', T0 + step - 1), early);
  assert.equal(issueFormToken('secret', 'demo', T0 + step), early);
  assert.notEqual(issueFormToken('secret', 'demo', T0 + step + 1), early);
  assert.notEqual(issueFormToken('secret', 'demo', T0), early);
  for (const issuedAt of [T0 + 1, T0 + step / 2, T0 + step - 1]) {
    const token = issueFormToken('secret', 'demo', issuedAt);
    assert.equal(checkFormToken('secret', 'demo', token, issuedAt + FORM_TOKEN_MIN_AGE_MS - 1), 'young');
  }
});
