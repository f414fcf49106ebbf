/**
 * The PDQ shortlist: for each prepared reference, the smallest Hamming distance between the claim's whole-frame
 * hashes (eight dihedral variants, and its content box) and the reference's whole frame and crops, or between the
 * claim's windows and the reference's whole frame. Only the nearest few references go on to feature matching.
 */
import type { ClaimImage } from './claim-image.js';
import { hashDistance } from './crop-hashes.js';
import type { PreparedReference } from './prepared-reference.js';
import { countVotes, voteIndex } from './vote-index.js';

/** A reference ranked by its PDQ distance to the claim photo. */
export interface Candidate {
  readonly reference: PreparedReference;
  /** Smallest distance over variants and crops, in bits (0..256). */
  readonly distance: number;
  /** Whether the nearest pair involved a mirror image (a hint for which features to match first). */
  readonly mirrored: boolean;
}

/** Dihedral variants that mirror (see `DIHEDRAL_VARIANTS`): flipX, flipY, flipPlus1, flipMinus1. */
const MIRRORING = new Set([4, 5, 6, 7]);

/** The PDQ distance and mirror hint of one reference. */
export function pdqCandidate(claim: ClaimImage, reference: PreparedReference): Candidate {
  const refCount = reference.hashes.length / 8;
  let distance = 257;
  let mirrored = false;
  const whole = claim.wholeHashes;
  for (let i = 0; i < whole.count; i++) {
    for (let j = 0; j < refCount; j++) {
      const d = hashDistance(whole.words, i, reference.hashes, j);
      if (d < distance) {
        distance = d;
        mirrored = MIRRORING.has(whole.variants[i]!);
      }
    }
  }
  const windows = claim.windowHashes;
  for (let i = 0; i < windows.count; i++) {
    const d = hashDistance(windows.words, i, reference.hashes, 0);
    if (d < distance) {
      distance = d;
      mirrored = MIRRORING.has(windows.variants[i]!);
    }
  }
  return { reference, distance, mirrored };
}

/** Options of {@link shortlist}. */
export interface ShortlistOptions {
  /** References passed on from each search at most (default 3). */
  readonly maxCandidates?: number;
  /** Up to this many references, all are passed on (in PDQ order) whatever their distance (default 8). */
  readonly matchAllUpTo?: number;
  /** Beyond `matchAllUpTo`, a PDQ candidate farther than this many bits is dropped (default 96). */
  readonly maxDistance?: number;
  /** Beyond `matchAllUpTo`, a vote candidate needs this many votes (default 12) and 2× the median. */
  readonly minVotes?: number;
}

/**
 * Ranks the references and keeps the ones worth matching with local features. Small sets (a merchant's handful of
 * listing photos) are matched in full, in PDQ order; large ones by the nearest few by PDQ and the few with the most
 * descriptor votes (see `vote-index.ts`), PDQ's first.
 */
export function shortlist(
  claim: ClaimImage,
  references: readonly PreparedReference[],
  options: ShortlistOptions = {},
): Candidate[] {
  const ranked = references.map((r) => pdqCandidate(claim, r));
  const byDistance = [...ranked].sort((a, b) => a.distance - b.distance);
  if (ranked.length <= (options.matchAllUpTo ?? 8)) return byDistance;
  const maxCandidates = options.maxCandidates ?? 3;
  const maxDistance = options.maxDistance ?? 96;
  const picked = byDistance.filter((c) => c.distance <= maxDistance).slice(0, maxCandidates);
  const votes = countVotes(voteIndex(references), claim.features);
  const median = Float64Array.from(votes).sort()[votes.length >> 1]!;
  const floor = Math.max(options.minVotes ?? 12, 2 * median);
  const byVotes = ranked
    .map((c, i) => ({ c, v: votes[i]! }))
    .filter(({ v }) => v >= floor)
    .sort((a, b) => b.v - a.v)
    .slice(0, maxCandidates);
  for (const { c } of byVotes) if (!picked.includes(c)) picked.push(c);
  return picked;
}
