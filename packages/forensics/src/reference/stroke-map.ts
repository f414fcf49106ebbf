/**
 * A difference map for thin painted strokes (cracks, the rays and rings of shattered glass, a tear's gap): lines
 * one or two grid cells wide that the blurred, box-averaged maps of `difference-map.ts` dilute below their floors.
 *
 * Per cell: the signed luma difference to the nearest-valued reference cell among it and its eight neighbours (a
 * residual misalignment of one cell along an outline explains itself away), then the strongest mean of that signed
 * difference along a short segment through the cell in one of eight directions (a stroke keeps its sign along its
 * length; resampling noise does not), divided by 1 + the reference's local luma range / 10 (along an outline or in
 * texture the two resamplings differ most; on the flat surfaces cracks are painted on they agree). Pure.
 */
import type { Plane } from './plane.js';

/** Cells on each side of the centre along a segment (a segment is 2·2 + 1 = 5 cells long). */
const SEGMENT_RADIUS = 2;
/** Directions of the segments: the axes, the diagonals and the four in between. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [1, 1],
  [1, -1],
  [2, 1],
  [1, 2],
  [2, -1],
  [1, -2],
];
/** Cells whose own difference is under this many levels skip the segments (see {@link strokeMap}). */
const SKIP_BELOW = 2;
/** Luma range (levels) of the reference's 3×3 neighbourhood that halves a stroke's score. */
const RANGE_SCALE = 10;

/** The segments' cell offsets, direction after direction: SEGMENT_DX[k·SEGMENT_CELLS + t], SEGMENT_DY likewise. */
const SEGMENT_CELLS = 2 * SEGMENT_RADIUS + 1;
const SEGMENT_DX = new Int32Array(DIRECTIONS.length * SEGMENT_CELLS);
const SEGMENT_DY = new Int32Array(DIRECTIONS.length * SEGMENT_CELLS);
DIRECTIONS.forEach(([ux, uy], k) => {
  const length = Math.hypot(ux, uy);
  for (let t = -SEGMENT_RADIUS; t <= SEGMENT_RADIUS; t++) {
    SEGMENT_DX[k * SEGMENT_CELLS + t + SEGMENT_RADIUS] = Math.round((t * ux) / length);
    SEGMENT_DY[k * SEGMENT_CELLS + t + SEGMENT_RADIUS] = Math.round((t * uy) / length);
  }
});

/**
 * The signed difference claim − reference with the smallest magnitude over the reference cell and its eight
 * neighbours (cells outside `mask` are skipped; 0 where the cell itself is outside).
 */
export function signedShiftTolerant(claim: Plane, reference: Plane, mask: Uint8Array): Float32Array {
  const { width: w, height: h } = claim;
  const signed = new Float32Array(w * h);
  const a = claim.data;
  const b = reference.data;
  // Cell by cell over its 3×3 neighbourhood (row-major, so the first of equal magnitudes wins, as it did shift by
  // shift); `best` is rounded to single precision as the per-shift version stored it.
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(h - 1, y + 1);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!mask[i]) continue;
      const ai = a[i]!;
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(w - 1, x + 1);
      // `if (m < best) { best = fround(m); chosen = d; }` as arithmetic on t ∈ {0, 1} (exact: x·1 + y·0 = x for finite
      // x, y; the cell itself is in the mask, so `best` starts above any difference and always takes one): the
      // branch, which the data decides, was mispredicted so often that it cost ~45 % of the time.
      let best = 1e300;
      let chosen = 0;
      for (let yy = y0; yy <= y1; yy++) {
        for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
          if (!mask[j]) continue;
          const d = ai - b[j]!;
          const m = Math.abs(d);
          const t = +(m < best);
          best = t * Math.fround(m) + (1 - t) * best;
          chosen = t * d + (1 - t) * chosen;
        }
      }
      signed[i] = chosen;
    }
  }
  return signed;
}

/**
 * The stroke map: 0 outside `mask`, else |strongest segment mean of the signed difference| / (1 + local range / 10).
 * @param claim the claim's luma on the comparison grid, unblurred
 * @param reference the reference's luma on the same grid, photometrically normalised, unblurred
 * @param d their {@link signedShiftTolerant} difference, when already computed
 */
export function strokeMap(
  claim: Plane,
  reference: Plane,
  mask: Uint8Array,
  d = signedShiftTolerant(claim, reference, mask),
): Float32Array {
  const { width: w, height: h } = claim;
  const out = new Float32Array(w * h);
  const ref = reference.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!mask[i]) continue;
      const own = d[i]!;
      const ownAbs = Math.abs(own);
      // The result never exceeds the cell's own difference: below SKIP_BELOW that difference is taken as is (an
      // upper bound far under any threshold), which spares the segments and the range on most cells.
      if (ownAbs < SKIP_BELOW) {
        out[i] = ownAbs;
        continue;
      }
      let lo = Infinity;
      let hi = -Infinity;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
          const v = ref[yy * w + xx]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      let strongest = 0;
      for (let k = 0; k < DIRECTIONS.length; k++) {
        let sum = 0;
        let count = 0;
        for (let t = k * SEGMENT_CELLS, end = t + SEGMENT_CELLS; t < end; t++) {
          const xx = x + SEGMENT_DX[t]!;
          const yy = y + SEGMENT_DY[t]!;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const j = yy * w + xx;
          if (!mask[j]) continue;
          sum += d[j]!;
          count++;
        }
        // The same sign as the cell's own difference, and no more than it: the cells beside a stroke, whose
        // segments across it pick up a share of it, stay at their own (small) difference.
        const mean = count > 0 ? (own < 0 ? -sum / count : sum / count) : 0;
        if (mean > strongest) strongest = mean;
      }
      out[i] = Math.min(strongest, ownAbs) / (1 + (hi - lo) / RANGE_SCALE);
    }
  }
  return out;
}
