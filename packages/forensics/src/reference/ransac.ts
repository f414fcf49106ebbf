/**
 * Robust alignment from putative matches: RANSAC over similarities (two matches per hypothesis, so scale,
 * rotation, crop and translation), then a homography refitted on the inliers a few times to absorb mild
 * perspective. Deterministic (fixed seed).
 */
import { applyHomography, describeLocal, fitHomography, similarityFrom2, type Homography } from './homography.js';
import { seededRandom } from './prng.js';

/** Point correspondences: claim (px, py)[i] ↔ reference (qx, qy)[i]. */
export interface Correspondences {
  readonly count: number;
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly qx: Float32Array;
  readonly qy: Float32Array;
}

/** An alignment of the claim photo onto a reference. */
export interface Alignment {
  /** Claim working pixels → reference feature pixels. */
  readonly h: Homography;
  /** Indices of the inlier correspondences. */
  readonly inliers: Int32Array;
  /** Median reprojection error of the inliers, in claim working pixels. */
  readonly residualPx: number;
  /** Whether the final model is a homography (else the similarity). */
  readonly projective: boolean;
}

/** Options of {@link estimateAlignment}. */
export interface RansacOptions {
  /** Inlier threshold in claim working pixels (default 3). */
  readonly thresholdPx?: number;
  /** Hypotheses tried (default 400). */
  readonly iterations?: number;
  /** Width and height of the claim working image, to bound the perspective of the homography. */
  readonly claimWidth: number;
  readonly claimHeight: number;
}

/** Indices whose reprojection error, in claim pixels (reference-frame error / local scale), is within the limit. */
function inliersOf(h: Homography, c: Correspondences, thresholdPx: number, scale: number): number[] {
  const limit = (thresholdPx * scale) ** 2;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as unknown as number[];
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) {
    const x = c.px[i]!;
    const y = c.py[i]!;
    const w = h6! * x + h7! * y + h8!;
    const du = (h0! * x + h1! * y + h2!) / w - c.qx[i]!;
    const dv = (h3! * x + h4! * y + h5!) / w - c.qy[i]!;
    if (du * du + dv * dv <= limit) out.push(i);
  }
  return out;
}

function medianError(h: Homography, c: Correspondences, idx: readonly number[], scale: number): number {
  const errors = idx.map((i) => {
    const [x, y] = applyHomography(h, c.px[i]!, c.py[i]!);
    return Math.hypot(x - c.qx[i]!, y - c.qy[i]!) / scale;
  });
  errors.sort((a, b) => a - b);
  return errors.length > 0 ? errors[Math.floor(errors.length / 2)]! : Infinity;
}

/** Whether a homography stays close to a similarity over the claim frame (scale varies less than 1.6×). */
function mild(h: Homography, width: number, height: number): boolean {
  const scales = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x, y]) => describeLocal(h, x!, y!));
  const values = scales.map((s) => s.scale);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min > 0 && max / min < 1.6 && scales.every((s) => s.mirrored === scales[0]!.mirrored);
}

/**
 * Finds the similarity with the most inliers, then refits a homography on them (kept only when mild).
 * @returns undefined when fewer than 4 correspondences agree
 */
export function estimateAlignment(c: Correspondences, options: RansacOptions): Alignment | undefined {
  if (c.count < 4) return undefined;
  const thresholdPx = options.thresholdPx ?? 3;
  const iterations = options.iterations ?? 400;
  const next = seededRandom(0x5eed + c.count);
  let best: { h: Homography; count: number; scale: number } | undefined;
  for (let it = 0; it < iterations; it++) {
    const i = Math.floor(next() * c.count);
    const j = Math.floor(next() * c.count);
    if (i === j) continue;
    const span = Math.hypot(c.px[i]! - c.px[j]!, c.py[i]! - c.py[j]!);
    if (span < 8) continue;
    const h = similarityFrom2(c.px[i]!, c.py[i]!, c.px[j]!, c.py[j]!, c.qx[i]!, c.qy[i]!, c.qx[j]!, c.qy[j]!);
    if (!h) continue;
    const scale = Math.hypot(h[0]!, h[3]!);
    if (!(scale > 0.05 && scale < 20)) continue;
    const count = inliersOf(h, c, thresholdPx, scale).length;
    if (!best || count > best.count) best = { h, count, scale };
  }
  if (!best || best.count < 4) return undefined;
  let h = best.h;
  let scale = best.scale;
  let inliers = inliersOf(h, c, thresholdPx, scale);
  let projective = false;
  for (let round = 0; round < 3; round++) {
    const fitted = fitHomography(c.px, c.py, c.qx, c.qy, inliers);
    if (!fitted || !mild(fitted, options.claimWidth, options.claimHeight)) break;
    const fittedScale = describeLocal(fitted, options.claimWidth / 2, options.claimHeight / 2).scale;
    const next = inliersOf(fitted, c, thresholdPx, fittedScale);
    if (next.length < inliers.length) break;
    h = fitted;
    scale = fittedScale;
    inliers = next;
    projective = true;
  }
  return { h, inliers: Int32Array.from(inliers), residualPx: medianError(h, c, inliers, scale), projective };
}
