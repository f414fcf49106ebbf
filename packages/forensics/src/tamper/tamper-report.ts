/**
 * What the `tamper.*` signals share when they turn an analysis into findings: regions in the checked photo's
 * oriented pixels, heat-map pictures oriented like the photo, a strength from the margin over a threshold, and
 * the report-level facts (identical from every tamper signal, so the merge order does not matter). Pure.
 */
import { scaledTable, STANDARD_LUMA } from '../containers/jpeg-quant.js';
import { ZIGZAG } from '../containers/jpeg-segments.js';
import type { PhotoFacts, Region } from '../report.js';
import type { SignalContext } from '../signals/signal.js';
import { cellsToPixels, orientBox, orientMap, type BlockMap, type CellRegion } from './block-map.js';
import type { FrequencyFit } from './double-jpeg.js';
import { heatmapDataUri } from './heatmap-png.js';
import type { TamperAnalysis, WorkingFrame } from './tamper-analysis.js';

/**
 * ELA and noise need a working image at least this many pixels on its shorter side: below it a photo has too few
 * cells (40 × 40 ELA cells, 20 × 20 noise cells) for a compact region to stand out from its own distribution.
 */
export const MIN_WORKING_SIDE = 320;

/** Cell regions of a map over the working image → boxes in the photo's oriented pixels. */
export function workingRegionsToPhoto(
  regions: readonly CellRegion[],
  cellPixels: number,
  frame: WorkingFrame,
): Region[] {
  return regions.map((r) =>
    orientBox(
      cellsToPixels(r, cellPixels / frame.scaleX, cellPixels / frame.scaleY, frame.width, frame.height),
      frame.orientation,
      frame.width,
      frame.height,
    ),
  );
}

/** Regions of a map over the stored luma block grid (cells of `blocks` × `blocks`) → boxes in oriented pixels. */
export function blockRegionsToPhoto(regions: readonly CellRegion[], blocks: number, ctx: SignalContext): Region[] {
  const { width, height, orientation } = ctx.header;
  const side = 8 * blocks;
  return regions.map((r) => orientBox(cellsToPixels(r, side, side, width, height), orientation, width, height));
}

/** A heat map of a map in the working (or block) frame, oriented like the photo, as a PNG data URI. */
export function orientedHeatmap(map: BlockMap, orientation: number, low: number, high: number): string {
  return heatmapDataUri(orientMap(map, orientation), low, high);
}

/**
 * Strength 0.5..1 from how far `value` passes `threshold`: 0.5 at the threshold, 1 at `threshold + span` and beyond.
 * @example strengthOver(1.2, 0.5, 0.7) // 1
 */
export function strengthOver(value: number, threshold: number, span: number): number {
  const over = Math.max(0, Math.min(1, (value - threshold) / span));
  return Math.round((0.5 + 0.5 * over) * 1000) / 1000;
}

/** Percentage of a share 0..1, one decimal. */
export const percent = (share: number): number => Math.round(share * 1000) / 10;

/**
 * The libjpeg quality whose scaled Annex K luma table matches most fitted first-pass steps, when at least half of
 * the fitted frequencies agree; undefined otherwise (a custom first table, e.g. a camera's).
 */
export function firstPassQuality(fits: readonly FrequencyFit[]): number | undefined {
  const fitted = fits.filter((f) => f.q1 !== undefined);
  if (fitted.length === 0) return undefined;
  let best: { quality: number; matches: number } | undefined;
  for (let q = 1; q <= 100; q++) {
    const table = scaledTable(STANDARD_LUMA, q);
    const matches = fitted.filter((f) => table[ZIGZAG[f.k]!] === f.q1).length;
    if (!best || matches > best.matches) best = { quality: q, matches };
  }
  return best && best.matches * 2 >= fitted.length ? best.quality : undefined;
}

/** Report-level facts about the JPEG structure and what each tamper analysis measured. */
export function tamperFacts(analysis: TamperAnalysis): Partial<PhotoFacts> {
  const { jpeg, doubleJpeg, ela, noise, ghost, frame, working, timingsMs } = analysis;
  const facts: Record<string, unknown> = { working, timingsMs };
  if (frame) facts.workingScale = Math.round(frame.scaleX * 1000) / 1000;
  if (doubleJpeg && 'analysis' in doubleJpeg) {
    const fits = doubleJpeg.analysis.fits;
    const first = firstPassQuality(fits);
    facts.doubleJpeg = {
      combFrequencies: doubleJpeg.analysis.combFrequencies,
      ...(first !== undefined ? { firstPassQuality: first } : {}),
      firstPassSteps: Object.fromEntries(fits.filter((f) => f.q1 !== undefined).map((f) => [f.k, f.q1])),
      clippedShare: Math.round(doubleJpeg.clippedShare * 1000) / 1000,
    };
  } else if (doubleJpeg) {
    facts.doubleJpeg = { skipped: doubleJpeg.skipped };
  }
  if (ela)
    facts.ela =
      'skipped' in ela ? { skipped: ela.skipped } : { quality: ela.quality, qualitySource: ela.qualitySource };
  if (ghost) facts.ghost = ghost;
  if (noise) facts.noise = { medianSigma: noise.medianSigma };
  const result: Partial<PhotoFacts> = { tamper: facts };
  if (!jpeg) return result;
  return {
    ...result,
    jpeg: {
      process: jpeg.process,
      ...(jpeg.quality
        ? {
            quality: jpeg.quality.quality,
            standardTables: jpeg.quality.standardTables,
            tables: jpeg.quality.tables,
          }
        : {}),
    },
  };
}
