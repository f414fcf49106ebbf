/**
 * The benchmark's arithmetic: intersection over union of predicted boxes against a painted mask, the score
 * threshold that keeps false positives at or under a rate, detection rates and medians. Pure functions.
 */
import type { Box, MaskRaster } from './raster.js';

/**
 * The union of boxes as a mask of the given size (boxes clipped to the frame; coordinates rounded outward).
 */
export function boxesToMask(boxes: readonly Box[], width: number, height: number): MaskRaster {
  const data = new Uint8Array(width * height);
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x));
    const y0 = Math.max(0, Math.floor(b.y));
    const x1 = Math.min(width, Math.ceil(b.x + b.w));
    const y1 = Math.min(height, Math.ceil(b.y + b.h));
    for (let y = y0; y < y1; y++) data.fill(255, y * width + x0, y * width + Math.max(x0, x1));
  }
  return { width, height, data };
}

/**
 * Pixel intersection over union of two masks of the same size; 0 when both are empty (nothing predicted for
 * nothing is not a localisation).
 * @throws {RangeError} when the sizes differ
 */
export function maskIoU(a: MaskRaster, b: MaskRaster): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`mask sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i]! >= 128;
    const y = b.data[i]! >= 128;
    if (x && y) inter++;
    if (x || y) union++;
  }
  return union === 0 ? 0 : inter / union;
}

/**
 * The two IoU figures of one forgery: the union of predicted boxes against the painted mask pixel by pixel
 * (`pixel`), and against the mask's bounding box filled (`bbox`). No boxes → both 0.
 */
export function localisationIoU(
  boxes: readonly Box[],
  mask: MaskRaster,
  maskBox: Box | undefined,
): { pixel: number; bbox: number } {
  if (boxes.length === 0) return { pixel: 0, bbox: 0 };
  const predicted = boxesToMask(boxes, mask.width, mask.height);
  const truthBox = boxesToMask(maskBox ? [maskBox] : [], mask.width, mask.height);
  return { pixel: maskIoU(predicted, mask), bbox: maskIoU(predicted, truthBox) };
}

/**
 * The lowest score threshold t such that at most `maxRate` of the negatives score strictly above t: with k =
 * ⌊maxRate · n⌋ negatives allowed over it, t is the (k+1)-th highest negative score. Ties at t do not count as
 * over it, so the achieved rate can be lower than `maxRate`. A photo is detected when its score is > t.
 * @returns the threshold, how many negatives exceed it, and that as a rate
 * @throws {RangeError} without negatives or for a rate outside [0, 1)
 * @example thresholdAtFalsePositiveRate([0.9, 0.5, 0.1, 0.1], 0.25) // { threshold: 0.5, over: 1, rate: 0.25 }
 */
export function thresholdAtFalsePositiveRate(
  negativeScores: readonly number[],
  maxRate: number,
): { threshold: number; over: number; rate: number } {
  if (negativeScores.length === 0) throw new RangeError('thresholdAtFalsePositiveRate: no negatives');
  if (!(maxRate >= 0 && maxRate < 1)) throw new RangeError(`maxRate must be in [0, 1), not ${maxRate}`);
  const sorted = [...negativeScores].sort((a, b) => b - a);
  // The small epsilon keeps 0.01 · 200 = 2 from flooring to 1 through binary rounding.
  const allowed = Math.floor(maxRate * sorted.length + 1e-9);
  const threshold = sorted[allowed]!;
  const over = sorted.filter((s) => s > threshold).length;
  return { threshold, over, rate: over / sorted.length };
}

/** Share of `scores` strictly above `threshold`; 0 for an empty list. */
export function shareAbove(scores: readonly number[], threshold: number): number {
  return scores.length === 0 ? 0 : scores.filter((s) => s > threshold).length / scores.length;
}

/** Share of items for which `test` holds; 0 for an empty list. */
export function shareOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

/** The median (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-quantile (0..1) by the nearest-rank method; NaN for an empty list. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}
