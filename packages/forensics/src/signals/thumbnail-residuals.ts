import type { Box, GreyImage } from '../pixels/grey-image.js';

/** One grid cell whose content differs beyond what resampling, rendering and compression explain. */
export interface DifferingCell {
  readonly col: number;
  readonly row: number;
  /** Residual over its allowance; > 1 means flagged. */
  readonly score: number;
}

/** The allowance a cell's residual must exceed to differ: `max(minResidual, sigmaFactor·σ) + gradientFactor·g`. */
export interface DifferenceAllowance {
  /** Smallest residual (grey levels, 0..255) that can count as a difference, whatever the fitted noise. */
  readonly minResidual: number;
  /** Multiple of the fit's residual standard deviation σ (its noise floor). */
  readonly sigmaFactor: number;
  /** Share of g, the smaller of the two pictures' local gradients at the cell (misalignment tolerance). */
  readonly gradientFactor: number;
}

/**
 * Default allowance, calibrated with `apps/server/src/scripts/calibrate-thumbnail.ts` on the 46 real camera JPEGs
 * with a comparable thumbnail in the shared corpus: untouched, no photo has a group of more than 1 differing cell
 * (bar the one whose main image really was painted over); a gradient share of 0.15 already lets 2 of them fire.
 */
export const DEFAULT_ALLOWANCE: DifferenceAllowance = { minResidual: 20, sigmaFactor: 4, gradientFactor: 0.35 };

/**
 * Per-cell features of the thumbnail the main image's luma is predicted from: for RGB planes 1, R, G, B, R², G², B²
 * (a colour-space difference — a main image left in Adobe RGB or Display P3 next to an sRGB thumbnail — is close to
 * a 3×3 matrix plus per-channel curves, which luma alone cannot express); for a grey plane 1, v, v², v³ (a tone
 * curve with the highlight and shadow roll-off in which camera thumbnails differ).
 */
function features(planes: readonly GreyImage[], i: number): number[] {
  const v = planes.map((p) => p.data[i]! / 255);
  if (v.length === 1) return [1, v[0]!, v[0]! ** 2, v[0]! ** 3];
  return [1, ...v, ...v.map((x) => x * x)];
}

/**
 * For each channel of the main image, fits main ≈ f(thumbnail) by least squares, iteratively dropping cells beyond
 * 3σ (so an edited region does not bend the fit), and flags the cells where any channel's residual exceeds its
 * allowance. σ is the median absolute residual × 1.4826 — unlike the RMS, it stays the noise floor when a fifth of
 * the picture was painted over.
 * @param planes the thumbnail's grid planes (1 grey or 3 RGB), display orientation
 * @param main the main image's grid planes (1 grey or 3 RGB), same size
 */
export function differingCells(
  planes: readonly GreyImage[],
  main: readonly GreyImage[],
  limits: DifferenceAllowance,
): DifferingCell[] {
  const first = main[0];
  if (!first) return [];
  const n = first.data.length;
  const rows = Array.from({ length: n }, (_, i) => features(planes, i));
  const scores = new Float64Array(n);
  for (const channel of main) {
    const channelScores = residualScores(rows, channel, limits);
    for (let i = 0; i < n; i++) scores[i] = Math.max(scores[i]!, channelScores[i]!);
  }
  const cells: DifferingCell[] = [];
  for (let i = 0; i < n; i++) {
    if (scores[i]! > 1) {
      cells.push({ col: i % first.width, row: Math.floor(i / first.width), score: Math.round(scores[i]! * 100) / 100 });
    }
  }
  return cells;
}

/** Residual over allowance per cell for one channel of the main image. */
function residualScores(rows: readonly number[][], main: GreyImage, limits: DifferenceAllowance): Float64Array {
  const n = main.data.length;
  const keep = new Array<boolean>(n).fill(true);
  const fitted = new Float64Array(n);
  const absolute = new Float64Array(n);
  let sigma = 0;
  for (let iteration = 0; iteration < 4; iteration++) {
    const coefficients = leastSquares(rows, main.data, keep);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let sum = 0;
      for (let k = 0; k < row.length; k++) sum += row[k]! * coefficients[k]!;
      fitted[i] = sum;
      absolute[i] = Math.abs(main.data[i]! - sum);
    }
    sigma = 1.4826 * median(absolute);
    for (let i = 0; i < n; i++) keep[i] = absolute[i]! <= Math.max(3 * sigma, 1);
  }
  const gradFitted = localGradient({ ...main, data: fitted });
  const gradMain = localGradient(main);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gradient = Math.min(gradFitted[i]!, gradMain[i]!);
    const allowance = Math.max(limits.minResidual, limits.sigmaFactor * sigma) + limits.gradientFactor * gradient;
    scores[i] = absolute[i]! / allowance;
  }
  return scores;
}

/** Median of the values (a sorted copy's middle element; typed arrays sort numerically). */
function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  return sorted.length > 0 ? sorted[sorted.length >> 1]! : 0;
}

/** Least squares y ≈ X·c over the kept rows; drops trailing terms when the system is singular (flat pictures). */
function leastSquares(x: readonly number[][], y: Float64Array, keep: readonly boolean[], terms?: number): number[] {
  const size = terms ?? x[0]?.length ?? 1;
  const a = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  for (let i = 0; i < x.length; i++) {
    if (!keep[i]) continue;
    const row = x[i]!;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) a[r]![c]! += row[r]! * row[c]!;
      a[r]![size]! += row[r]! * y[i]!;
    }
  }
  const solution = solve(a);
  if (solution) return [...solution, ...new Array<number>((x[0]?.length ?? size) - size).fill(0)];
  return size > 1 ? leastSquares(x, y, keep, size - 1) : [0];
}

/** Gaussian elimination with partial pivoting on an augmented matrix; undefined when singular. */
function solve(a: number[][]): number[] | undefined {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-9) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Per cell, the largest absolute difference to its 8 neighbours. */
function localGradient(image: GreyImage): Float64Array {
  const { width: w, height: h, data } = image;
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      let g = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < w && ny < h) g = Math.max(g, Math.abs(data[ny * w + nx]! - v));
        }
      }
      out[y * w + x] = g;
    }
  }
  return out;
}

/** The 8-connected groups of cells on a `width`-wide grid, largest first, as bounding boxes in grid units. */
export function cellGroups(cells: readonly DifferingCell[], width: number): (Box & { cells: number })[] {
  const flagged = new Set(cells.map((c) => c.row * width + c.col));
  const seen = new Set<number>();
  const groups: (Box & { cells: number })[] = [];
  for (const start of flagged) {
    if (seen.has(start)) continue;
    const stack = [start];
    seen.add(start);
    let count = 0;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = Math.floor(i / width);
      count++;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const j = i + dy * width + dx;
          if (nx < 0 || nx >= width || j < 0 || !flagged.has(j) || seen.has(j)) continue;
          seen.add(j);
          stack.push(j);
        }
      }
    }
    groups.push({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1, cells: count });
  }
  return groups.sort((a, b) => b.cells - a.cells || a.y - b.y || a.x - b.x);
}
