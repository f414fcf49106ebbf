/**
 * A second candidate search beside PDQ: keypoint descriptors vote for the references they come from. Whole-image
 * hashes lose a heavily cropped, rotated or screenshotted copy; its keypoints still match the reference's. Each
 * reference descriptor (as is and mirrored) is filed under several 20-bit substrings; a claim descriptor votes once
 * for every reference sharing one of its substrings. A copy's descriptors lie within a few tens of bits of the
 * reference's, so some substring is often identical; unrelated descriptors share one by chance only (~1 in a
 * million per table and pair) — except the substrings of featureless patches, whose overfull buckets are skipped.
 */
import { DESCRIPTOR_WORDS, type Features } from './orb.js';
import type { PreparedReference } from './prepared-reference.js';

/** Substring tables: one per descriptor word 0..TABLES−1, keyed by its low {@link KEY_BITS} bits. */
const TABLES = 5;
const KEY_BITS = 20;
const KEY_MASK = (1 << KEY_BITS) - 1;

/** Buckets of reference indices, one CSR layout per table. */
export interface VoteIndex {
  readonly referenceCount: number;
  /** Buckets fuller than this are ignored: their substring is common (flat patches give all-zero tests). */
  readonly maxBucket: number;
  readonly tables: readonly { readonly start: Uint32Array; readonly refs: Uint32Array }[];
}

/** Index built per reference array, reused by every check that passes the same array. */
const cache = new WeakMap<readonly PreparedReference[], VoteIndex>();

/** Builds (or returns the cached) vote index of a reference set. */
export function voteIndex(references: readonly PreparedReference[]): VoteIndex {
  const cached = cache.get(references);
  if (cached) return cached;
  const sets: [number, Features][] = references.flatMap((r, i): [number, Features][] => [
    [i, r.features],
    [i, r.mirroredFeatures],
  ]);
  const total = sets.reduce((n, [, f]) => n + f.count, 0);
  const tables = Array.from({ length: TABLES }, (_, t) => {
    const start = new Uint32Array((1 << KEY_BITS) + 1);
    for (const [, f] of sets) {
      for (let k = 0; k < f.count; k++) start[(f.descriptors[k * DESCRIPTOR_WORDS + t]! & KEY_MASK) + 1]!++;
    }
    for (let key = 0; key < 1 << KEY_BITS; key++) start[key + 1]! += start[key]!;
    const fill = start.slice(0, 1 << KEY_BITS);
    const refs = new Uint32Array(total);
    for (const [i, f] of sets) {
      for (let k = 0; k < f.count; k++) refs[fill[f.descriptors[k * DESCRIPTOR_WORDS + t]! & KEY_MASK]!++] = i;
    }
    return { start, refs };
  });
  const average = total / (1 << KEY_BITS);
  const index = { referenceCount: references.length, maxBucket: Math.max(4, Math.ceil(20 * average)), tables };
  cache.set(references, index);
  return index;
}

/**
 * Votes per reference: for each claim descriptor, one vote for every reference that shares a substring with it.
 * @returns votes, indexed like the reference array
 */
export function countVotes(index: VoteIndex, claim: Features): Uint32Array {
  const votes = new Uint32Array(index.referenceCount);
  const lastVoter = new Int32Array(index.referenceCount).fill(-1);
  for (let k = 0; k < claim.count; k++) {
    for (let t = 0; t < TABLES; t++) {
      const { start, refs } = index.tables[t]!;
      const key = claim.descriptors[k * DESCRIPTOR_WORDS + t]! & KEY_MASK;
      if (start[key + 1]! - start[key]! > index.maxBucket) continue;
      for (let e = start[key]!; e < start[key + 1]!; e++) {
        const r = refs[e]!;
        if (lastVoter[r] === k) continue;
        lastVoter[r] = k;
        votes[r]!++;
      }
    }
  }
  return votes;
}
