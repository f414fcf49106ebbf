import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HASH_WORDS, hashDistance } from './crop-hashes.js';
import { hamming256 } from './hamming256.js';
import { seededRandom } from './prng.js';

/** Bit by bit. */
function slowDistance(a: Uint32Array, x: number, b: Uint32Array, y: number): number {
  let d = 0;
  for (let k = 0; k < 8; k++) for (let bit = 0; bit < 32; bit++) d += ((a[x + k]! ^ b[y + k]!) >>> bit) & 1;
  return d;
}

describe('hamming256', () => {
  it('counts every bit from 0 to all 256, at any word offset', () => {
    const random = seededRandom(7);
    const word = () => Math.floor(random() * 2 ** 32) >>> 0;
    const a = Uint32Array.from({ length: 60 * HASH_WORDS }, word);
    // Near copies, complements and equal words among random ones: distances 0, 256 and everything between.
    const b = a.map((w, i) => {
      const kind = Math.floor(i / HASH_WORDS) % 4;
      return (kind === 0 ? w : kind === 1 ? ~w : kind === 2 ? w ^ (1 << Math.floor(random() * 32)) : word()) >>> 0;
    });
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j < 60; j++) {
        const d = hashDistance(a, i, b, j);
        assert.equal(d, slowDistance(a, i * HASH_WORDS, b, j * HASH_WORDS));
        seen.add(d);
      }
    }
    assert.ok(seen.has(0) && seen.has(256) && seen.has(8), 'equal, complementary and near hashes were compared');
    assert.equal(hamming256(a, 3, b, 5), slowDistance(a, 3, b, 5));
  });
});
