/**
 * Uniform padding in the claim photo: letter-box bars, the fill around a rotated copy, the margins of a screenshot.
 * Where the claim was cropped before being padded, the alignment maps padding onto real reference content, and
 * the two would differ without anything having been painted. Padding is flat, of one colour, and reaches the edge
 * of the frame; it is found by growing from flat edge cells through flat cells close to the edge cell's colour.
 */
import { boxMean, type Plane } from './plane.js';

/** Local standard deviation of luma (3×3) below this counts as flat, on the 0..255 scale. */
const FLAT_STD = 3;
/** A padding cell's Y, Cb and Cr stay this close to the edge cell it grew from. */
const SEED_TOLERANCE = 10;
/** …and this close to the neighbour it grew from. */
const STEP_TOLERANCE = 4;

/**
 * Marks padding cells (1) on a grid of Y, Cb, Cr planes.
 * @example const padding = paddingMask(y, cb, cr); // 1 on letter-box bars
 */
export function paddingMask(y: Plane, cb: Plane, cr: Plane): Uint8Array {
  const { width: w, height: h } = y;
  const n = w * h;
  const mean = boxMean(y, 1).data;
  const sq = new Float32Array(n);
  for (let i = 0; i < n; i++) sq[i] = y.data[i]! * y.data[i]!;
  const meanSq = boxMean({ width: w, height: h, data: sq }, 1).data;
  const flat = new Uint8Array(n);
  for (let i = 0; i < n; i++) flat[i] = meanSq[i]! - mean[i]! * mean[i]! < FLAT_STD * FLAT_STD ? 1 : 0;
  const out = new Uint8Array(n);
  const seed = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  const push = (i: number, from: number) => {
    out[i] = 1;
    seed[i] = from;
    queue.push(i);
  };
  for (let x = 0; x < w; x++) {
    for (const i of [x, (h - 1) * w + x]) if (flat[i] && !out[i]) push(i, i);
  }
  for (let yy = 0; yy < h; yy++) {
    for (const i of [yy * w, yy * w + w - 1]) if (flat[i] && !out[i]) push(i, i);
  }
  const close = (a: number, b: number, tolerance: number) =>
    Math.abs(y.data[a]! - y.data[b]!) <= tolerance &&
    Math.abs(cb.data[a]! - cb.data[b]!) <= tolerance &&
    Math.abs(cr.data[a]! - cr.data[b]!) <= tolerance;
  const visit = (j: number, i: number) => {
    if (out[j] || !flat[j]) return;
    if (close(j, i, STEP_TOLERANCE) && close(j, seed[i]!, SEED_TOLERANCE)) push(j, seed[i]!);
  };
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    const x = i % w;
    if (x > 0) visit(i - 1, i);
    if (x < w - 1) visit(i + 1, i);
    if (i >= w) visit(i - w, i);
    if (i + w < n) visit(i + w, i);
  }
  return out;
}
