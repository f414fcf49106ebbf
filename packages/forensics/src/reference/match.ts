/**
 * Brute-force Hamming matching of binary descriptors with Lowe's ratio test: a claim keypoint is matched only when
 * its nearest reference descriptor is clearly nearer than the second nearest.
 */
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

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
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
      const d =
        popcount32(a0 ^ t[b]!) +
        popcount32(a1 ^ t[b + 1]!) +
        popcount32(a2 ^ t[b + 2]!) +
        popcount32(a3 ^ t[b + 3]!) +
        popcount32(a4 ^ t[b + 4]!) +
        popcount32(a5 ^ t[b + 5]!) +
        popcount32(a6 ^ t[b + 6]!) +
        popcount32(a7 ^ t[b + 7]!);
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
