import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hammingDistance } from '../pdq/hamming.js';
import { hexFromWords, wordsFromHex } from '../pdq/hash256.js';
import { pdqHexFromWords, pdqWords, wordsDistance } from './hash-words.js';
import { randomHashWords } from './synthetic-hashes.js';

describe('pdqWords', () => {
  it('puts hex digits 56−8k..63−8k in word k, the reference words 2k and 2k+1', () => {
    const hex = '0123456789abcdef'.repeat(4);
    const words = pdqWords(hex);
    assert.equal(words[0], 0x89abcdef);
    assert.equal(words[7], 0x01234567);
    const reference = wordsFromHex(hex);
    for (let k = 0; k < 8; k++) assert.equal(words[k], (reference[2 * k]! | (reference[2 * k + 1]! << 16)) >>> 0);
  });

  it('round-trips through the text form and agrees with the PDQ module on distances', () => {
    const store = randomHashWords(50, 11);
    for (let i = 0; i < 49; i++) {
      const a = pdqHexFromWords(store, i * 8);
      const b = pdqHexFromWords(store, (i + 1) * 8);
      assert.deepEqual(pdqWords(a), store.subarray(i * 8, i * 8 + 8));
      assert.equal(a, hexFromWords(wordsFromHex(a)));
      assert.equal(wordsDistance(store, i * 8, store, (i + 1) * 8), hammingDistance(a, b));
      assert.equal(wordsDistance(store, i * 8, pdqWords(a.toUpperCase()), 0), 0);
    }
  });

  it('rejects what is not a hash', () => {
    assert.throws(() => pdqWords('abc'), /Expected a PDQ hash of 64 hexadecimal digits for hash but received "abc"/);
    assert.throws(() => pdqWords(new Uint32Array(7)), /Expected 8 words for hash but received 7/);
  });
});
