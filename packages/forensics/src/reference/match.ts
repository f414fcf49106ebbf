/**
 * Brute-force Hamming matching of binary descriptors with Lowe's ratio test: a claim keypoint is matched only when
 * its nearest reference descriptor is clearly nearer than the second nearest.
 */
import { byteCounts, nibbleCounts, sumBytes } from './hamming256.js';
import { DESCRIPTOR_WORDS, type Features } from './orb.js';

/** Matched keypoint indices, parallel arrays: claim keypoint `query[k]` ↔ reference keypoint `train[k]`. */
export interface Matches {
  readonly count: number;
  readonly query: Int32Array;
  readonly train: Int32Array;
  /** Hamming distance of each match, 0..256. */
  readonly distance: Uint16Array;
}

/** Nearest must be at most this many bits (of 256). */
const MAX_DISTANCE = 80;
/** Nearest / second nearest must be below this. */
const RATIO = 0.8;

/** {@link hamming256} with the query's eight words in locals (they stay in registers over the train loop). */
function distance256(
  a0: number,
  a1: number,
  a2: number,
  a3: number,
  a4: number,
  a5: number,
  a6: number,
  a7: number,
  t: Uint32Array,
  b: number,
): number {
  return sumBytes(
    byteCounts(nibbleCounts(a0 ^ t[b]!), nibbleCounts(a1 ^ t[b + 1]!)) +
      byteCounts(nibbleCounts(a2 ^ t[b + 2]!), nibbleCounts(a3 ^ t[b + 3]!)) +
      byteCounts(nibbleCounts(a4 ^ t[b + 4]!), nibbleCounts(a5 ^ t[b + 5]!)) +
      byteCounts(nibbleCounts(a6 ^ t[b + 6]!), nibbleCounts(a7 ^ t[b + 7]!)),
  );
}

/**
 * Matches every query descriptor against all train descriptors.
 * @param query the claim photo's features
 * @param train a reference's features
 */
export function matchDescriptors(query: Features, train: Features): Matches {
  const q = query.descriptors;
  const t = train.descriptors;
  const qi: number[] = [];
  const ti: number[] = [];
  const dist: number[] = [];
  for (let i = 0; i < query.count; i++) {
    const a = i * DESCRIPTOR_WORDS;
    const a0 = q[a]!;
    const a1 = q[a + 1]!;
    const a2 = q[a + 2]!;
    const a3 = q[a + 3]!;
    const a4 = q[a + 4]!;
    const a5 = q[a + 5]!;
    const a6 = q[a + 6]!;
    const a7 = q[a + 7]!;
    let best = 257;
    let second = 257;
    let bestIndex = -1;
    for (let j = 0, b = 0; j < train.count; j++, b += DESCRIPTOR_WORDS) {
      const d = distance256(a0, a1, a2, a3, a4, a5, a6, a7, t, b);
      if (d < best) {
        second = best;
        best = d;
        bestIndex = j;
      } else if (d < second) second = d;
    }
    if (bestIndex >= 0 && best <= MAX_DISTANCE && best < RATIO * second) {
      qi.push(i);
      ti.push(bestIndex);
      dist.push(best);
    }
  }
  return { count: qi.length, query: Int32Array.from(qi), train: Int32Array.from(ti), distance: Uint16Array.from(dist) };
}
