/**
 * Error level analysis normalised for texture: how much each 8×8 cell of the working luma changes when the image
 * is recompressed at the photo's own estimated JPEG quality, relative to what cells of the same texture energy in
 * the same photo change. JPEG error grows with local detail, so raw error levels light up every edge and texture;
 * the photo's own error-vs-texture curve (binned medians) takes that out, and what is left is a cell whose
 * response to recompression differs from the rest of the photo at equal detail. Pure: the recompression itself is
 * done by the caller through the codec port.
 */
import type { DecodedImage } from '../ports.js';
import { blockMap, type BlockMap } from './block-map.js';

/** Cell side in working pixels (the recompression's own block size). */
export const ELA_CELL = 8;
/** Texture bins for the error-vs-texture curve. */
const BINS = 16;
/**
 * A pixel whose channels span at least this much is strongly saturated colour: 4:2:0 chroma subsampling alone
 * makes its recompression error large (a red tie, a blue logo), so cells full of it are left out like clipped ones.
 */
const SATURATED_CHROMA = 128;
/** Floors (squared grey levels) that keep flat cells from dividing by ~0. */
const ERROR_FLOOR = 0.25;

/** Per-cell error, texture and normalised error. */
export interface ElaMaps {
  /** Mean squared recompression error per cell. */
  readonly error: BlockMap;
  /** Mean squared gradient per cell. */
  readonly texture: BlockMap;
  /** log(error / error expected at this texture), natural log; NaN for clipped or strongly saturated cells. */
  readonly residual: BlockMap;
}

/**
 * Computes the ELA maps from the working image and the same image after a JPEG round trip: the error is the mean
 * squared difference over every channel (the chroma conversion and subsampling of the round trip is where blocks
 * compressed once at this quality and blocks compressed several times differ most); texture is the squared
 * gradient over every channel, so colour edges count as detail as well as luma edges.
 * @throws {RangeError} when the two images differ in size or channels
 */
export function elaMaps(original: DecodedImage, recompressed: DecodedImage): ElaMaps {
  if (
    original.width !== recompressed.width ||
    original.height !== recompressed.height ||
    original.channels !== recompressed.channels
  ) {
    throw new RangeError(
      `Expected images of one size but received ${original.width}×${original.height}×${original.channels} and ${recompressed.width}×${recompressed.height}×${recompressed.channels}`,
    );
  }
  const { width: w, height: h, channels } = original;
  const o = original.data;
  const r = recompressed.data;
  const cw = Math.floor(w / ELA_CELL);
  const ch = Math.floor(h / ELA_CELL);
  const error = blockMap(cw, ch);
  const texture = blockMap(cw, ch);
  const clipped = new Uint8Array(cw * ch);
  const stride = w * channels;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let e = 0;
      let g = 0;
      let saturated = 0;
      for (let y = cy * ELA_CELL; y < (cy + 1) * ELA_CELL; y++) {
        const right = y * stride + ((cx + 1) * ELA_CELL - 1) * channels; // the cell's last pixel in this row
        // A checkerboard of half the pixels: the cell means barely move and the pass costs half.
        const first = y * stride + (cx * ELA_CELL + (y & 1)) * channels;
        for (let i = first; i <= right; i += 2 * channels) {
          const down = y + 1 < h ? stride : 0;
          const across = i < right || (cx + 1) * ELA_CELL < w ? channels : 0;
          let lo = 255;
          let hi = 0;
          for (let c = 0; c < channels; c++) {
            const v = o[i + c]!;
            const d = v - r[i + c]!;
            const gx = o[i + c + across]! - v;
            const gy = o[i + c + down]! - v;
            e += d * d;
            g += gx * gx + gy * gy;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          if (lo <= 2 || hi >= 253 || hi - lo >= SATURATED_CHROMA) saturated++;
        }
      }
      const pixels = (ELA_CELL * ELA_CELL) / 2;
      error.data[cy * cw + cx] = e / (pixels * channels);
      texture.data[cy * cw + cx] = g / (pixels * channels);
      clipped[cy * cw + cx] = saturated > pixels / 8 ? 1 : 0;
    }
  }
  const expected = expectedError(error, texture, clipped);
  const residual = blockMap(cw, ch);
  for (let i = 0; i < cw * ch; i++) {
    if (clipped[i]) continue;
    residual.data[i] = Math.log((error.data[i]! + ERROR_FLOOR) / (expected(texture.data[i]!) + ERROR_FLOOR));
  }
  return { error, texture, residual };
}

/**
 * The photo's own error-vs-texture curve: cells cut into {@link BINS} equal-count bins by texture, the median error
 * of each bin at the bin's median texture, interpolated linearly in log texture.
 */
function expectedError(error: BlockMap, texture: BlockMap, clipped: Uint8Array): (t: number) => number {
  const n = error.data.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (!clipped[i]) kept++;
  // Typed arrays throughout: bin edges are texture quantiles, each bin's median error a typed sort.
  const order = new Uint32Array(kept);
  for (let i = 0, j = 0; i < n; i++) if (!clipped[i]) order[j++] = i;
  const keys = Float64Array.from(order, (i) => texture.data[i]!);
  const sortedKeys = Float64Array.from(keys).sort();
  const points: { t: number; e: number }[] = [];
  const bins = Math.max(1, Math.min(BINS, Math.floor(kept / 8)));
  for (let b = 0; b < bins; b++) {
    const lo = sortedKeys[Math.floor((b * kept) / bins)]!;
    const hi = b === bins - 1 ? Number.POSITIVE_INFINITY : sortedKeys[Math.floor(((b + 1) * kept) / bins)]!;
    const errors: number[] = [];
    for (let j = 0; j < kept; j++) {
      const t = keys[j]!;
      if (t >= lo && (t < hi || (hi === lo && t === lo))) errors.push(error.data[order[j]!]!);
    }
    if (errors.length === 0) continue;
    const sorted = Float64Array.from(errors).sort();
    const t = sortedKeys[Math.floor(((b + 0.5) * kept) / bins)]!;
    points.push({ t: Math.log(t + 1), e: sorted[sorted.length >> 1]! });
  }
  return (t: number) => {
    if (points.length === 0) return 0;
    const lt = Math.log(t + 1);
    if (lt <= points[0]!.t) return points[0]!.e;
    for (let i = 1; i < points.length; i++) {
      const p = points[i - 1]!;
      const q = points[i]!;
      if (lt <= q.t) return q.t > p.t ? p.e + ((q.e - p.e) * (lt - p.t)) / (q.t - p.t) : q.e;
    }
    return points[points.length - 1]!.e;
  };
}
