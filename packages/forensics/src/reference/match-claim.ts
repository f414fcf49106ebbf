/**
 * Matching one claim photo against prepared references: PDQ shortlist, feature alignment, then the structural
 * comparison that both confirms "derived" (the aligned photo is the reference almost everywhere) and localises
 * what differs.
 */
import { alignPair, type AlignedPair } from './aligned-pair.js';
import { shortlist, type ShortlistOptions } from './candidates.js';
import type { ClaimImage } from './claim-image.js';
import { alignWithFeatures, type FeatureAlignment } from './confirm.js';
import { differenceMaps, type DifferenceMaps } from './difference-map.js';
import { refineAlignment } from './refine.js';
import type { PreparedReference } from './prepared-reference.js';
import { agreementWindow, type CellWindow } from './window.js';
import { findRegions, type RegionOptions, type RegionResult } from './regions.js';

/** The thresholds of "derived", calibrated in `reference.test.ts` (see docs/adr/0008-reference-matching.md). */
export const DERIVED_THRESHOLDS = {
  /** Inlier matches at least. */
  minInliers: 30,
  /** Inliers / ratio-test matches at least. */
  minInlierRatio: 0.3,
  /** Share of the overlap's keypoint cells holding an inlier, at least. */
  minSpread: 0.45,
  /** Median reprojection error at most, in claim working pixels. */
  maxResidualPx: 2.5,
  /** Share of the overlap whose structure agrees with the reference, at least. */
  minAgreement: 0.8,
  /** Share of the claim frame the reference covers, at least. */
  minFrameShare: 0.02,
} as const;

/** Everything measured for the best candidate. */
export interface ReferenceMatch {
  readonly reference: PreparedReference;
  /** PDQ distance of the nearest hash pair, bits. */
  readonly pdqDistance: number;
  /** The feature alignment, its homography refined by block matching when that succeeded. */
  readonly alignment: FeatureAlignment;
  readonly pair: AlignedPair;
  /** The window of the grid in which the reference is shown (see `window.ts`). */
  readonly window: CellWindow;
  readonly regions: RegionResult;
  /** The difference maps the regions were found on (the sub-cell shapes of the findings read them). */
  readonly maps: DifferenceMaps;
  /** Share of overlap cells where the claim agrees with the reference (SSIM dissimilarity and |ΔY| low), 0..1. */
  readonly agreement: number;
  /** Share of the claim frame the reference covers inside the window, 0..1. */
  readonly frameShare: number;
  /** Whether all the thresholds of {@link DERIVED_THRESHOLDS} hold. */
  readonly derived: boolean;
}

/** Options of {@link matchClaim}. */
export interface MatchOptions extends ShortlistOptions {
  readonly regions?: RegionOptions;
}

/** Agreement of a cell: structure and luma differences below these (SSIM dissimilarity, |ΔY|). */
const AGREE_STRUCTURE = 0.12;
const AGREE_LUMA = 16;

function measure(
  claim: ClaimImage,
  reference: PreparedReference,
  pdqDistance: number,
  featureAlignment: FeatureAlignment,
  options: MatchOptions,
): ReferenceMatch {
  let alignment = featureAlignment;
  const first = alignPair(claim, reference, alignment.h);
  const refined = refineAlignment(first, alignment.h, claim.workWidth, claim.workHeight);
  const pair = refined ? alignPair(claim, reference, refined) : first;
  if (refined) alignment = { ...alignment, h: refined };
  const maps = differenceMaps(pair);
  const { width, height } = pair;
  const agree = new Uint8Array(pair.mask.length);
  for (let i = 0; i < agree.length; i++) {
    agree[i] = pair.mask[i]! & +(maps.structure[i]! < AGREE_STRUCTURE && maps.luma[i]! < AGREE_LUMA);
  }
  const { window, extent } = agreementWindow(pair.mask, agree, width, height);
  const mask = new Uint8Array(pair.mask.length);
  for (let y = window.y0; y < window.y1; y++) {
    for (let x = window.x0; x < window.x1; x++) mask[y * width + x] = pair.mask[y * width + x]!;
  }
  const regions = findRegions(maps, mask, options.regions);
  // Agreement outside the changed regions: a painted stain is not evidence against "derived".
  const changed = new Uint8Array(mask.length);
  for (const r of regions.regions) {
    for (let y = Math.max(0, r.y - 2); y < Math.min(height, r.y + r.h + 2); y++) {
      changed.fill(1, y * width + Math.max(0, r.x - 2), y * width + Math.min(width, r.x + r.w + 2));
    }
  }
  let compared = 0;
  let agreeing = 0;
  let covered = 0;
  let missing = 0;
  for (let y = extent.y0; y < extent.y1; y++) {
    for (let x = extent.x0; x < extent.x1; x++) {
      covered += pair.inside[y * width + x]!;
      missing += pair.missing[y * width + x]!;
    }
  }
  for (let y = window.y0; y < window.y1; y++) {
    for (let x = window.x0; x < window.x1; x++) {
      const i = y * width + x;
      if (!mask[i] || changed[i]) continue;
      compared++;
      agreeing += agree[i]!;
    }
  }
  // Reference content the claim lacks (background where the reference has something) counts against agreement.
  const agreement = compared > 0 ? agreeing / (compared + missing) : 0;
  const frameShare = covered / (width * height);
  const t = DERIVED_THRESHOLDS;
  const derived =
    alignment.inliers >= t.minInliers &&
    alignment.inlierRatio >= t.minInlierRatio &&
    alignment.spread >= t.minSpread &&
    alignment.residualPx <= t.maxResidualPx &&
    agreement >= t.minAgreement &&
    frameShare >= t.minFrameShare;
  return { reference, pdqDistance, alignment, pair, window, regions, maps, agreement, frameShare, derived };
}

/**
 * Finds the reference the claim photo derives from, if any: candidates in PDQ order, the first one confirmed wins;
 * otherwise the best-aligned candidate is returned with `derived: false` (for the record), or undefined.
 */
export function matchClaim(
  claim: ClaimImage,
  references: readonly PreparedReference[],
  options: MatchOptions = {},
): ReferenceMatch | undefined {
  let best: ReferenceMatch | undefined;
  for (const candidate of shortlist(claim, references, options)) {
    const alignment = alignWithFeatures(claim, candidate.reference, candidate.mirrored);
    if (!alignment || alignment.inliers < 8) continue;
    const match = measure(claim, candidate.reference, candidate.distance, alignment, options);
    if (match.derived) return match;
    if (!best || alignment.inliers > best.alignment.inliers) best = match;
  }
  return best;
}
