import { makeFinding } from '../finding.js';
import type { Region } from '../report.js';
import type { BlockMap, CellRegion } from '../tamper/block-map.js';
import { NOISE_CELL } from '../tamper/noise.js';
import { outlierRegions } from '../tamper/outliers.js';
import { tamperAnalysis } from '../tamper/tamper-analysis.js';
import {
  MIN_WORKING_SIDE,
  orientedHeatmap,
  percent,
  strengthOver,
  tamperFacts,
  workingRegionsToPhoto,
} from '../tamper/tamper-report.js';
import { text } from '../text.js';
import type { Signal, SignalResult } from './signal.js';

/**
 * Smallest |log(σ / σ of cells of like brightness)| a region must reach (e^2.5 ≈ 12× smoother or noisier).
 * Untouched photos in the shared corpus reach 2.09 (smooth, JPEG), 2.19 (noisy, TIFF) and 2.43 (a desktop
 * screenshot PNG) at worst; lossy WebP/AVIF/HEIC reach 3.0 and are left out.
 */
export const NOISE_THRESHOLD = 2.5;
/** A region must also stand this many robust σ from the photo's median. */
const SIGMAS = 8;
/** Photos whose median σ is below this (grey levels) have too little noise to compare (renders, screenshots). */
export const MIN_MEDIAN_SIGMA = 0.3;
/** Formats whose encoders keep noise where it was (lossy WebP, HEIF and AVIF denoise flat areas). */
const FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'tiff']);

type Direction = 'smoother' | 'noisier';

function find(deviation: BlockMap, direction: Direction) {
  const map = direction === 'smoother' ? { ...deviation, data: deviation.data.map((v) => -v) } : deviation;
  return outlierRegions(map, {
    sigmas: SIGMAS,
    minValue: NOISE_THRESHOLD,
    radius: 1,
    minShare: 0.005,
    minCells: 4,
    maxShare: 0.2,
    minFill: 0.4,
  });
}

/**
 * `tamper.noise`: local noise level (the median absolute Immerkær residual per 16-pixel cell of the working image)
 * against cells of like brightness in the same photo. Flags compact regions far smoother or far noisier than their
 * peers — painted, generated or pasted from another camera. Supporting evidence only.
 */
export const tamperNoiseSignal: Signal = {
  name: 'tamper-noise',
  workingImage: true,
  detachable: true,
  async run(ctx): Promise<SignalResult> {
    const analysis = await tamperAnalysis(ctx);
    const facts = tamperFacts(analysis);
    const { noise, frame } = analysis;
    const small = !noise || Math.min(noise.sigma.width, noise.sigma.height) * NOISE_CELL < MIN_WORKING_SIDE;
    if (!noise || !frame || small || !FORMATS.has(ctx.format) || noise.medianSigma < MIN_MEDIAN_SIGMA) {
      return { findings: [], facts };
    }
    const found: { direction: Direction; region: CellRegion; box: Region; cells: number }[] = [];
    for (const direction of ['smoother', 'noisier'] as const) {
      const result = find(noise.deviation, direction);
      const boxes = workingRegionsToPhoto(result.regions, NOISE_CELL, frame);
      result.regions.forEach((region, i) => found.push({ direction, region, box: boxes[i]!, cells: result.cells }));
    }
    if (found.length === 0) return { findings: [], facts };
    found.sort((a, b) => b.region.cells - a.region.cells);
    const picked = found.slice(0, 3);
    const peak = Math.max(...picked.map((f) => f.region.mean));
    const largest = picked[0]!;
    const share = percent(largest.region.cells / largest.cells);
    const factor = Math.round(Math.exp(largest.region.mean));
    const smoother = largest.direction === 'smoother';
    const n = picked.length;
    const absolute = { ...noise.deviation, data: noise.deviation.data.map((v) => Math.abs(v)) };
    return {
      facts,
      findings: [
        makeFinding('tamper.noise', {
          severity: 'warn',
          strength: strengthOver(peak, NOISE_THRESHOLD, 1.5),
          detail: text(
            `${n} 处区域（最大一处约占画面 ${share}%）的噪声水平与照片中同等亮度的其他部分相差很大（最大一处约${smoother ? '平滑' : '嘈杂'} ${factor} 倍；整张照片的典型噪声 σ≈${noise.medianSigma}）：涂画、生成或从另一张照片粘贴的区域常见此现象。这是辅助信号，单独不能证明伪造。`,
            `${n} region${n === 1 ? '' : 's'} (the largest about ${share}% of the picture) ${n === 1 ? 'has' : 'have'} a noise level far from the rest of the photo at equal brightness (the largest about ${factor}× ${smoother ? 'smoother' : 'noisier'}; the photo's typical noise σ≈${noise.medianSigma}), as painted, generated or pasted-in regions often do. A supporting signal, not proof on its own.`,
          ),
          regions: picked.map((f) => f.box),
          facts: {
            directions: picked.map((f) => f.direction),
            regionDeviations: picked.map(
              (f) => Math.round((f.direction === 'smoother' ? -1 : 1) * f.region.mean * 1000) / 1000,
            ),
            regionShares: picked.map((f) => percent(f.region.cells / f.cells)),
            medianSigma: noise.medianSigma,
            threshold: NOISE_THRESHOLD,
            heatmapPng: orientedHeatmap(absolute, frame.orientation, 0, NOISE_THRESHOLD * 1.5),
          },
        }),
      ],
    };
  },
};
