/**
 * Sub-cell shapes of a local edit: the comparison grid (≤ 384 cells a side) is coarser than the claim's working
 * decode (≤ 640 px), and a painted crack is about one cell wide, so the cells a stroke crosses are about twice its
 * area. Inside the changed cells (and one cell around them), each working pixel of the claim is compared with the
 * normalised reference upsampled to that pixel (tone curves and colour correction applied), tolerating a one-pixel
 * shift, and kept when the difference reaches a floor. Detection is not touched: this only redraws the shape of areas
 * already found, and an area none of whose pixels passes keeps its cells. Pure.
 */
import { dilate, erode } from './aligned-pair.js';
import type { DifferenceMaps } from './difference-map.js';
import type { Plane } from './plane.js';
import { labelComponents } from './connected.js';

/** Options of {@link subcellShape}; the defaults were chosen on seed-1 forgeries (ADR 0019). */
export interface SubcellOptions {
  /** A pixel is changed when its difference reaches this, Y/Cb/Cr levels (default {@link SUBCELL_FLOOR}). */
  readonly floor?: number;
  /** Cells around the changed cells searched too (default 2): a stroke's faint ends under the grid's thresholds. */
  readonly around?: number;
  /** Misalignment tolerated, working pixels (default 1). */
  readonly shift?: number;
  /** Closing radius in working pixels, within the searched cells (default 1). */
  readonly close?: number;
}

/**
 * A pixel's difference (Euclidean over Y, Cb, Cr, in levels) from which it counts as changed: the eval's mask counts
 * a pixel the paint moved by 12 levels in some channel.
 */
export const SUBCELL_FLOOR = 12;

/** The claim's working planes. */
export interface WorkingPlanes {
  readonly workWidth: number;
  readonly workHeight: number;
  readonly ycc: readonly [Plane, Plane, Plane];
}

/** Bilinear upsampling of a grid plane to the working size (cell centres at (i + 0.5)·step). */
function upsampleBilinear(plane: Plane, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const { width: gw, height: gh, data } = plane;
  const sx = gw / width;
  const sy = gh / height;
  for (let y = 0; y < height; y++) {
    const v = Math.min(gh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(gh - 1, y0 + 1);
    const fy = v - y0;
    for (let x = 0; x < width; x++) {
      const u = Math.min(gw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(gw - 1, x0 + 1);
      const fx = u - x0;
      const top = data[y0 * gw + x0]! * (1 - fx) + data[y0 * gw + x1]! * fx;
      const bottom = data[y1 * gw + x0]! * (1 - fx) + data[y1 * gw + x1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/**
 * The changed pixels of the working decode, 1 per pixel (`workWidth`×`workHeight`), for the grid shape `shape`
 * (1 per changed cell of `maps`' grid). An area none of whose pixels passes keeps its cells.
 */
export function subcellShape(
  claim: WorkingPlanes,
  maps: DifferenceMaps,
  shape: Uint8Array,
  options: SubcellOptions = {},
): Uint8Array {
  const floor = options.floor ?? SUBCELL_FLOOR;
  const { workWidth: w, workHeight: h } = claim;
  const { width: gw, height: gh } = maps;
  const out = new Uint8Array(w * h);
  const roi = dilate(shape, gw, gh, options.around ?? 2);
  const shift = options.shift ?? 1;
  const { label, count } = labelComponents(roi, gw, gh);
  if (count === 0) return out;
  // Grid cell of each working column and row.
  const cellX = new Int32Array(w);
  const cellY = new Int32Array(h);
  for (let x = 0; x < w; x++) cellX[x] = Math.min(gw - 1, Math.floor((x * gw) / w));
  for (let y = 0; y < h; y++) cellY[y] = Math.min(gh - 1, Math.floor((y * gh) / h));
  const ref = maps.normalised.map((p) => upsampleBilinear(p, w, h));
  const [cy, ccb, ccr] = claim.ycc.map((p) => p.data) as [Float32Array, Float32Array, Float32Array];
  const kept = new Uint32Array(count);
  for (let y = 0; y < h; y++) {
    const gy = cellY[y]!;
    for (let x = 0; x < w; x++) {
      const area = label[gy * gw + cellX[x]!]!;
      if (area < 0) continue;
      const i = y * w + x;
      let best = Infinity;
      for (let dy = -shift; dy <= shift; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -shift; dx <= shift; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          const d0 = cy[i]! - ref[0]![j]!;
          const d1 = ccb[i]! - ref[1]![j]!;
          const d2 = ccr[i]! - ref[2]![j]!;
          const sq = d0 * d0 + d1 * d1 + d2 * d2;
          if (sq < best) best = sq;
        }
      }
      if (Math.fround(Math.sqrt(best)) >= floor) {
        out[i] = 1;
        kept[area]!++;
      }
    }
  }
  const close = options.close ?? 1;
  if (close > 0) {
    const closed = erode(dilate(out, w, h, close), w, h, close);
    const inRoi = (i: number) => label[cellY[(i / w) | 0]! * gw + cellX[i % w]!]! >= 0;
    for (let i = 0; i < out.length; i++) if (closed[i] && !out[i] && inRoi(i)) out[i] = 1;
  }
  // An area with no pixel over its threshold (a change spread evenly under the floor) keeps its changed cells.
  for (let y = 0; y < h; y++) {
    const gy = cellY[y]!;
    for (let x = 0; x < w; x++) {
      const g = gy * gw + cellX[x]!;
      const area = label[g]!;
      if (area >= 0 && kept[area] === 0 && shape[g]) out[y * w + x] = 1;
    }
  }
  return out;
}
