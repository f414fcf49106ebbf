/**
 * Single-channel float images (planes) for the reference matcher: conversions from decoded pixels, box
 * downsampling, blurs, mirroring and bilinear sampling. Samples are luma or chroma values on the 0..255 scale.
 */
import type { DecodedImage } from '../ports.js';

/** A row-major single-channel image with float samples. */
export interface Plane {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/**
 * Splits decoded pixels into BT.601 luma and the two chroma differences (Cb, Cr centred on 0), the space in which
 * brightness, contrast and saturation changes are per-channel gains and offsets.
 */
export function toYCbCr(image: DecodedImage): [Plane, Plane, Plane] {
  const n = image.width * image.height;
  const y = new Float32Array(n);
  const cb = new Float32Array(n);
  const cr = new Float32Array(n);
  const d = image.data;
  if (image.channels === 1) {
    for (let i = 0; i < n; i++) y[i] = d[i]!;
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      const r = d[j]!;
      const g = d[j + 1]!;
      const b = d[j + 2]!;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      y[i] = luma;
      cb[i] = 0.564 * (b - luma);
      cr[i] = 0.713 * (r - luma);
    }
  }
  const plane = (data: Float32Array): Plane => ({ width: image.width, height: image.height, data });
  return [plane(y), plane(cb), plane(cr)];
}

/** BT.601 luma of decoded pixels. */
export function toLuma(image: DecodedImage): Plane {
  const n = image.width * image.height;
  const out = new Float32Array(n);
  const d = image.data;
  if (image.channels === 1) for (let i = 0; i < n; i++) out[i] = d[i]!;
  else for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
  return { width: image.width, height: image.height, data: out };
}

/** Halves a plane by averaging 2×2 blocks (a trailing odd row or column is dropped). */
export function halve(plane: Plane): Plane {
  const width = Math.max(1, plane.width >> 1);
  const height = Math.max(1, plane.height >> 1);
  const out = new Float32Array(width * height);
  const src = plane.data;
  const w = plane.width;
  const x1 = plane.width > 1 ? 1 : 0;
  const y1 = plane.height > 1 ? w : 0;
  for (let y = 0; y < height; y++) {
    const row = 2 * y * w;
    for (let x = 0; x < width; x++) {
      const i = row + 2 * x;
      out[y * width + x] = (src[i]! + src[i + x1]! + src[i + y1]! + src[i + y1 + x1]!) * 0.25;
    }
  }
  return { width, height, data: out };
}

/**
 * Shrinks a plane to `width`×`height` by averaging the source area each output sample covers (exact for integer
 * ratios, weighted at fractional edges). Optionally from a sub-box of the source.
 */
export function shrinkArea(
  plane: Plane,
  width: number,
  height: number,
  box: { x: number; y: number; w: number; h: number } = { x: 0, y: 0, w: plane.width, h: plane.height },
): Plane {
  const xs = axisSpans(box.x, box.w, width, plane.width);
  const ys = axisSpans(box.y, box.h, height, plane.height);
  const out = new Float32Array(width * height);
  // Rows first into a scratch of `width` columns per source row, then columns. Arrays hoisted for the JIT.
  const rows = new Float32Array(plane.height * width);
  const src = plane.data;
  const srcWidth = plane.width;
  const xStart = xs.start;
  const xIndex = xs.index;
  const xWeight = xs.weight;
  const xNorm = xs.norm;
  for (let sy = ys.first; sy <= ys.last; sy++) {
    const base = sy * srcWidth;
    const outBase = sy * width;
    for (let ox = 0; ox < width; ox++) {
      let sum = 0;
      const end = xStart[ox + 1]!;
      for (let k = xStart[ox]!; k < end; k++) sum += src[base + xIndex[k]!]! * xWeight[k]!;
      rows[outBase + ox] = sum * xNorm[ox]!;
    }
  }
  const yStart = ys.start;
  const yIndex = ys.index;
  const yWeight = ys.weight;
  const yNorm = ys.norm;
  for (let oy = 0; oy < height; oy++) {
    const end = yStart[oy + 1]!;
    const norm = yNorm[oy]!;
    const outBase = oy * width;
    for (let k = yStart[oy]!; k < end; k++) {
      const rowBase = yIndex[k]! * width;
      const wk = yWeight[k]! * norm;
      for (let ox = 0; ox < width; ox++) out[outBase + ox]! += rows[rowBase + ox]! * wk;
    }
  }
  return { width, height, data: out };
}

