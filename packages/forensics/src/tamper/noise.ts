/**
 * Local noise level of the working luma (Immerkær 1996): the residual of the 3×3 mask [1 −2 1; −2 4 −2; 1 −2 1]
 * cancels smooth shading and first-order edges and leaves mostly noise; per cell its median absolute value gives a
 * robust σ. Sensor noise depends on brightness, so each cell is compared with cells of similar brightness in the
 * same photo. Painted or generated regions are typically smoother than the sensor noise around them; pasted ones
 * can be noisier. Pure.
 */
import { blockMap, type BlockMap } from './block-map.js';
import type { LumaPlane } from './working-image.js';
import { selectInPlace } from '../select.js';

/** Cell side in working pixels. */
export const NOISE_CELL = 16;
/** Residuals are taken on every `SAMPLE_STEP`-th pixel each way. */
const SAMPLE_STEP = 2;
/** σ of the mask's output per unit of pixel noise σ: √(Σ mask²) = 6. */
const MASK_GAIN = 6;
/** Median |x| of a zero-mean normal variable, per unit σ. */
const MEDIAN_ABS = 0.6745;
/** Brightness bins (equal-count) cells are compared within. */
const BRIGHTNESS_BINS = 8;
/** Cells darker or brighter than this (mean grey) are left out: noise vanishes in clipped shadows and highlights. */
const DARK = 12;
const BRIGHT = 243;
/** Floor on σ (grey levels) so flat, fully quantised cells do not give log(0). */
const SIGMA_FLOOR = 0.05;

/** Per-cell noise level and its deviation from cells of like brightness. */
export interface NoiseMaps {
  /** Estimated noise σ per cell, grey levels. */
  readonly sigma: BlockMap;
  /** Mean grey level per cell. */
  readonly brightness: BlockMap;
  /** log(σ / median σ of cells of like brightness): negative = smoother than its peers; NaN when left out. */
  readonly deviation: BlockMap;
  /** Median σ over the cells that were compared (grey levels): how much noise the photo has to compare. */
  readonly medianSigma: number;
}

/**
 * Estimates the noise level of every {@link NOISE_CELL}-pixel cell and its deviation from cells of like brightness.
 * @example noiseMaps(luma).deviation // ≈ 0 everywhere in an untouched photo
 */
export function noiseMaps(luma: LumaPlane): NoiseMaps {
  const { width: w, height: h, data } = luma;
  const cw = Math.floor(w / NOISE_CELL);
  const ch = Math.floor(h / NOISE_CELL);
  const sigma = blockMap(cw, ch);
  const brightness = blockMap(cw, ch);
  const residuals = new Float64Array(NOISE_CELL * NOISE_CELL);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let n = 0;
      let sum = 0;
      // Every other pixel each way: 64 residuals per cell give a stable median at a quarter of the cost.
      for (let y = cy * NOISE_CELL; y < (cy + 1) * NOISE_CELL; y += SAMPLE_STEP) {
        for (let x = cx * NOISE_CELL; x < (cx + 1) * NOISE_CELL; x += SAMPLE_STEP) {
          const i = y * w + x;
          sum += data[i]!;
          if (x < 1 || x >= w - 1 || y < 1 || y >= h - 1) continue;
          const r =
            data[i - w - 1]! -
            2 * data[i - w]! +
            data[i - w + 1]! -
            2 * (data[i - 1]! - 2 * data[i]! + data[i + 1]!) +
            data[i + w - 1]! -
            2 * data[i + w]! +
            data[i + w + 1]!;
          residuals[n++] = Math.abs(r); // not `r < 0 ? -r : r`: a branch the data decides, mispredicted half the time
        }
      }
      const samples = (NOISE_CELL / SAMPLE_STEP) ** 2;
      if (n < samples / 2) continue;
      sigma.data[cy * cw + cx] = selectInPlace(residuals, n, n >> 1) / (MEDIAN_ABS * MASK_GAIN);
      brightness.data[cy * cw + cx] = sum / samples;
    }
  }
  const deviation = deviationByBrightness(sigma, brightness);
  const compared = sigma.data.filter((v, i) => Number.isFinite(deviation.data[i]!) && Number.isFinite(v)).sort();
  const medianSigma = compared.length > 0 ? Math.round(compared[compared.length >> 1]! * 1000) / 1000 : 0;
  return { sigma, brightness, deviation, medianSigma };
}

/** log(σ / median σ of its brightness bin) for cells neither too dark nor too bright. */
function deviationByBrightness(sigma: BlockMap, brightness: BlockMap): BlockMap {
  const cells: number[] = [];
  for (let i = 0; i < sigma.data.length; i++) {
    const b = brightness.data[i]!;
    if (Number.isFinite(sigma.data[i]!) && b >= DARK && b <= BRIGHT) cells.push(i);
  }
  cells.sort((p, q) => brightness.data[p]! - brightness.data[q]!);
  const out = blockMap(sigma.width, sigma.height);
  const bins = Math.max(1, Math.min(BRIGHTNESS_BINS, Math.floor(cells.length / 32)));
  for (let b = 0; b < bins; b++) {
    const slice = cells.slice(Math.floor((b * cells.length) / bins), Math.floor(((b + 1) * cells.length) / bins));
    const logs = slice.map((i) => Math.log(Math.max(SIGMA_FLOOR, sigma.data[i]!))).sort((p, q) => p - q);
    const median = logs[logs.length >> 1] ?? 0;
    for (const i of slice) out.data[i] = Math.log(Math.max(SIGMA_FLOOR, sigma.data[i]!)) - median;
  }
  return out;
}
