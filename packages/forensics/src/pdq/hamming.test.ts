import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hammingDistance, hammingDistanceWords } from './hamming.js';
import { wordsFromHex } from './hash256.js';

const zero = '0'.repeat(64);

describe('hammingDistance', () => {
  const cases: [string, string, string, number][] = [
    ['identical', zero, zero, 0],
    ['one bit at the end', zero, '0'.repeat(63) + '1', 1],
    ['two bits in one digit', zero, '0'.repeat(63) + '3', 2],
    ['top bit', zero, '8' + '0'.repeat(63), 1],
    ['complement', zero, 'f'.repeat(64), 256],
    ['case does not matter', 'ABCDEF' + '0'.repeat(58), 'abcdef' + '0'.repeat(58), 0],
    // Two reference hashes of the bridge photo: blur-a-lot vs high-saturation (2 bits apart in Meta's data).
    [
      'reference pair',
      'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22',
      'd8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22',
      2,
    ],
  ];
  for (const [name, a, b, expected] of cases) {
    it(`${name}: ${expected} bits`, () => {
      assert.equal(hammingDistance(a, b), expected);
      assert.equal(hammingDistance(b, a), expected);
      assert.equal(hammingDistanceWords(wordsFromHex(a), wordsFromHex(b)), expected);
    });
  }

  it('rejects malformed input', () => {
    assert.throws(() => hammingDistance(zero, 'abc'), /Expected a PDQ hash of 64 hexadecimal digits for b/);
    assert.throws(() => hammingDistanceWords(new Uint16Array(16), new Uint16Array(3)), /Expected 16 words for b/);
  });
});
