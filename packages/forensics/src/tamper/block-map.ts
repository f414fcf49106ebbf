/**
 * Grids of per-block measurements (error level, noise level, double-compression evidence) and what the tamper
 * signals do with them: robust statistics, smoothing, compact outlier regions, and mapping cells to boxes in the
 * checked photo's oriented pixel coordinates. Pure.
 */
import type { Region } from '../report.js';

/** A grid of values, row-major; `NaN` marks a cell without data. */
export interface BlockMap {
  readonly width: number;
  readonly height: number;
  readonly data: Float64Array;
}

/** A connected group of hot cells. Coordinates are cells of the map the group was found in. */
export interface CellRegion {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Hot cells in the group. */
  readonly cells: number;
  /** Mean of the group's values in the map it was found in. */
  readonly mean: number;
  /** Largest value in the group. */
  readonly peak: number;
}

/** A new map of the given size filled with `value`. */
export function blockMap(width: number, height: number, value = Number.NaN): BlockMap {
  return { width, height, data: new Float64Array(width * height).fill(value) };
}

/** The finite values of a map, sorted ascending. */
export function sortedValues(map: BlockMap): Float64Array {
  return map.data.filter((v) => Number.isFinite(v)).sort();
}

/** The `p`-quantile (0..1) of sorted values, linearly interpolated; NaN when empty. */
export function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.max(0, Math.min(sorted.length - 1, p * (sorted.length - 1)));
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** {@link robustSpread} estimates from at most this many evenly spaced values (a 12 MP photo has 187,500 blocks). */
const SPREAD_SAMPLE = 4_096;

/**
 * Median and scaled median absolute deviation (σ-consistent for a normal distribution) of a map's values, from an
 * evenly spaced sample of at most {@link SPREAD_SAMPLE} of them; `count` is every value with data.
 */
export function robustSpread(map: BlockMap): { median: number; sigma: number; count: number } {
  const data = map.data;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === data[i]) count++; // NaN is the only value unequal to itself
  const step = Math.max(1, Math.ceil(map.data.length / SPREAD_SAMPLE));
  const sample: number[] = [];
  for (let i = 0; i < data.length; i += step) if (Number.isFinite(data[i]!)) sample.push(data[i]!);
  const sorted = Float64Array.from(sample).sort();
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort();
  return { median, sigma: 1.4826 * quantile(deviations, 0.5), count };
}

/**
 * Mean over a (2r+1)² window of the cells with data (NaN where the window holds fewer than `minValid` of them).
 * Summed-area tables make it O(cells) whatever the radius.
 */
export function boxMean(map: BlockMap, radius: number, minValid = 1): BlockMap {
  const { width: w, height: h, data } = map;
  const sum = new Float64Array((w + 1) * (h + 1));
  const count = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    let rowCount = 0;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (Number.isFinite(v)) {
        rowSum += v;
        rowCount++;
      }
      const at = (y + 1) * (w + 1) + x + 1;
      sum[at] = sum[at - w - 1]! + rowSum;
      count[at] = count[at - w - 1]! + rowCount;
    }
  }
  const out = blockMap(w, h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const at = (a: number, b: number) => b * (w + 1) + a;
      const n = count[at(x1, y1)]! - count[at(x0, y1)]! - count[at(x1, y0)]! + count[at(x0, y0)]!;
      if (n < minValid) continue;
      out.data[y * w + x] = (sum[at(x1, y1)]! - sum[at(x0, y1)]! - sum[at(x1, y0)]! + sum[at(x0, y0)]!) / n;
    }
  }
  return out;
}

/**
 * 8-connected groups of cells whose value is at least `threshold`, largest first. A cell without data is never hot.
 */
export function hotRegions(map: BlockMap, threshold: number): CellRegion[] {
  const { width: w, height: h, data } = map;
  const seen = new Uint8Array(w * h);
  const regions: CellRegion[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !(data[start]! >= threshold)) continue;
    seen[start] = 1;
    stack.push(start);
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    let cells = 0;
    let total = 0;
    let peak = Number.NEGATIVE_INFINITY;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      cells++;
      total += data[i]!;
      peak = Math.max(peak, data[i]!);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (seen[j] || !(data[j]! >= threshold)) continue;
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    regions.push({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1, cells, mean: total / cells, peak });
  }
  return regions.sort((a, b) => b.cells - a.cells);
}

/**
 * A box in stored pixel coordinates (`storedWidth × storedHeight`) as it appears after EXIF orientation 1..8
 * (values outside count as 1).
 */
export function orientBox(box: Region, orientation: number, storedWidth: number, storedHeight: number): Region {
  const { x, y, w, h } = box;
  const W = storedWidth;
  const H = storedHeight;
  switch (orientation) {
    case 2:
      return { x: W - x - w, y, w, h };
    case 3:
      return { x: W - x - w, y: H - y - h, w, h };
    case 4:
      return { x, y: H - y - h, w, h };
    case 5:
      return { x: y, y: x, w: h, h: w };
    case 6:
      return { x: H - y - h, y: x, w: h, h: w };
    case 7:
      return { x: H - y - h, y: W - x - w, w: h, h: w };
    case 8:
      return { x: y, y: W - x - w, w: h, h: w };
    default:
      return box;
  }
}

/** A map as displayed after EXIF orientation 1..8 (values outside count as 1), for heat-map pictures. */
export function orientMap(map: BlockMap, orientation: number): BlockMap {
  if (!(orientation >= 2 && orientation <= 8)) return map;
  const swap = orientation >= 5;
  const out = blockMap(swap ? map.height : map.width, swap ? map.width : map.height);
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++) {
      const b = orientBox({ x, y, w: 1, h: 1 }, orientation, map.width, map.height);
      out.data[b.y * out.width + b.x] = map.data[y * map.width + x]!;
    }
  }
  return out;
}

/** Cells (or any box) → a pixel box clipped to `width × height`, given the cell size (scale) in pixels. */
export function cellsToPixels(
  region: Pick<CellRegion, 'x' | 'y' | 'w' | 'h'>,
  cellWidth: number,
  cellHeight: number,
  width: number,
  height: number,
): Region {
  const x = Math.max(0, Math.floor(region.x * cellWidth));
  const y = Math.max(0, Math.floor(region.y * cellHeight));
  const right = Math.min(width, Math.ceil((region.x + region.w) * cellWidth));
  const bottom = Math.min(height, Math.ceil((region.y + region.h) * cellHeight));
  return { x, y, w: Math.max(0, right - x), h: Math.max(0, bottom - y) };
}

/** Intersection over union of two boxes (0 when disjoint). */
export function iou(a: Region, b: Region): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}
