/**
 * From difference maps to regions: each map is thresholded relative to its own statistics over the overlap
 * (median + k·MAD, never below an absolute floor that recompression, resampling and light regeneration stay
 * under), the strongest ratio wins per cell, a closing joins broken strokes, and connected components large
 * enough and clearly over the threshold become boxes.
 */
import { dilate, erode } from './aligned-pair.js';
import type { DifferenceMaps } from './difference-map.js';

/** A region of local change on the comparison grid. */
export interface GridRegion {
  /** Bounding box in grid cells. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Cells in the component. */
  readonly cells: number;
  /** Highest score in the component (1 = at the threshold). */
  readonly peak: number;
}

/** Thresholds of {@link findRegions}; the defaults are calibrated in the reference tests. */
export interface RegionOptions {
  /** Robust standard deviations above the median (default 6). */
  readonly k?: number;
  /** Absolute floors of the thresholds: SSIM dissimilarity, |ΔY|, |ΔCbCr| (defaults 0.22, 22, 14). */
  readonly structureFloor?: number;
  readonly lumaFloor?: number;
  readonly chromaFloor?: number;
  /** Smallest region as a share of the overlap (default 0.0008) and in cells (default 12). */
  readonly minShare?: number;
  readonly minCells?: number;
  /** A region needs a cell at least this many times over the threshold (default 1.5). */
  readonly minPeak?: number;
}

/** The per-cell score (max of the three ratios to their thresholds), the regions, and the thresholds used. */
export interface RegionResult {
  readonly score: Float32Array;
  readonly regions: readonly GridRegion[];
  readonly thresholds: { readonly structure: number; readonly luma: number; readonly chroma: number };
}

/** At most this many samples go into a map's median and MAD (an even subsample of the overlap). */
const MAX_SAMPLES = 5000;

function robustThreshold(map: Float32Array, mask: Uint8Array, k: number, floor: number): number {
  let count = 0;
  for (let i = 0; i < map.length; i++) count += mask[i]!;
  if (count === 0) return floor;
  const stride = Math.max(1, Math.floor(count / MAX_SAMPLES));
  const samples = new Float32Array(Math.ceil(count / stride));
  let n = 0;
  for (let i = 0, seen = 0; i < map.length; i++) {
    if (!mask[i]) continue;
    if (seen++ % stride === 0) samples[n++] = map[i]!;
  }
  const sorted = samples.subarray(0, n).sort();
  const median = sorted[n >> 1]!;
  for (let i = 0; i < n; i++) sorted[i] = Math.abs(sorted[i]! - median);
  sorted.sort();
  const mad = 1.4826 * sorted[n >> 1]!;
  return Math.max(floor, median + k * mad);
}

/** Labels 8-connected components of `mask`; returns their regions with scores from `score`. */
function components(mask: Uint8Array, score: Float32Array, width: number, height: number): GridRegion[] {
  const label = new Int32Array(mask.length).fill(-1);
  const regions: GridRegion[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]! >= 0) continue;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    let cells = 0;
    let peak = 0;
    label[start] = regions.length;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      cells++;
      peak = Math.max(peak, score[i]!);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          const j = yy * width + xx;
          if (mask[j] && label[j]! < 0) {
            label[j] = regions.length;
            stack.push(j);
          }
        }
      }
    }
    regions.push({ x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1, cells, peak });
  }
  return regions;
}

/**
 * Thresholds the maps and returns the regions of local change, largest first.
 * @param overlap 1 where the reference covers the grid
 */
export function findRegions(maps: DifferenceMaps, overlap: Uint8Array, options: RegionOptions = {}): RegionResult {
  const k = options.k ?? 6;
  const thresholds = {
    structure: robustThreshold(maps.structure, overlap, k, options.structureFloor ?? 0.22),
    luma: robustThreshold(maps.luma, overlap, k, options.lumaFloor ?? 22),
    chroma: robustThreshold(maps.chroma, overlap, k, options.chromaFloor ?? 14),
  };
  const n = overlap.length;
  const score = new Float32Array(n);
  const hot = new Uint8Array(n);
  let overlapCells = 0;
  for (let i = 0; i < n; i++) {
    if (!overlap[i]) continue;
    overlapCells++;
    score[i] = Math.max(
      maps.structure[i]! / thresholds.structure,
      maps.luma[i]! / thresholds.luma,
      maps.chroma[i]! / thresholds.chroma,
    );
    hot[i] = score[i]! >= 1 ? 1 : 0;
  }
  const closed = erode(dilate(hot, maps.width, maps.height, 1), maps.width, maps.height, 1);
  for (let i = 0; i < n; i++) closed[i] = closed[i]! & overlap[i]!;
  const minCells = Math.max(options.minCells ?? 12, (options.minShare ?? 0.0008) * overlapCells);
  const minPeak = options.minPeak ?? 1.5;
  const regions = components(closed, score, maps.width, maps.height)
    // A box thinner than 3 cells is a straight edge (an app bar's border, a frame line), not painted damage.
    .filter((r) => r.cells >= minCells && r.peak >= minPeak && Math.min(r.w, r.h) >= 3)
    .sort((a, b) => b.cells - a.cells);
  return { score, regions, thresholds };
}
