/**
 * The luma plane the tamper signals work on: at most {@link WORKING_MAX_SIDE} pixels on the longer side, shrunk by a
 * power of two so each output pixel covers whole 8×8-block fractions. For a sequential JPEG it comes straight from
 * the DCT coefficients already read for double-compression analysis (a scaled inverse DCT of each block's low
 * N×N coefficients, as libjpeg's scaled decoding does), so no second decode is needed. Pure.
 */
import type { ComponentCoefficients, JpegCoefficients } from '../containers/jpeg-coefficients.js';
import { ZIGZAG } from '../containers/jpeg-segments.js';
import type { DecodedImage } from '../ports.js';

/** Longest side of the working image, in pixels. */
export const WORKING_MAX_SIDE = 1280;

/** A luma plane, 0..255 floats, row-major. */
export interface LumaPlane {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/**
 * The power-of-two shrink (1, 2, 4 or 8) that brings a longer side of `longSide` pixels to at most
 * {@link WORKING_MAX_SIDE}; 8 for anything larger than 8× that (the caller then decodes through the port instead).
 */
export function workingShrink(longSide: number): 1 | 2 | 4 | 8 {
  for (const s of [1, 2, 4] as const) if (Math.ceil(longSide / s) <= WORKING_MAX_SIDE) return s;
  return 8;
}

/** Zig-zag coefficients a scaled inverse DCT to `8 / shrink` points needs (the top-left N×N in zig-zag order). */
export function coefficientsForShrink(shrink: 1 | 2 | 4 | 8): number {
  const n = 8 / shrink;
  let last = 0;
  for (let k = 0; k < 64; k++) {
    const natural = ZIGZAG[k]!;
    if (natural % 8 < n && Math.floor(natural / 8) < n) last = k;
  }
  return last + 1;
}

/** B[i·N + u] = C(u)/2 · cos((2i + 1)uπ / 2N): the N-point inverse of JPEG's 8-point DCT, per axis. */
function basis(n: number): Float64Array {
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < n; u++)
      b[i * n + u] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * i + 1) * u * Math.PI) / (2 * n));
  }
  return b;
}

/**
 * One component's samples at 1/`shrink` of the component's own resolution, in stored orientation, from its
 * quantised coefficients: dequantise the top-left N×N (N = 8/shrink), inverse-DCT to N×N samples, add 128, round
 * and clamp to 0..255 (as libjpeg rounds each component to 8 bits before colour conversion). The plane is cropped to `width × height`.
 * @throws {RangeError} when the component keeps fewer than {@link coefficientsForShrink} coefficients per block
 */
export function componentPlane(
  component: ComponentCoefficients,
  shrink: 1 | 2 | 4 | 8,
  width: number,
  height: number,
): LumaPlane {
  const n = 8 / shrink;
  const need = coefficientsForShrink(shrink);
  const { blocksWide, blocksHigh, keep, values, quant } = component;
  if (keep < need) throw new RangeError(`Expected at least ${need} coefficients per block but received ${keep}`);
  const outWidth = Math.min(blocksWide * n, width);
  const outHeight = Math.min(blocksHigh * n, height);
  const out = new Float32Array(outWidth * outHeight);
  if (n <= 2) {
    smallPlane(component, n as 1 | 2, outWidth, outHeight, out);
    return { width: outWidth, height: outHeight, data: out };
  }
  const b = basis(n);
  // Zig-zag index → (row v, column u) within the N×N corner, or −1 when outside it.
  const slots: number[] = [];
  for (let k = 0; k < need; k++) {
    const natural = ZIGZAG[k]!;
    const v = Math.floor(natural / 8);
    const u = natural % 8;
    slots.push(u < n && v < n ? v * n + u : -1);
  }
  const coef = new Float64Array(n * n);
  const rows = new Float64Array(n * n);
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const base = (by * blocksWide + bx) * keep;
      coef.fill(0);
      for (let k = 0; k < need; k++) {
        const slot = slots[k]!;
        if (slot >= 0) coef[slot] = values[base + k]! * quant[k]!;
      }
      // rows[i·n + u] = Σ_v B[i,v] · coef[v,u]  (vertical pass), then samples = rows · Bᵀ (horizontal pass).
      for (let i = 0; i < n; i++) {
        for (let u = 0; u < n; u++) {
          let s = 0;
          for (let v = 0; v < n; v++) s += b[i * n + v]! * coef[v * n + u]!;
          rows[i * n + u] = s;
        }
      }
      for (let i = 0; i < n; i++) {
        const y = by * n + i;
        if (y >= outHeight) break;
        for (let j = 0; j < n; j++) {
          const x = bx * n + j;
          if (x >= outWidth) break;
          let s = 128;
          for (let u = 0; u < n; u++) s += rows[i * n + u]! * b[j * n + u]!;
          out[y * outWidth + x] = s <= 0 ? 0 : s >= 255 ? 255 : (s + 0.5) | 0;
        }
      }
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/**
 * The 1×1 and 2×2 cases in closed form (the hot path for 12 MP photos): with s = ±1 per half-block,
 * f = (F₀₀ + s_x·F₀₁ + s_y·F₁₀ + s_x·s_y·F₁₁) / 8, which is the N-point inverse above for N = 2.
 */
function smallPlane(
  component: ComponentCoefficients,
  n: 1 | 2,
  outWidth: number,
  outHeight: number,
  out: Float32Array,
): void {
  const { blocksWide, blocksHigh, keep, values, quant } = component;
  const q0 = quant[0]! / 8;
  const q1 = (quant[1] ?? 0) / 8;
  const q2 = (quant[2] ?? 0) / 8;
  const q4 = (quant[4] ?? 0) / 8;
  const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0);
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const base = (by * blocksWide + bx) * keep;
      const dc = 128 + values[base]! * q0;
      if (n === 1) {
        if (by < outHeight && bx < outWidth) out[by * outWidth + bx] = clamp(dc);
        continue;
      }
      // Zig-zag 1 is (row 0, column 1), 2 is (row 1, column 0), 4 is (row 1, column 1).
      const h = values[base + 1]! * q1;
      const v = values[base + 2]! * q2;
      const d = values[base + 4]! * q4;
      const x = bx * 2;
      const y = by * 2;
      if (y < outHeight) {
        if (x < outWidth) out[y * outWidth + x] = clamp(dc + h + v + d);
        if (x + 1 < outWidth) out[y * outWidth + x + 1] = clamp(dc - h + v - d);
      }
      if (y + 1 < outHeight) {
        if (x < outWidth) out[(y + 1) * outWidth + x] = clamp(dc + h - v - d);
        if (x + 1 < outWidth) out[(y + 1) * outWidth + x + 1] = clamp(dc - h - v + d);
      }
    }
  }
}

