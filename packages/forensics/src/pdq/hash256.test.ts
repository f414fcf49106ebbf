import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashWordsFromDct, hexFromWords, isPdqHex, lowerMedian, wordsFromHex } from './hash256.js';

/** Torben's median as the reference implements it (torben.cpp), in single precision: the oracle for lowerMedian. */
function torben(m: Float32Array): number {
  const n = m.length;
  let min = m[0]!;
  let max = m[0]!;
  for (const v of m) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (;;) {
    const guess = Math.fround((min + max) / 2);
    let less = 0;
    let greater = 0;
    let equal = 0;
    let maxLt = min;
    let minGt = max;
    for (const v of m) {
      if (v < guess) {
        less++;
        if (v > maxLt) maxLt = v;
      } else if (v > guess) {
        greater++;
        if (v < minGt) minGt = v;
      } else equal++;
    }
    if (less <= Math.trunc((n + 1) / 2) && greater <= Math.trunc((n + 1) / 2)) {
      if (less >= Math.trunc((n + 1) / 2)) return maxLt;
      if (less + equal >= Math.trunc((n + 1) / 2)) return guess;
      return minGt;
    }
    if (less > greater) max = maxLt;
    else min = minGt;
  }
}

describe('lowerMedian', () => {
  it('equals Torben selection on random data with and without ties', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 200; trial++) {
      const levels = trial % 3 === 0 ? 5 : trial % 3 === 1 ? 40 : 0;
      const values = Float32Array.from({ length: 256 }, () =>
        levels ? Math.floor(random() * levels) : random() * 2000 - 1000,
      );
      assert.equal(lowerMedian(values), torben(values), `trial ${trial}`);
    }
  });

  it('is the 128th smallest of 256', () => {
    const values = Float32Array.from({ length: 256 }, (_, k) => 255 - k);
    assert.equal(lowerMedian(values), 127);
  });
});

describe('hashWordsFromDct and the text form', () => {
  it('sets bit 16i + j for coefficients above the median, word 15 printed first', () => {
    // Coefficient k = k: the upper 128 (rows 8..15) are above the median 127.
    const words = hashWordsFromDct(Float32Array.from({ length: 256 }, (_, k) => k));
    assert.equal(hexFromWords(words), 'ffff'.repeat(8) + '0000'.repeat(8));
  });

  it('orders bits within a word from j = 15 (most significant hex digit) down to j = 0', () => {
    // Above the median: row 0 columns 0 and 5, row 15 column 15, and 125 coefficients of rows 1..8.
    const dct = new Float32Array(256).fill(-1);
    dct[0] = 10;
    dct[5] = 10;
    dct[255] = 10;
    for (let k = 16; k < 16 + 125; k++) dct[k] = 10;
    const hex = hexFromWords(hashWordsFromDct(dct));
    assert.equal(hex.slice(0, 4), '8000', 'word 15: only bit 15');
    assert.equal(hex.slice(60, 64), '0021', 'word 0: bits 5 and 0');
    assert.equal(hex.slice(56, 60), 'ffff', 'word 1: full');
    assert.equal(hex.slice(28, 32), '1fff', 'word 8: the 13 remaining bits');
  });

  it('leaves every bit clear when all coefficients tie', () => {
    assert.equal(hexFromWords(hashWordsFromDct(new Float32Array(256).fill(3))), '0'.repeat(64));
  });

  it('round-trips hex ⇄ words, case-insensitively', () => {
    const hex = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
    assert.equal(hexFromWords(wordsFromHex(hex)), hex);
    assert.equal(hexFromWords(wordsFromHex(hex.toUpperCase())), hex);
    assert.equal(wordsFromHex(hex)[15], 0xd8f8);
    assert.equal(wordsFromHex(hex)[0], 0x9b22);
  });

  it('rejects malformed hashes with a uniform message', () => {
    for (const bad of ['', 'xyz', 'd8f8'.repeat(15), 'g'.repeat(64), 'a'.repeat(65)]) {
      assert.equal(isPdqHex(bad), false);
      assert.throws(
        () => wordsFromHex(bad),
        /^TypeError: Expected a PDQ hash of 64 hexadecimal digits for hex but received/,
      );
    }
    assert.throws(() => hashWordsFromDct(new Float32Array(10)), /Expected 256 coefficients for dct16 but received 10$/);
  });
});
