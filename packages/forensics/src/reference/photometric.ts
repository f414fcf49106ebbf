/**
 * Photometric normalisation: per channel (Y, Cb, Cr), a monotone tone curve that turns the reference into the
 * claim photo over the overlap. For each band of reference values the curve takes the median of the claim values
 * there (a painted region, a small share of any band, does not move a median), then pool-adjacent-violators makes
 * it non-decreasing. Brightness, contrast, gamma and clipping on Y, and saturation on Cb/Cr, are all such curves.
 */
import type { Plane } from './plane.js';

/** A monotone mapping of reference values to claim values, sampled at band centres. */
export interface ToneCurve {
  /** Value of band 0's lower edge. */
  readonly low: number;
  /** Width of each band. */
  readonly bandWidth: number;
  /** Mapped value at each band centre. */
  readonly values: Float32Array;
}

const BANDS = 64;
/** Claim values are histogrammed in this many bins per band to find medians. */
const HISTOGRAM_BINS = 256;
/** Bands with fewer samples get their value from their neighbours. */
const MIN_BAND_SAMPLES = 8;

/**
 * Fits the tone curve taking `reference` to `claim` over the cells where `mask` is 1.
 * @param low lowest value of the channel (0 for luma, −128 for chroma)
 * @param high highest value (255 for luma, 128 for chroma)
 */
export function fitToneCurve(claim: Plane, reference: Plane, mask: Uint8Array, low: number, high: number): ToneCurve {
  const span = high - low;
  const bandWidth = span / BANDS;
  const histogram = new Uint32Array(BANDS * HISTOGRAM_BINS);
  const counts = new Float64Array(BANDS);
  const ref = reference.data;
  const own = claim.data;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const band = Math.min(BANDS - 1, Math.max(0, Math.floor((ref[i]! - low) / bandWidth)));
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(((own[i]! - low) / span) * HISTOGRAM_BINS)));
    histogram[band * HISTOGRAM_BINS + bin]!++;
    counts[band]!++;
  }
  const medians = new Float64Array(BANDS);
  const weights = new Float64Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    if (counts[b]! < MIN_BAND_SAMPLES) continue;
    const half = counts[b]! / 2;
    let seen = 0;
    for (let k = 0; k < HISTOGRAM_BINS; k++) {
      seen += histogram[b * HISTOGRAM_BINS + k]!;
      if (seen >= half) {
        medians[b] = low + ((k + 0.5) / HISTOGRAM_BINS) * span;
        break;
      }
    }
    weights[b] = counts[b]!;
  }
  const values = isotonic(medians, weights);
  fillGaps(values, weights, low, bandWidth);
  return { low, bandWidth, values };
}

/** Weighted pool-adjacent-violators: the closest non-decreasing sequence (bands of weight 0 are skipped). */
function isotonic(values: Float64Array, weights: Float64Array): Float32Array {
  const blocks: { value: number; weight: number; from: number; to: number }[] = [];
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) continue;
    blocks.push({ value: values[i]!, weight: weights[i]!, from: i, to: i });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1]!;
      a.value = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
      a.weight += b.weight;
      a.to = b.to;
    }
  }
  const out = new Float32Array(values.length).fill(NaN);
  for (const block of blocks) {
    for (let i = block.from; i <= block.to; i++) if (weights[i]! > 0) out[i] = block.value;
  }
  return out;
}

/** Gives empty bands a value: linear between the nearest filled bands, identity offset at the ends. */
function fillGaps(values: Float32Array, weights: Float64Array, low: number, bandWidth: number): void {
  const filled: number[] = [];
  for (let i = 0; i < values.length; i++) if (weights[i]! > 0) filled.push(i);
  const centre = (i: number) => low + (i + 0.5) * bandWidth;
  if (filled.length === 0) {
    for (let i = 0; i < values.length; i++) values[i] = centre(i);
    return;
  }
  const first = filled[0]!;
  const last = filled[filled.length - 1]!;
  for (let i = 0; i < first; i++) values[i] = values[first]! - (centre(first) - centre(i));
  for (let i = last + 1; i < values.length; i++) values[i] = values[last]! + (centre(i) - centre(last));
  for (let k = 0; k + 1 < filled.length; k++) {
    const a = filled[k]!;
    const b = filled[k + 1]!;
    for (let i = a + 1; i < b; i++) values[i] = values[a]! + ((values[b]! - values[a]!) * (i - a)) / (b - a);
  }
}

/** Applies a tone curve to a plane (linear between band centres), in a new plane. */
export function applyToneCurve(plane: Plane, curve: ToneCurve): Plane {
  const data = new Float32Array(plane.data.length);
  const { low, bandWidth, values } = curve;
  const last = values.length - 1;
  const source = plane.data;
  for (let i = 0; i < data.length; i++) {
    const position = (source[i]! - low) / bandWidth - 0.5;
    if (position <= 0) data[i] = values[0]! + position * bandWidth;
    else if (position >= last) data[i] = values[last]! + (position - last) * bandWidth;
    else {
      const k = Math.floor(position);
      const f = position - k;
      data[i] = values[k]! + (values[k + 1]! - values[k]!) * f;
    }
  }
  return { width: plane.width, height: plane.height, data };
}
