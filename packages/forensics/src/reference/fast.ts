/**
 * FAST-9 corner detection (Rosten & Drummond): a pixel is a corner when 9 contiguous pixels of the 16 on a circle of
 * radius 3 are all brighter than it by more than a threshold, or all darker. Scored by the sum of absolute
 * differences beyond the threshold on the winning side, then thinned by 3×3 non-maximum suppression.
 */
import type { Plane } from './plane.js';

/** The 16 circle offsets (dx, dy), clockwise from the top. */
const CIRCLE: readonly (readonly [number, number])[] = [
  [0, -3],
  [1, -3],
  [2, -2],
  [3, -1],
  [3, 0],
  [3, 1],
  [2, 2],
  [1, 3],
  [0, 3],
  [-1, 3],
  [-2, 2],
  [-3, 1],
  [-3, 0],
  [-3, -1],
  [-2, -2],
  [-1, -3],
];

/** Corners found on one plane: positions and scores, parallel arrays. */
export interface Corners {
  readonly count: number;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly score: Float32Array;
}

/** Whether the 16-bit mask has 9 contiguous set bits, circularly. */
function hasArc9(mask: number): boolean {
  let m = mask | (mask << 16);
  m &= m >>> 1;
  m &= m >>> 2;
  m &= m >>> 4;
  m &= m >>> 1; // runs of 9: 1 + 1 + 2 + 4 + 1 shifts
  return (m & 0xffff) !== 0;
}

/**
 * Detects FAST-9 corners at least `border` pixels from every edge.
 * @param threshold brightness difference on the 0..255 scale (typical 10..30)
 * @param border margin in pixels (≥ 3)
 */
export function detectFast(plane: Plane, threshold: number, border: number): Corners {
  const { width: w, height: h, data } = plane;
  const offsets = Int32Array.from(CIRCLE, ([dx, dy]) => dy * w + dx);
  const [o0, o4, o8, o12] = [offsets[0]!, offsets[4]!, offsets[8]!, offsets[12]!];
  const scores = new Float32Array(w * h);
  const b = Math.max(3, border);
  // Row by row, in two passes with no branch the pixel data decides until the second: such branches (taken for about
  // half the pixels of a photo) were mispredicted so often that this is ~25 % faster than testing pixel by pixel.
  const candidates = new Int32Array(w);
  for (let y = b; y < h - b; y++) {
    // 1. Any 9 contiguous circle pixels hold pixel 0 or 8 and pixel 4 or 12 on the same side (brighter, bit 2, or
    // darker, bit 1): the pixels without are dropped, the rest listed.
    let count = 0;
    for (let x = b, i = y * w + b; x < w - b; x++, i++) {
      const c = data[i]!;
      const hi = c + threshold;
      const lo = c - threshold;
      const p0 = data[i + o0]!;
      const p4 = data[i + o4]!;
      const p8 = data[i + o8]!;
      const p12 = data[i + o12]!;
      const side =
        (((+(p0 > hi) | +(p8 > hi)) & (+(p4 > hi) | +(p12 > hi))) << 1) |
        ((+(p0 < lo) | +(p8 < lo)) & (+(p4 < lo) | +(p12 < lo)));
      candidates[count] = i;
      count += +(side !== 0);
    }
    // 2. The whole circle of each listed pixel: which pixels are brighter or darker, and by how much beyond the
    // threshold (adding t·(p − hi) with t ∈ {0, 1} adds ±0 where a branch added nothing: the same sums).
    for (let q = 0; q < count; q++) {
      const i = candidates[q]!;
      const c = data[i]!;
      const hi = c + threshold;
      const lo = c - threshold;
      let brightMask = 0;
      let darkMask = 0;
      let brightSum = 0;
      let darkSum = 0;
      for (let k = 0; k < 16; k++) {
        const p = data[i + offsets[k]!]!;
        const bright = +(p > hi);
        const dark = +(p < lo);
        brightMask |= bright << k;
        darkMask |= dark << k;
        brightSum += bright * (p - hi);
        darkSum += dark * (lo - p);
      }
      const isBright = hasArc9(brightMask);
      const isDark = hasArc9(darkMask);
      if (!isBright && !isDark) continue;
      let score = 0;
      if (brightSum > darkSum) {
        if (isBright) score = brightSum;
        else if (isDark) score = darkSum;
      } else if (isDark) score = darkSum;
      else if (isBright) score = brightSum;
      if (score > 0) scores[i] = score;
    }
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const ss: number[] = [];
  for (let y = b; y < h - b; y++) {
    for (let x = b; x < w - b; x++) {
      const i = y * w + x;
      const s = scores[i]!;
      if (s === 0) continue;
      // Strict on earlier neighbours, non-strict on later ones, so plateaus keep exactly one corner.
      if (
        s <= scores[i - w - 1]! ||
        s <= scores[i - w]! ||
        s <= scores[i - w + 1]! ||
        s <= scores[i - 1]! ||
        s < scores[i + 1]! ||
        s < scores[i + w - 1]! ||
        s < scores[i + w]! ||
        s < scores[i + w + 1]!
      ) {
        continue;
      }
      xs.push(x);
      ys.push(y);
      ss.push(s);
    }
  }
  return { count: xs.length, x: Int32Array.from(xs), y: Int32Array.from(ys), score: Float32Array.from(ss) };
}