interface Spans {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly weight: Float32Array;
  readonly norm: Float32Array;
  readonly first: number;
  readonly last: number;
}

function axisSpans(start: number, length: number, count: number, limit: number): Spans {
  const step = length / count;
  const index: number[] = [];
  const weight: number[] = [];
  const starts = new Int32Array(count + 1);
  const norm = new Float32Array(count);
  let first = limit;
  let last = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = index.length;
    const a = start + i * step;
    const b = a + step;
    let total = 0;
    for (let p = Math.max(0, Math.floor(a)); p < Math.min(limit, Math.ceil(b - 1e-6)); p++) {
      const overlap = Math.min(b, p + 1) - Math.max(a, p);
      if (overlap <= 1e-6) continue;
      index.push(p);
      weight.push(overlap);
      total += overlap;
      first = Math.min(first, p);
      last = Math.max(last, p);
    }
    norm[i] = total > 0 ? 1 / total : 0;
  }
  starts[count] = index.length;
  return {
    start: starts,
    index: Int32Array.from(index),
    weight: Float32Array.from(weight),
    norm,
    first: Math.min(first, last),
    last,
  };
}

/** Blurs with the binomial kernel [1 4 6 4 1]/16 along both axes (σ ≈ 1 pixel), edges clamped. */
export function binomialBlur(plane: Plane): Plane {
  const { width: w, height: h } = plane;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const src = plane.data;
  const clampX = (x: number) => (x < 0 ? 0 : x >= w ? w - 1 : x);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      if (x >= 2 && x < w - 2) {
        const i = r + x;
        tmp[i] = (src[i - 2]! + src[i + 2]! + 4 * (src[i - 1]! + src[i + 1]!) + 6 * src[i]!) * 0.0625;
      } else {
        tmp[r + x] =
          (src[r + clampX(x - 2)]! +
            src[r + clampX(x + 2)]! +
            4 * (src[r + clampX(x - 1)]! + src[r + clampX(x + 1)]!) +
            6 * src[r + x]!) *
          0.0625;
      }
    }
  }
  for (let y = 0; y < h; y++) {
    const a = (y < 2 ? 0 : y - 2) * w;
    const b = (y < 1 ? 0 : y - 1) * w;
    const c = y * w;
    const d = (y + 1 >= h ? h - 1 : y + 1) * w;
    const e = (y + 2 >= h ? h - 1 : y + 2) * w;
    for (let x = 0; x < w; x++) {
      out[c + x] = (tmp[a + x]! + tmp[e + x]! + 4 * (tmp[b + x]! + tmp[d + x]!) + 6 * tmp[c + x]!) * 0.0625;
    }
  }
  return { width: w, height: h, data: out };
}

/** Mean over a (2r+1)² window at every sample (edges: the window is clipped to the image). */
export function boxMean(plane: Plane, radius: number): Plane {
  const { width: w, height: h } = plane;
  const integral = new Float64Array((w + 1) * (h + 1));
  const src = plane.data;
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += src[y * w + x]!;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1]! + rowSum;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const sum =
        integral[y1 * (w + 1) + x1]! -
        integral[y0 * (w + 1) + x1]! -
        integral[y1 * (w + 1) + x0]! +
        integral[y0 * (w + 1) + x0]!;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width: w, height: h, data: out };
}

/** The plane mirrored left↔right. */
export function mirrorX(plane: Plane): Plane {
  const { width: w, height: h } = plane;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = plane.data[y * w + w - 1 - x]!;
  return { width: w, height: h, data: out };
}
