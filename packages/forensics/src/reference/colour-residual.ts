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
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const cell = cellOf(original[0]!.data[i]!, original[1]!.data[i]!, original[2]!.data[i]!);
    cellIndex[i] = cell;
    counts[cell]!++;
    for (let c = 0; c < 3; c++) {
      const r = claim[c]!.data[i]! - mapped[c]!.data[i]!;
      const bin = Math.min(
        RESIDUAL_BINS - 1,
        Math.max(0, Math.floor(((r + RESIDUAL_RANGE) / (2 * RESIDUAL_RANGE)) * RESIDUAL_BINS)),
      );
      histogram[(cell * 3 + c) * RESIDUAL_BINS + bin]!++;
    }
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
    const cell = cellIndex[i]!;
    for (let c = 0; c < 3; c++) mapped[c]!.data[i]! += correction[cell * 3 + c]!;
  }
}