/**
 * The photo at 1/`shrink` scale in stored orientation, from its coefficients: luma alone for a one-component
 * (grey) JPEG, RGB (JFIF YCbCr conversion, chroma replicated to full resolution) for three components; with the
 * BT.601 luma of that (8-bit) image.
 * Undefined for other layouts (CMYK/YCCK) or when only the first component was kept.
 * @example workingFromCoefficients(coefficients, 4)?.image // 1000×750 RGB of a 4000×3000 photo
 */
export function workingFromCoefficients(
  coefficients: JpegCoefficients,
  shrink: 1 | 2 | 4 | 8,
): { readonly image: DecodedImage; readonly luma: LumaPlane } | undefined {
  const { width, height, hMax, vMax, components, frameComponents } = coefficients;
  const outWidth = Math.ceil(width / shrink);
  const outHeight = Math.ceil(height / shrink);
  const planes = components.map((c) =>
    componentPlane(c, shrink, Math.ceil((width * c.h) / hMax / shrink), Math.ceil((height * c.v) / vMax / shrink)),
  );
  const luma = planes[0]!;
  if (frameComponents === 1) {
    const data = Uint8Array.from(luma.data, Math.round);
    return { image: { width: luma.width, height: luma.height, channels: 1, data }, luma };
  }
  if (frameComponents !== 3 || planes.length !== 3) return undefined;
  const data = new Uint8Array(outWidth * outHeight * 3);
  const [, cb, cr] = planes as [LumaPlane, LumaPlane, LumaPlane];
  // Nearest chroma sample for every output column and row (replication, as for a mask this is enough).
  const columns = (plane: LumaPlane, h: number) =>
    Int32Array.from({ length: outWidth }, (_, x) => Math.min(plane.width - 1, Math.floor((x * h) / hMax)));
  const rows = (plane: LumaPlane, v: number) =>
    Int32Array.from(
      { length: outHeight },
      (_, y) => Math.min(plane.height - 1, Math.floor((y * v) / vMax)) * plane.width,
    );
  const cbX = columns(cb, components[1]!.h);
  const crX = columns(cr, components[2]!.h);
  const cbY = rows(cb, components[1]!.v);
  const crY = rows(cr, components[2]!.v);
  const lumaX = Int32Array.from({ length: outWidth }, (_, x) => Math.min(luma.width - 1, x));
  const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0);
  for (let y = 0; y < outHeight; y++) {
    const lumaRow = Math.min(luma.height - 1, y) * luma.width;
    const bRow = cbY[y]!;
    const rRow = crY[y]!;
    for (let x = 0, i = y * outWidth * 3; x < outWidth; x++, i += 3) {
      const Y = luma.data[lumaRow + lumaX[x]!]!;
      const B = cb.data[bRow + cbX[x]!]! - 128;
      const R = cr.data[rRow + crX[x]!]! - 128;
      data[i] = clamp(Y + 1.402 * R);
      data[i + 1] = clamp(Y - 0.344136 * B - 0.714136 * R);
      data[i + 2] = clamp(Y + 1.772 * B);
    }
  }
  // Luma from the 8-bit RGB, exactly as for an image from the decoder port, so the noise statistics (and the
  // thresholds calibrated on them) mean the same whichever path the working image took.
  const image: DecodedImage = { width: outWidth, height: outHeight, channels: 3, data };
  return { image, luma: lumaOfImage(image) };
}

/** BT.601 luma of decoded pixels (grey copied as is). */
export function lumaOfImage(image: DecodedImage): LumaPlane {
  const n = image.width * image.height;
  const out = new Float32Array(n);
  const d = image.data;
  if (image.channels === 1) for (let i = 0; i < n; i++) out[i] = d[i]!;
  else for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
  return { width: image.width, height: image.height, data: out };
}
