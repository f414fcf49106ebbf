/**
 * Aligned double JPEG compression from the quantised DCT coefficients (Lin et al. 2009; Bianchi & Piva 2012).
 *
 * A coefficient quantised with step q1, decoded, and quantised again on the same 8×8 grid with step q2 can only
 * take the values round(a·q1/q2): some bins collect several first-pass bins, some none, periodically. The
 * histogram of each low-frequency AC coefficient over the photo shows that comb when the photo was compressed
 * before (every messaging-app copy is: that alone is normal). What matters is a region that lacks the comb the
 * rest of the photo carries: pixels pasted or painted in after the first compression, then saved once with the
 * rest. Per frequency we fit the first step q1 that best explains the histogram; per 8×8 block we sum the
 * log-likelihood ratio "double vs single compression" of its coefficients under that fit.
 */
import type { ComponentCoefficients } from '../containers/jpeg-coefficients.js';
import { blockMap, type BlockMap } from './block-map.js';

/** Largest |value| (in quantisation steps) whose histogram bin is modelled. */
export const HISTOGRAM_RANGE = 48;
/** Zig-zag AC frequencies examined (1 = first horizontal, 2 = first vertical, …). */
export const FREQUENCIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
/** A frequency needs this many non-zero values within range to be fitted. */
const MIN_SAMPLES = 400;
/** A fitted comb must explain the histogram better than no comb by this much (nats per non-zero value). */
const MIN_GAIN = 0.04;
/** Block evidence sums the log-likelihood ratios of at most this many comb frequencies (the strongest). */
const EVIDENCE_FREQUENCIES = 8;
/** Mass a forbidden bin keeps (rounding and clipping in the decode leak into empty bins). */
const LEAK = 0.08;

/** How one frequency's histogram reads. */
export interface FrequencyFit {
  /** Zig-zag index of the coefficient. */
  readonly k: number;
  /** Final quantisation step. */
  readonly q2: number;
  /** Non-zero values within range. */
  readonly samples: number;
  /** Best first step (undefined when no comb explains the histogram). */
  readonly q1?: number;
  /** Log-likelihood gain of that comb over none, nats per value. */
  readonly gain: number;
}

/** The photo-wide reading and the per-block evidence. */
export interface DoubleJpegAnalysis {
  readonly fits: readonly FrequencyFit[];
  /** Frequencies with a comb: the photo as a whole was compressed at least twice on this grid. */
  readonly combFrequencies: number;
  /** Blocks across and down (the first component's stored grid). */
  readonly blocksWide: number;
  readonly blocksHigh: number;
  /**
   * Per 8×8 block, row-major: summed log-likelihood ratio of "double" over "single" compression of its non-zero
   * modelled coefficients (positive: carries the comb; negative: lacks it); 0 when uninformative.
   */
  readonly evidence: Float32Array;
  /** Per block: how many coefficients contributed to {@link evidence}. */
  readonly informative: Uint8Array;
}

/**
 * How many first-pass bins (step q1) land in each second-pass bin m = 0..range (step q2), with libjpeg's rounding
 * (half away from zero; symmetric, so only m ≥ 0 is computed).
 * @example contributors(3, 2, 4) // [1, 0, 1, 1, 0] — values 1 and 4 are never produced
 */
export function contributors(q1: number, q2: number, range: number): Float64Array {
  const n = new Float64Array(range + 1);
  for (let a = 0; ; a++) {
    const m = Math.floor((a * q1) / q2 + 0.5);
    if (m > range) break;
    n[m]!++;
  }
  return n;
}

/** Per-value log-likelihood ratio (index m = |value|) of double compression with (q1, q2) against single. */
function logRatios(q1: number, q2: number, leak: number): Float64Array {
  const n = contributors(q1, q2, HISTOGRAM_RANGE);
  // The comb's mean height over m ≥ 1: q2/q1 first-pass bins per second-pass bin.
  const mean = q2 / q1;
  const out = new Float64Array(HISTOGRAM_RANGE + 1);
  for (let m = 1; m <= HISTOGRAM_RANGE; m++) out[m] = Math.log(Math.max(leak, n[m]! / mean));
  return out;
}

/**
 * Fits one frequency: the first step q1 (≠ q2) whose comb best explains the histogram of |values| 1..range, by
 * log-likelihood against a comb-free histogram. The comb-free reference is the histogram itself smoothed over
 * the comb's period, so a smooth (singly compressed) histogram gains nothing from any comb.
 */
