/**
 * From difference maps to regions: each map is thresholded relative to its own statistics over the overlap
 * (median + k·MAD, never below an absolute floor that recompression, resampling and light regeneration stay
 * under), the strongest ratio wins per cell, a closing joins broken strokes, and connected components large
 * enough and clearly over the threshold become boxes.
 */
import { dilate, erode } from './aligned-pair.js';
import type { DifferenceMaps } from './difference-map.js';
import { labelComponents } from './connected.js';
import { selectInPlace } from '../select.js';

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
  /** Absolute floor of the stroke map's threshold (default {@link STROKE_FLOOR}); Infinity leaves strokes out. */
  readonly strokeFloor?: number;
  /** Smallest region as a share of the overlap (default 0.0008) and in cells (default 12). */
  readonly minShare?: number;
  readonly minCells?: number;
  /** A region needs a cell at least this many times over the threshold (default 1.5). */
  readonly minPeak?: number;
  /**
   * Hysteresis: a kept region's shape grows into connected cells whose score is at least this (default 0.5), so the
   * faint edge of a stain or a crack's halo counts as changed without starting a region of its own.
   */
  readonly growTo?: number;
  /** How many cells the shape may grow by hysteresis at most (default 6). */
  readonly growSteps?: number;
  /**
   * A shape cell stays only where its own unblurred difference reaches this share of the luma or chroma threshold
   * (default {@link TRIM_TO}); the blurred maps spread a thin stroke over the cells beside it. 0 keeps every cell.
   */
  readonly trimTo?: number;
}

/** The per-cell score (max of the three ratios to their thresholds), the regions, and the thresholds used. */
export interface RegionResult {
  readonly score: Float32Array;
  readonly regions: readonly GridRegion[];
  /** 1 for the cells of the kept regions, grown by hysteresis ({@link RegionOptions.growTo}), inside the overlap. */
  readonly shape: Uint8Array;
  readonly thresholds: {
    readonly structure: number;
    readonly luma: number;
    readonly chroma: number;
    readonly stroke: number;
  };
}

/** Floor of the stroke map's threshold: normalised luma levels along a segment (see `stroke-map.ts`). */
export const STROKE_FLOOR = 6;

/** Share of the luma and chroma thresholds a shape cell's own (sharp) difference must reach. */
export const TRIM_TO = 0.5;

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
  const median = selectInPlace(samples, n, n >> 1);
  for (let i = 0; i < n; i++) samples[i] = Math.abs(samples[i]! - median);
  const mad = 1.4826 * selectInPlace(samples, n, n >> 1);
  return Math.max(floor, median + k * mad);
}

/** The 8-connected components of `mask` as regions (box, cells, peak of `score`), and each cell's component. */
function components(
  mask: Uint8Array,
  score: Float32Array,
  width: number,
  height: number,
): { regions: GridRegion[]; label: Int32Array } {
  const { label, count } = labelComponents(mask, width, height);
  const minX = new Int32Array(count).fill(width);
  const minY = new Int32Array(count).fill(height);
  const maxX = new Int32Array(count).fill(-1);
  const maxY = new Int32Array(count).fill(-1);
  const cells = new Int32Array(count);
  const peak = new Float64Array(count);
  for (let i = 0; i < label.length; i++) {
    const c = label[i]!;
    if (c < 0) continue;
    const x = i % width;
    const y = (i - x) / width;
    cells[c]!++;
    peak[c] = Math.max(peak[c]!, score[i]!);
    minX[c] = Math.min(minX[c]!, x);
    maxX[c] = Math.max(maxX[c]!, x);
    minY[c] = Math.min(minY[c]!, y);
    maxY[c] = Math.max(maxY[c]!, y);
  }
  const regions = Array.from({ length: count }, (_, c) => ({
    x: minX[c]!,
    y: minY[c]!,
    w: maxX[c]! - minX[c]! + 1,
    h: maxY[c]! - minY[c]! + 1,
    cells: cells[c]!,
    peak: peak[c]!,
  }));
  return { regions, label };
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
    stroke: robustThreshold(maps.stroke, overlap, k, options.strokeFloor ?? STROKE_FLOOR),
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
      maps.stroke[i]! / thresholds.stroke,
    );
    hot[i] = score[i]! >= 1 ? 1 : 0;
  }
  const closed = erode(dilate(hot, maps.width, maps.height, 1), maps.width, maps.height, 1);
  for (let i = 0; i < n; i++) closed[i] = closed[i]! & overlap[i]!;
  const minCells = Math.max(options.minCells ?? 12, (options.minShare ?? 0.0008) * overlapCells);
  const minPeak = options.minPeak ?? 1.5;
  const { regions: all, label } = components(closed, score, maps.width, maps.height);
  // A box thinner than 3 cells is a straight edge (an app bar's border, a frame line), not painted damage.
  const keep = all.map((r) => r.cells >= minCells && r.peak >= minPeak && Math.min(r.w, r.h) >= 3);
  const regions = all.filter((_, i) => keep[i]).sort((a, b) => b.cells - a.cells);
  const shape = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (label[i]! >= 0 && keep[label[i]!]) shape[i] = 1;
  growShape(shape, score, overlap, maps.width, maps.height, options.growTo ?? 0.5, options.growSteps ?? 6);
  trimShape(shape, maps, thresholds, options.trimTo ?? TRIM_TO);
  return { score, regions, shape, thresholds };
}

/**
 * Grows `shape` (in place) into 8-connected cells of the overlap whose score is at least `low`, at most `steps`
 * cells away from the shape it started from (a faint halo is next to the paint; a long faint edge is not paint).
 */
function growShape(
  shape: Uint8Array,
  score: Float32Array,
  overlap: Uint8Array,
  width: number,
  height: number,
  low: number,
  steps: number,
): void {
  let frontier: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i]) frontier.push(i);
  for (let step = 0; step < steps && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const i of frontier) {
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (!shape[j] && overlap[j] && score[j]! >= low) {
            shape[j] = 1;
            next.push(j);
          }
        }
      }
    }
    frontier = next;
  }
}

/**
 * Keeps (in place) the shape's cells whose own unblurred difference reaches `share` of the luma, the chroma or the
 * stroke threshold, then closes the result (a 3×3 closing, within the shape) so a blob's faint interior is not holed.
 */
function trimShape(
  shape: Uint8Array,
  maps: DifferenceMaps,
  thresholds: RegionResult['thresholds'],
  share: number,
): void {
  if (share <= 0) return;
  const { width, height } = maps;
  const lumaMin = share * thresholds.luma;
  const chromaMin = share * thresholds.chroma;
  const strokeMin = share * thresholds.stroke;
  const kept = new Uint8Array(shape.length);
  for (let i = 0; i < shape.length; i++) {
    const own = maps.sharpLuma[i]! >= lumaMin || maps.sharpChroma[i]! >= chromaMin || maps.stroke[i]! >= strokeMin;
    kept[i] = shape[i]! & +own;
  }
  const closed = erode(dilate(kept, width, height, 1), width, height, 1);
  for (let i = 0; i < shape.length; i++) shape[i] = shape[i]! & closed[i]!;
}
