/**
 * The structural difference between an aligned claim photo and its normalised reference, per grid cell: SSIM
 * dissimilarity on luma (7×7 windows at half resolution), and absolute luma and chroma differences that tolerate a
 * one-cell misalignment (the smallest difference to the reference cell or one of its eight neighbours). Painted stains can be
 * colour-only, so chroma counts on its own.
 */
import type { AlignedPair } from './aligned-pair.js';
import { correctColourResidual } from './colour-residual.js';
import { applyToneCurve, fitToneCurve, type ToneCurve } from './photometric.js';
import { binomialBlur, boxMean, halve, type Plane } from './plane.js';
import { signedShiftTolerant, strokeMap } from './stroke-map.js';

/** The component maps (0 outside the overlap) and the photometric fits used. */
export interface DifferenceMaps {
  readonly width: number;
  readonly height: number;
  /** (1 − SSIM) / 2 on luma, 0..1. */
  readonly structure: Float32Array;
  /** |ΔY| after normalisation, 0..255, shift-tolerant, 3×3 mean. */
  readonly luma: Float32Array;
  /** |Δ(Cb, Cr)| after normalisation, shift-tolerant, 3×3 mean. */
  readonly chroma: Float32Array;
  /** Thin strokes: signed ΔY along short segments, unblurred, relative to local contrast (`stroke-map.ts`). */
  readonly stroke: Float32Array;
  /**
   * Per-cell differences without blur or 3×3 mean, shift-tolerant: |ΔY| and |Δ(Cb, Cr)|. They say which cells of a
   * changed area changed themselves (the maps above spread a thin stroke over its neighbours).
   */
  readonly sharpLuma: Float32Array;
  readonly sharpChroma: Float32Array;
  /**
   * The reference's Y, Cb, Cr on the grid after the tone curves and the colour correction (the claim's own samples
   * outside the overlap): what the claim is compared with, for the sub-cell shapes of `subcell.ts`.
   */
  readonly normalised: readonly [Plane, Plane, Plane];
  readonly curves: readonly [ToneCurve, ToneCurve, ToneCurve];
}

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
const SSIM_RADIUS = 3;

/** Replaces the reference's samples outside the mask by the claim's, so no difference arises there. */
function filled(ref: Plane, claim: Plane, mask: Uint8Array): Plane {
  const data = Float32Array.from(ref.data);
  for (let i = 0; i < data.length; i++) if (!mask[i]) data[i] = claim.data[i]!;
  return { width: ref.width, height: ref.height, data };
}

function product(a: Plane, b: Plane): Plane {
  const data = new Float32Array(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = a.data[i]! * b.data[i]!;
  return { width: a.width, height: a.height, data };
}

/** Nearest-neighbour upsampling of a half-resolution map to `width`×`height`. */
function upsample(half: Plane, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const hy = Math.min(half.height - 1, y >> 1);
    for (let x = 0; x < width; x++) out[y * width + x] = half.data[hy * half.width + Math.min(half.width - 1, x >> 1)]!;
  }
  return out;
}

/** (1 − SSIM) / 2 per cell with box windows of (2·3+1)². */
function ssimDissimilarity(a: Plane, b: Plane): Plane {
  const ma = boxMean(a, SSIM_RADIUS).data;
  const mb = boxMean(b, SSIM_RADIUS).data;
  const maa = boxMean(product(a, a), SSIM_RADIUS).data;
  const mbb = boxMean(product(b, b), SSIM_RADIUS).data;
  const mab = boxMean(product(a, b), SSIM_RADIUS).data;
  const out = new Float32Array(a.data.length);
  for (let i = 0; i < out.length; i++) {
    const va = Math.max(0, maa[i]! - ma[i]! * ma[i]!);
    const vb = Math.max(0, mbb[i]! - mb[i]! * mb[i]!);
    const cov = mab[i]! - ma[i]! * mb[i]!;
    const ssim = ((2 * ma[i]! * mb[i]! + C1) * (2 * cov + C2)) / ((ma[i]! ** 2 + mb[i]! ** 2 + C1) * (va + vb + C2));
    out[i] = Math.min(1, Math.max(0, (1 - ssim) / 2));
  }
  return { width: a.width, height: a.height, data: out };
}

