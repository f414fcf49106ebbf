import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DESCRIPTOR_WORDS, type Features } from './orb.js';
import type { PreparedReference } from './prepared-reference.js';
import { seededRandom } from './prng.js';
import { countVotes, voteIndex } from './vote-index.js';

function randomFeatures(count: number, next: () => number): Features {
  const descriptors = Uint32Array.from({ length: count * DESCRIPTOR_WORDS }, () => (next() * 2 ** 32) >>> 0);
  return {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    level: new Uint8Array(count),
    descriptors,
  };
}

/** Only the fields the vote index reads. */
function fakeReference(next: () => number): PreparedReference {
  return { features: randomFeatures(1000, next), mirroredFeatures: randomFeatures(1000, next) } as PreparedReference;
}

describe('descriptor votes', () => {
  const next = seededRandom(11);
  const references = Array.from({ length: 40 }, () => fakeReference(next));

  it('points to the reference whose descriptors the claim shares, a few bits off', () => {
    const source = references[17]!.features;
    const claim = randomFeatures(300, next);
    // 200 of the claim's descriptors are the reference's with 12 random bits flipped each.
    for (let k = 0; k < 200; k++) {
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) claim.descriptors[k * 8 + w] = source.descriptors[k * 4 * 8 + w]!;
      for (let flip = 0; flip < 12; flip++) {
        const bit = Math.floor(next() * 256);
        claim.descriptors[k * 8 + (bit >> 5)]! ^= 1 << (bit & 31);
      }
    }
    const votes = countVotes(voteIndex(references), claim);
    const best = votes.indexOf(Math.max(...votes));
    assert.equal(best, 17);
    const others = [...votes].filter((_, i) => i !== 17);
    assert.ok(votes[17]! >= 40, `${votes[17]} votes`);
    assert.ok(Math.max(...others) * 4 < votes[17]!, `runner-up ${Math.max(...others)} vs ${votes[17]}`);
  });

  it('gives an unrelated claim no clear winner, and reuses the index of the same array', () => {
    const index = voteIndex(references);
    assert.equal(voteIndex(references), index);
    const votes = countVotes(index, randomFeatures(600, next));
    const median = [...votes].sort((a, b) => a - b)[votes.length >> 1]!;
    // Chance alone: ~6 votes per reference (600 descriptors × 5 tables × 2000 entries / 2^20 buckets).
    assert.ok(median >= 2 && median <= 12, `median ${median}`);
    assert.ok(Math.max(...votes) < 3 * median, `max ${Math.max(...votes)} vs median ${median}`);
  });
});
