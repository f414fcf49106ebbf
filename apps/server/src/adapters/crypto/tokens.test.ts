import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newApiKey, randomToken, safeEqual, sha256Hex } from './tokens.js';

test('API keys start with pdk_ and carry 256 random bits', () => {
  const key = newApiKey();
  assert.match(key, /^pdk_[\w-]{43}$/);
  assert.notEqual(key, newApiKey());
  assert.match(randomToken(), /^[\w-]{43}$/);
});

test('sha256Hex is the known digest and safeEqual compares contents and lengths', () => {
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(safeEqual('abc', 'abc'), true);
  assert.equal(safeEqual('abc', 'abd'), false);
  assert.equal(safeEqual('abc', 'abcd'), false);
});