/**
 * Smallest |a − b| over b's cell and its eight neighbours, for one or two channels (Euclidean; a third is ignored):
 * a residual misalignment of a cell along an edge does not read as a change. Cell by cell over the neighbourhood
 * (1.5× faster than shift by shift over the whole grid); the squared distance is rounded to single precision as the
 * shift-by-shift version stored it, so the results are the same to the bit. One channel is two with a second of
 * zeros (adding 0 changes no sum).
 */
function shiftTolerant(a: readonly Plane[], b: readonly Plane[], mask: Uint8Array): Float32Array {
  const { width: w, height: h } = a[0]!;
  const zeros = a[1] && b[1] ? undefined : new Float32Array(w * h);
  const a1 = a[1]?.data ?? zeros!;
  const b1 = b[1]?.data ?? zeros!;
  const a0 = a[0]!.data;
  const b0 = b[0]!.data;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(h - 1, y + 1);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!mask[i]) continue;
      const a0i = a0[i]!;
      const a1i = a1[i]!;
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(w - 1, x + 1);
      let best = 1e300; // above any difference; the cell itself is in the mask, so it always takes one
      for (let yy = y0; yy <= y1; yy++) {
        for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
          if (!mask[j]) continue;
          const d0 = a0i - b0[j]!;
          const d1 = a1i - b1[j]!;
          // `if (sq < best) best = fround(sq)` as arithmetic on t ∈ {0, 1}, as in `signedShiftTolerant` (17 % faster
          // than the branch, which the data decides; Math.min is slower than either).
          const sq = d0 * d0 + d1 * d1;
          const t = +(sq < best);
          best = t * Math.fround(sq) + (1 - t) * best;
        }
      }
      out[i] = Math.sqrt(best);
    }
  }
  return out;
}

/** A 3×3 mean of a map on the grid. */
function mean3(map: Float32Array, width: number, height: number): Float32Array {
  return boxMean({ width, height, data: map }, 1).data;
}

/** Normalises the reference photometrically and computes the three difference maps over the overlap. */
export function differenceMaps(pair: AlignedPair): DifferenceMaps {
  const { mask } = pair;
  const curves = [0, 1, 2].map((c) =>
    c === 0
      ? fitToneCurve(pair.claim[c], pair.reference[c], mask, 0, 256)
      : fitToneCurve(pair.claim[c]!, pair.reference[c]!, mask, -128, 128),
  ) as [ToneCurve, ToneCurve, ToneCurve];
  const mapped = [0, 1, 2].map((c) => applyToneCurve(pair.reference[c]!, curves[c]!));
  correctColourResidual(pair.reference, mapped, pair.claim, mask);
  // Luma of both sides blurred alike (σ ≈ 1 cell): the two resamplings (the claim's own, the grid's) differ in the
  // finest detail; painted strokes and blobs are coarser than that. Chroma is smooth already (and box-averaged below).
  const filledLuma = filled(mapped[0]!, pair.claim[0], mask);
  const ref = mapped.map((plane, c) => (c === 0 ? binomialBlur(filledLuma) : filled(plane, pair.claim[c]!, mask)));
  const claim = [binomialBlur(pair.claim[0]), pair.claim[1], pair.claim[2]];
  // SSIM at half the grid's resolution: a residual misalignment of a cell on a thin bright line would decorrelate
  // full-resolution windows; halved, it is half a cell.
  const structure = upsample(ssimDissimilarity(halve(claim[0]!), halve(ref[0]!)), pair.width, pair.height);
  const { width, height } = pair;
  const luma = mean3(shiftTolerant([claim[0]!], [ref[0]!], mask), width, height);
  const sharpChroma = shiftTolerant([claim[1]!, claim[2]!], [ref[1]!, ref[2]!], mask);
  const chroma = mean3(sharpChroma, width, height);
  // Thin strokes on the unblurred luma: the blur and the 3×3 mean above take a one-cell line below the floors.
  const signedLuma = signedShiftTolerant(pair.claim[0], filledLuma, mask);
  const stroke = strokeMap(pair.claim[0], filledLuma, mask, signedLuma);
  const sharpLuma = new Float32Array(signedLuma.length);
  for (let i = 0; i < sharpLuma.length; i++) sharpLuma[i] = Math.abs(signedLuma[i]!);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) continue;
    structure[i] = 0;
    luma[i] = 0;
    chroma[i] = 0;
    sharpChroma[i] = 0;
  }
  const normalised = [filledLuma, ref[1]!, ref[2]!] as const;
  return { width, height, structure, luma, chroma, stroke, sharpLuma, sharpChroma, normalised, curves };
}