export function fitFrequency(histogram: Float64Array, k: number, q2: number): FrequencyFit {
  let samples = 0;
  for (let m = 1; m <= HISTOGRAM_RANGE; m++) samples += histogram[m]!;
  const base = { k, q2, samples };
  if (samples < MIN_SAMPLES) return { ...base, gain: 0 };
  let best: { q1: number; gain: number } | undefined;
  const maxQ1 = Math.min(120, 4 * q2 + 16);
  for (let q1 = 1; q1 <= maxQ1; q1++) {
    if (q1 === q2) continue;
    const period = q1 / gcd(q1, q2);
    if (period < 2) continue; // q2 a multiple of q1: no comb to see
    const ratios = logRatios(q1, q2, LEAK);
    const smooth = periodSmoothed(histogram, period);
    // Gain = Σ h(m)·log(p_comb(m)/p_flat(m)) where p_comb ∝ smooth·n/n̄ (renormalised) and p_flat ∝ smooth.
    let combMass = 0;
    let flatMass = 0;
    let gain = 0;
    for (let m = 1; m <= HISTOGRAM_RANGE; m++) {
      combMass += smooth[m]! * Math.exp(ratios[m]!);
      flatMass += smooth[m]!;
      gain += histogram[m]! * ratios[m]!;
    }
    gain = (gain - samples * Math.log(combMass / flatMass)) / samples;
    if (!best || gain > best.gain + 1e-9) best = { q1, gain };
  }
  if (!best || best.gain < MIN_GAIN) return { ...base, gain: best ? Math.max(0, best.gain) : 0 };
  return { ...base, q1: best.q1, gain: best.gain };
}

