/**
 * Confirmation and alignment of a candidate with local features: match the claim's descriptors against the
 * reference's (and its mirror image's), estimate the alignment robustly, and measure how much of the claim photo
 * the alignment explains. A derivative of the reference agrees with one transform everywhere; another photo of the
 * same product agrees at best on a printed logo.
 */
import type { ClaimImage } from './claim-image.js';
import { applyHomography, compose, invert, type Homography } from './homography.js';
import { matchDescriptors } from './match.js';
import type { PreparedReference } from './prepared-reference.js';
import { estimateAlignment, type Correspondences } from './ransac.js';

/** A feature alignment of a claim photo onto a reference, with the figures that confirm or refute it. */
export interface FeatureAlignment {
  /** Claim working pixels → reference feature pixels (unmirrored frame). */
  readonly h: Homography;
  readonly mirrored: boolean;
  /** Putative matches after the ratio test. */
  readonly matches: number;
  /** Matches consistent with `h`. */
  readonly inliers: number;
  /** inliers / matches, 0..1. */
  readonly inlierRatio: number;
  /** Median reprojection error of the inliers, in claim working pixels. */
  readonly residualPx: number;
  /**
   * Share (0..1) of the grid cells where the reference has keypoints that also hold an inlier: near 1 when the
   * whole overlap agrees, small when only one object (a logo) does.
   */
  readonly spread: number;
  /** Reference keypoints that fall inside the claim frame. */
  readonly keypointsInOverlap: number;
  /** Whether the final model is a homography (else a similarity). */
  readonly projective: boolean;
}

const SPREAD_GRID = 6;
const MIN_MATCHES = 8;

/** Claim keypoint positions → reference positions for the given matches. */
function correspondences(claim: ClaimImage, ref: PreparedReference, mirrored: boolean): Correspondences {
  const train = mirrored ? ref.mirroredFeatures : ref.features;
  const m = matchDescriptors(claim.features, train);
  const px = new Float32Array(m.count);
  const py = new Float32Array(m.count);
  const qx = new Float32Array(m.count);
  const qy = new Float32Array(m.count);
  for (let k = 0; k < m.count; k++) {
    px[k] = claim.features.x[m.query[k]!]!;
    py[k] = claim.features.y[m.query[k]!]!;
    qx[k] = train.x[m.train[k]!]!;
    qy[k] = train.y[m.train[k]!]!;
  }
  return { count: m.count, px, py, qx, qy };
}

/** Aligns the claim with one orientation of the reference; undefined when too few matches agree. */
function alignOne(claim: ClaimImage, ref: PreparedReference, mirrored: boolean): FeatureAlignment | undefined {
  const c = correspondences(claim, ref, mirrored);
  if (c.count < MIN_MATCHES) return undefined;
  const found = estimateAlignment(c, { claimWidth: claim.workWidth, claimHeight: claim.workHeight });
  if (!found) return undefined;
  const flip = Float64Array.of(-1, 0, ref.featureWidth - 1, 0, 1, 0, 0, 0, 1);
  const h = mirrored ? compose(flip, found.h) : found.h;
  // Spread: cells of a grid over the claim frame where the reference has keypoints (mapped into the claim), and
  // those holding an inlier. The reference's keypoints, not the claim's: noise or paint adds claim keypoints that
  // nothing could match.
  const cellW = claim.workWidth / SPREAD_GRID;
  const cellH = claim.workHeight / SPREAD_GRID;
  const cellOf = (x: number, y: number) =>
    Math.min(SPREAD_GRID - 1, Math.floor(y / cellH)) * SPREAD_GRID + Math.min(SPREAD_GRID - 1, Math.floor(x / cellW));
  const eligible = new Uint8Array(SPREAD_GRID * SPREAD_GRID);
  const covered = new Uint8Array(SPREAD_GRID * SPREAD_GRID);
  let keypointsInOverlap = 0;
  const train = mirrored ? ref.mirroredFeatures : ref.features;
  const back = invert(found.h);
  for (let k = 0; back && k < train.count; k++) {
    const [x, y] = applyHomography(back, train.x[k]!, train.y[k]!);
    if (!(x >= 0 && y >= 0 && x < claim.workWidth && y < claim.workHeight)) continue;
    keypointsInOverlap++;
    eligible[cellOf(x, y)] = 1;
  }
  for (const i of found.inliers) covered[cellOf(c.px[i]!, c.py[i]!)] = 1;
  let eligibleCount = 0;
  let coveredCount = 0;
  for (let i = 0; i < eligible.length; i++) {
    eligibleCount += eligible[i]!;
    coveredCount += eligible[i]! & covered[i]!;
  }
  return {
    h,
    mirrored,
    matches: c.count,
    inliers: found.inliers.length,
    inlierRatio: found.inliers.length / c.count,
    residualPx: found.residualPx,
    spread: eligibleCount > 0 ? coveredCount / eligibleCount : 0,
    keypointsInOverlap,
    projective: found.projective,
  };
}

/**
 * Aligns the claim with the reference and with its mirror image, the hinted orientation first; returns the
 * alignment with more inliers, or undefined when neither has any.
 * @param mirroredFirst the PDQ hint: the nearest hash pair involved a mirror image
 */
export function alignWithFeatures(
  claim: ClaimImage,
  ref: PreparedReference,
  mirroredFirst = false,
): FeatureAlignment | undefined {
  const first = alignOne(claim, ref, mirroredFirst);
  if (first && first.inliers >= 40 && first.inlierRatio >= 0.5) return first;
  const second = alignOne(claim, ref, !mirroredFirst);
  if (!first) return second;
  if (!second) return first;
  return second.inliers > first.inliers ? second : first;
}
