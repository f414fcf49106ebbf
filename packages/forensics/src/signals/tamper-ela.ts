import { makeFinding } from '../finding.js';
import { ELA_CELL } from '../tamper/ela.js';
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
 * Smallest mean normalised error level (natural log of error over the error expected at the cell's texture) of a
 * region in a JPEG. Untouched photos in the shared corpus and the fixtures' re-saved copies reach about 1.6 at worst
 * (once saturated colour is left out), while spliced and painted JPEGs re-saved at one quality read 0.5–1.2 — so on
 * a JPEG this fires only on extreme cases, by design.
 */
export const JPEG_ELA_THRESHOLD = 2.5;
/**
 * The same for a lossless photo whose pixels carry an earlier JPEG compression (the ghost): untouched copies reach
 * 1.6 at worst, stains painted after that compression 2.6–2.7.
 */
export const GHOST_ELA_THRESHOLD = 2.2;
/** Cells at least this far above what their texture explains are candidates for a region. */
const CANDIDATE_LEVEL = 1;
/** A region must also stand this many robust σ above the photo's median. */
const SIGMAS = 8;

/**
 * `tamper.ela`: error level analysis at the photo's own estimated JPEG quality (from its quantisation tables, or
 * for a PNG/TIFF from the ghost of its last JPEG compression), on the working image, normalised by the photo's own
 * error-vs-texture curve so edges and texture do not light up. Flags only compact regions far above the photo's
 * own distribution. Supporting evidence only.
 */
export const tamperElaSignal: Signal = {
  name: 'tamper-ela',
  workingImage: true,
  detachable: true,
  async run(ctx): Promise<SignalResult> {
    const analysis = await tamperAnalysis(ctx);
    const facts = tamperFacts(analysis);
    const { ela, frame } = analysis;
    if (!ela || 'skipped' in ela || !frame) return { findings: [], facts };
    if (Math.min(ela.residual.width, ela.residual.height) * ELA_CELL < MIN_WORKING_SIDE) return { findings: [], facts };
    const minValue = ela.qualitySource === 'ghost' ? GHOST_ELA_THRESHOLD : JPEG_ELA_THRESHOLD;
    const result = outlierRegions(ela.residual, {
      sigmas: SIGMAS,
      minValue: CANDIDATE_LEVEL,
      minMean: minValue,
      radius: 1,
      minShare: 0.003,
      minCells: 6,
      maxShare: 0.25,
      minFill: 0.35,
    });
    if (result.regions.length === 0) return { findings: [], facts };
    const boxes = workingRegionsToPhoto(result.regions, ELA_CELL, frame);
    const largest = result.regions[0]!;
    const peak = Math.max(...result.regions.map((r) => r.mean));
    const factor = Math.round(Math.exp(peak) * 10) / 10;
    const share = percent(largest.cells / result.cells);
    const n = boxes.length;
    const source =
      ela.qualitySource === 'ghost'
        ? text(
            `（无损文件，其像素保留了一次质量约 ${ela.quality} 的 JPEG 压缩痕迹）`,
            ` (a lossless file whose pixels still carry a JPEG compression at about quality ${ela.quality})`,
          )
        : text(
            `（按量化表估计的质量 ${ela.quality}）`,
            ` (quality ${ela.quality}, estimated from its quantisation tables)`,
          );
    return {
      facts,
      findings: [
        makeFinding('tamper.ela', {
          severity: 'warn',
          strength: strengthOver(peak, minValue, 1.5),
          detail: text(
            `以照片自身的 JPEG 质量重新压缩${source.zh}后，${n} 处区域（最大一处约占画面 ${share}%）的变化约为同等纹理区域的 ${factor} 倍：这些像素与其余部分的压缩经历不同。误差水平分析是弱信号，仅作辅助。`,
            `Recompressed at the photo's own JPEG quality${source.en}, ${n} region${n === 1 ? '' : 's'} (the largest about ${share}% of the picture) change${n === 1 ? 's' : ''} about ${factor}× as much as areas of equal texture: those pixels have a different compression history from the rest. Error level analysis is a weak signal, supporting only.`,
          ),
          regions: boxes,
          facts: {
            quality: ela.quality,
            qualitySource: ela.qualitySource,
            regionLevels: result.regions.map((r) => Math.round(r.mean * 1000) / 1000),
            regionShares: result.regions.map((r) => percent(r.cells / result.cells)),
            threshold: Math.round(result.threshold * 1000) / 1000,
            heatmapPng: orientedHeatmap(result.smoothed, frame.orientation, 0, minValue * 1.5),
          },
        }),
      ],
    };
  },
};
