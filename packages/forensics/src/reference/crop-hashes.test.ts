import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HASH_WORDS, hashDistance, hashDistanceBelow } from './crop-hashes.js';
import { seededRandom } from './prng.js';

describe('hashDistanceBelow', () => {
  it('is the exact distance below the limit, and at least the limit otherwise', () => {
    const random = seededRandom(7);
    const word = () => Math.floor(random() * 2 ** 32) >>> 0;
    const a = Uint32Array.from({ length: 50 * HASH_WORDS }, word);
    // Near copies too: flip a few bits of a's hashes.
    const b = a.map((w, i) => (i % 3 === 0 ? w ^ (1 << Math.floor(random() * 32)) : word()) >>> 0);
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 50; j++) {
        const exact = hashDistance(a, i, b, j);
        for (const limit of [0, 1, 20, 64, 100, 128, 140, 257]) {
          const bounded = hashDistanceBelow(a, i, b, j, limit);
          if (exact < limit) assert.equal(bounded, exact);
          else assert.ok(bounded >= limit && bounded <= exact, `${bounded} for ${exact} under ${limit}`);
        }
      }
    }
  });
});
