/**
 * A second photometric pass for colour transforms that do not act on each channel alone (saturation or brightness
 * applied in another colour space, with clipping, shifts hue and chroma depending on the colour): after the
 * per-channel tone curves, the median remaining difference per coarse cell of reference colour (Y × Cb × Cr) is
 * added back. A median per colour cell ignores a painted region unless it covers most pixels of that colour.
 */
import type { Plane } from './plane.js';

const CELLS_Y = 8;
const CELLS_C = 8;
/** A colour cell needs this many samples to get a correction. */
const MIN_CELL_SAMPLES = 50;
const RESIDUAL_BINS = 64;
const RESIDUAL_RANGE = 64;

function cellOf(y: number, cb: number, cr: number): number {
  const cy = Math.min(CELLS_Y - 1, Math.max(0, Math.floor((y / 256) * CELLS_Y)));
  const cu = Math.min(CELLS_C - 1, Math.max(0, Math.floor(((cb + 128) / 256) * CELLS_C)));
  const cv = Math.min(CELLS_C - 1, Math.max(0, Math.floor(((cr + 128) / 256) * CELLS_C)));
  return (cy * CELLS_C + cu) * CELLS_C + cv;
}

/**
 * Corrects the (already tone-mapped) reference planes in place by the median residual per colour cell.
 * @param original the reference's Y, Cb, Cr before tone mapping (they pick the colour cell)
 * @param mapped the reference's Y, Cb, Cr after tone mapping; corrected in place
 * @param claim the claim's Y, Cb, Cr
 */
export function correctColourResidual(
  original: readonly Plane[],
  mapped: readonly Plane[],
  claim: readonly Plane[],
  mask: Uint8Array,
): void {
  const cells = CELLS_Y * CELLS_C * CELLS_C;
  const histogram = new Uint32Array(cells * 3 * RESIDUAL_BINS);
  const counts = new Uint32Array(cells);
  const n = mask.length;
  const cellIndex = new Int32Array(n);
  // The planes' arrays in locals: looked up through the plane arrays in the loop, they cost ~2× the time.
  const [y0, u0, v0] = [original[0]!.data, original[1]!.data, original[2]!.data];
  const [my, mu, mv] = [mapped[0]!.data, mapped[1]!.data, mapped[2]!.data];
  const [cy, cu, cv] = [claim[0]!.data, claim[1]!.data, claim[2]!.data];
  const bin = (r: number) =>
    Math.min(RESIDUAL_BINS - 1, Math.max(0, Math.floor(((r + RESIDUAL_RANGE) / (2 * RESIDUAL_RANGE)) * RESIDUAL_BINS)));
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const cell = cellOf(y0[i]!, u0[i]!, v0[i]!);
    cellIndex[i] = cell;
    counts[cell]!++;
    const base = cell * 3 * RESIDUAL_BINS;
    histogram[base + bin(cy[i]! - my[i]!)]!++;
    histogram[base + RESIDUAL_BINS + bin(cu[i]! - mu[i]!)]!++;
    histogram[base + 2 * RESIDUAL_BINS + bin(cv[i]! - mv[i]!)]!++;
  }
  const correction = new Float32Array(cells * 3);
  for (let cell = 0; cell < cells; cell++) {
    if (counts[cell]! < MIN_CELL_SAMPLES) continue;
    for (let c = 0; c < 3; c++) {
      const base = (cell * 3 + c) * RESIDUAL_BINS;
      let seen = 0;
      for (let k = 0; k < RESIDUAL_BINS; k++) {
        seen += histogram[base + k]!;
        if (seen >= counts[cell]! / 2) {
          correction[cell * 3 + c] = ((k + 0.5) / RESIDUAL_BINS) * 2 * RESIDUAL_RANGE - RESIDUAL_RANGE;
          break;
        }
      }
    }
  }
  // Only compared cells matter: the rest is replaced by the claim's own values afterwards.
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const cell = cellIndex[i]! * 3;
    my[i]! += correction[cell]!;
    mu[i]! += correction[cell + 1]!;
    mv[i]! += correction[cell + 2]!;
  }
}
