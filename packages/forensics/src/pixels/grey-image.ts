import type { DecodedImage } from '../ports.js';

/** A single-channel image with float samples (luma 0..255 unless normalised), row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float64Array;
}

/**
 * Luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) of a decoded image; grey input is copied as is.
 * @example toGrey({ width: 1, height: 1, channels: 3, data: new Uint8Array([255, 0, 0]) }).data[0] // 76.245
 */
export function toGrey(image: DecodedImage): GreyImage {
  const n = image.width * image.height;
  const out = new Float64Array(n);
  const d = image.data;
  if (image.channels === 1) {
    for (let i = 0; i < n; i++) out[i] = d[i]!;
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
  }
  return { width: image.width, height: image.height, data: out };
}

/** The channels of a decoded image as separate float planes (one for grey, three for RGB). */
export function channelPlanes(image: DecodedImage): GreyImage[] {
  const n = image.width * image.height;
  return Array.from({ length: image.channels }, (_, c) => {
    const plane = new Float64Array(n);
    for (let i = 0; i < n; i++) plane[i] = image.data[i * image.channels + c]!;
    return { width: image.width, height: image.height, data: plane };
  });
}

/** Luma of RGB planes (BT.601), or the single plane itself. */
export function lumaOfPlanes(planes: readonly GreyImage[]): GreyImage {
  const [r, g, b] = planes;
  if (!r) throw new RangeError('Expected at least one plane');
  if (!g || !b) return r;
  const data = new Float64Array(r.data.length);
  for (let i = 0; i < data.length; i++) data[i] = 0.299 * r.data[i]! + 0.587 * g.data[i]! + 0.114 * b.data[i]!;
  return { width: r.width, height: r.height, data };
}

/** A rectangle in pixel units; `x`, `y` may be fractional in {@link cropGrey} and {@link resampleArea}. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Resamples a box of `image` to `width`×`height` by exact area averaging (each output sample is the mean of the
 * source area it covers, fractional pixels weighted). Suited to shrinking; the box defaults to the whole image.
 * @throws {RangeError} when the box is empty or outside the image, or the output size is not positive
 */
export function resampleArea(image: GreyImage, width: number, height: number, box?: Box): GreyImage {
  const b = box ?? { x: 0, y: 0, w: image.width, h: image.height };
  if (!(width > 0 && height > 0 && b.w > 0 && b.h > 0)) {
    throw new RangeError(`Expected a non-empty box and output size but received ${b.w}×${b.h} → ${width}×${height}`);
  }
  if (b.x < -1e-9 || b.y < -1e-9 || b.x + b.w > image.width + 1e-9 || b.y + b.h > image.height + 1e-9) {
    throw new RangeError(`Expected a box inside ${image.width}×${image.height} but received ${JSON.stringify(b)}`);
  }
  const xs = spans(b.x, b.w, width);
  const ys = spans(b.y, b.h, height);
  const out = new Float64Array(width * height);
  for (let oy = 0; oy < height; oy++) {
    const sy = ys[oy]!;
    for (let ox = 0; ox < width; ox++) {
      const sx = xs[ox]!;
      let sum = 0;
      let weight = 0;
      for (let k = 0; k < sy.index.length; k++) {
        const row = sy.index[k]! * image.width;
        const wy = sy.weight[k]!;
        for (let m = 0; m < sx.index.length; m++) {
          const w = wy * sx.weight[m]!;
          sum += image.data[row + sx.index[m]!]! * w;
          weight += w;
        }
      }
      out[oy * width + ox] = weight > 0 ? sum / weight : 0;
    }
  }
  return { width, height, data: out };
}

/** For each output sample along one axis, the source pixel indices it covers and their overlap weights. */
function spans(start: number, length: number, count: number): { index: number[]; weight: number[] }[] {
  const step = length / count;
  const result: { index: number[]; weight: number[] }[] = [];
  for (let i = 0; i < count; i++) {
    const a = start + i * step;
    const b = a + step;
    const index: number[] = [];
    const weight: number[] = [];
    for (let p = Math.max(0, Math.floor(a)); p < Math.ceil(b - 1e-9); p++) {
      const overlap = Math.min(b, p + 1) - Math.max(a, p);
      if (overlap > 1e-9) {
        index.push(p);
        weight.push(overlap);
      }
    }
    result.push({ index, weight });
  }
  return result;
}

/** Mean and standard deviation of the samples. */
export function meanStd(data: Float64Array): { mean: number; std: number } {
  let sum = 0;
  for (const v of data) sum += v;
  const mean = data.length > 0 ? sum / data.length : 0;
  let sq = 0;
  for (const v of data) sq += (v - mean) * (v - mean);
  return { mean, std: data.length > 0 ? Math.sqrt(sq / data.length) : 0 };
}