/** The histogram (m = 1..range) averaged over a centred window one period wide, the window kept inside 1..range. */
function periodSmoothed(histogram: Float64Array, period: number): Float64Array {
  const out = new Float64Array(HISTOGRAM_RANGE + 1);
  const half = period / 2;
  for (let m = 1; m <= HISTOGRAM_RANGE; m++) {
    let lo = m - half;
    let hi = m + half;
    if (lo < 0.5) {
      hi += 0.5 - lo;
      lo = 0.5;
    }
    if (hi > HISTOGRAM_RANGE + 0.5) {
      lo -= hi - HISTOGRAM_RANGE - 0.5;
      hi = HISTOGRAM_RANGE + 0.5;
    }
    // Bin j covers [j − 0.5, j + 0.5): weight by overlap with [lo, hi).
    let sum = 0;
    for (let j = Math.max(1, Math.floor(lo + 0.5)); j <= Math.min(HISTOGRAM_RANGE, Math.ceil(hi - 0.5)); j++) {
      const overlap = Math.min(hi, j + 0.5) - Math.max(lo, j - 0.5);
      if (overlap > 0) sum += histogram[j]! * overlap;
    }
    out[m] = sum / period;
  }
  return out;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Blocks the photo-wide histograms sample at most: ample for fitting a comb, and a 12 MP photo's 187,500 cost 3×. */
const HISTOGRAM_BLOCKS = 65_536;

/**
 * Histograms of |value| (0..range) for each of {@link FREQUENCIES}, over every block or, for large photos, an
 * evenly spaced sample of {@link HISTOGRAM_BLOCKS} of them. One pass reads each sampled block's frequencies
 * together: they share a cache line, where one pass per frequency would stream the whole array each time.
 */
export function coefficientHistograms(coefficients: ComponentCoefficients): Float64Array[] {
  const { values, keep } = coefficients;
  const blocks = coefficients.blocksWide * coefficients.blocksHigh;
  const step = Math.max(1, Math.ceil(blocks / HISTOGRAM_BLOCKS)) * keep;
  const stride = HISTOGRAM_RANGE + 1;
  const ks = Int32Array.from(FREQUENCIES.filter((k) => k < keep));
  const counts = new Float64Array(FREQUENCIES.length * stride);
  for (let base = 0, end = blocks * keep; base < end; base += step) {
    for (let f = 0; f < ks.length; f++) {
      const raw = values[base + ks[f]!]!;
      const v = Math.abs(raw);
      if (v <= HISTOGRAM_RANGE) counts[f * stride + v]!++;
    }
  }
  return FREQUENCIES.map((_, f) => counts.subarray(f * stride, (f + 1) * stride));
}

/**
 * Fits every frequency and maps the per-block evidence of one component (luma), on its stored block grid.
 * @example analyseDoubleJpeg(coefficients.components[0]).combFrequencies // 0 for a camera original, ≥ 4 for a re-saved copy
 */
export function analyseDoubleJpeg(coefficients: ComponentCoefficients): DoubleJpegAnalysis {
  const { values, keep, quant, blocksWide, blocksHigh } = coefficients;
  const histograms = coefficientHistograms(coefficients);
  const fits = FREQUENCIES.map((k, i) => fitFrequency(histograms[i]!, k, quant[k]!));
  const combFits = fits.filter((f) => f.q1 !== undefined && f.k < keep);
  // Per-block evidence from the strongest combs only: the weak ones add little and cost a pass each.
  const combs = [...combFits].sort((a, b) => b.gain - a.gain).slice(0, EVIDENCE_FREQUENCIES);
  const evidence = new Float32Array(blocksWide * blocksHigh);
  const informative = new Uint8Array(blocksWide * blocksHigh);
  // One flat table of log ratios per comb frequency: ratios[c * (range + 1) + |value|].
  const stride = HISTOGRAM_RANGE + 1;
  const ratios = new Float64Array(combs.length * stride);
  combs.forEach((f, c) => ratios.set(logRatios(f.q1!, f.q2, LEAK), c * stride));
  const ks = Int32Array.from(combs, (f) => f.k);
  for (let b = 0; b < blocksWide * blocksHigh; b++) {
    const base = b * keep;
    let sum = 0;
    let count = 0;
    for (let c = 0; c < ks.length; c++) {
      const raw = values[base + ks[c]!]!;
      const v = Math.abs(raw);
      if (v === 0 || v > HISTOGRAM_RANGE) continue;
      sum += ratios[c * stride + v]!;
      count++;
    }
    informative[b] = count;
    evidence[b] = sum;
  }
  return { fits, combFrequencies: combFits.length, blocksWide, blocksHigh, evidence, informative };
}

/** Options of {@link localiseDoubleJpeg}. */
export interface LocaliseOptions {
  /** Per stored block: 1 where the decoded pixels touch the clipping range (their first-pass lattice is lost). */
  readonly clipped?: Uint8Array;
  /** Window radius in blocks. Default: 1/40 of the shorter side in blocks, clamped to 2..8. */
  readonly radius?: number;
}

/** The per-window reading of {@link DoubleJpegAnalysis.evidence}. */
export interface DoubleJpegWindows {
  /**
   * Minus the mean log-likelihood ratio per informative coefficient over each cell's window (NaN: too few): how
   * strongly the window lacks the photo's comb (positive) or carries it (negative).
   */
  readonly lack: BlockMap;
  /** Blocks per side of one cell of {@link lack} (2 for large photos, whose windows span 17 blocks). */
  readonly cell: number;
  /** Window radius in blocks. */
  readonly radius: number;
}

/** Informative coefficients a window needs before its mean counts. */
const MIN_WINDOW_COEFFICIENTS = 24;

/**
 * Averages the block evidence over windows, leaving out clipped blocks: a window's value is minus the mean
 * log-likelihood ratio per informative coefficient (positive: lacks the photo's comb; negative: carries it).
 * Windows wider than 8 blocks are evaluated per 2×2-block cell, which changes nothing at that scale and quarters
 * the work on a 12 MP photo.
 */
export function localiseDoubleJpeg(analysis: DoubleJpegAnalysis, options: LocaliseOptions = {}): DoubleJpegWindows {
  const { evidence, informative, blocksWide: w, blocksHigh: h } = analysis;
  const radius = options.radius ?? Math.max(2, Math.min(8, Math.round(Math.min(w, h) / 40)));
  const cell = radius >= 4 ? 2 : 1;
  const cw = Math.ceil(w / cell);
  const ch = Math.ceil(h / cell);
  const sums = blockMap(cw, ch, 0);
  const counts = blockMap(cw, ch, 0);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (options.clipped?.[i] || informative[i] === 0) continue;
      const c = Math.floor(y / cell) * cw + Math.floor(x / cell);
      sums.data[c]! += evidence[i]!;
      counts.data[c]! += informative[i]!;
    }
  }
  const r = Math.round(radius / cell);
  const sumWindows = boxSums(sums, r);
  const countWindows = boxSums(counts, r);
  const lack = blockMap(cw, ch);
  for (let i = 0; i < cw * ch; i++) {
    if (countWindows.data[i]! >= MIN_WINDOW_COEFFICIENTS) lack.data[i] = -sumWindows.data[i]! / countWindows.data[i]!;
  }
  return { lack, cell, radius };
}

/** Window sums over (2r+1)² cells (cells outside the map count as 0). */
function boxSums(map: BlockMap, radius: number): BlockMap {
  const { width: w, height: h, data } = map;
  const table = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1]! + row;
    }
  }
  const out = blockMap(w, h, 0);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      out.data[y * w + x] =
        table[y1 * (w + 1) + x1]! - table[y0 * (w + 1) + x1]! - table[y1 * (w + 1) + x0]! + table[y0 * (w + 1) + x0]!;
    }
  }
  return out;
}
