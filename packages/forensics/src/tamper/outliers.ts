/**
 * Compact outlier regions of a per-cell anomaly map, with the conservative filters every tamper signal shares:
 * a region must stand out strongly from the photo's own distribution, be neither a speck nor a large share of
 * the frame, and fill a good part of its bounding box. Pure.
 */
import { boxMean, hotRegions, robustSpread, type BlockMap, type CellRegion } from './block-map.js';

/** Options of {@link outlierRegions}. */
export interface OutlierOptions {
  /** A cell is hot when its smoothed value is at least median + `sigmas` × robust σ … */
  readonly sigmas: number;
  /** … and at least this absolute value. */
  readonly minValue: number;
  /** Smoothing radius in cells before thresholding (0: none). */
  readonly radius: number;
  /** A region covers at least this share of the map's cells with data … */
  readonly minShare: number;
  /** … and at least this many cells … */
  readonly minCells: number;
  /** … and at most this share of the cells with data (larger is a property of the photo, not a region). */
  readonly maxShare: number;
  /** Hot cells / bounding-box cells at least this (drops thin lines and scattered speckle). */
  readonly minFill: number;
  /** A region's mean (smoothed) value must reach this. Default: no requirement beyond the cell threshold. */
  readonly minMean?: number;
  /** Keep at most this many regions. Default 3. */
  readonly maxRegions?: number;
}

/** What {@link outlierRegions} found and the statistics it judged against. */
export interface OutlierResult {
  readonly regions: readonly CellRegion[];
  /** The smoothed map that was thresholded. */
  readonly smoothed: BlockMap;
  readonly median: number;
  readonly sigma: number;
  readonly threshold: number;
  /** Cells with data. */
  readonly cells: number;
}

/**
 * Finds compact groups of cells whose (smoothed) value stands out above the map's own distribution.
 * @example outlierRegions(zMap, { sigmas: 6, minValue: 1, radius: 1, minShare: 0.004, minCells: 4, maxShare: 0.2, minFill: 0.35 })
 */
export function outlierRegions(map: BlockMap, options: OutlierOptions): OutlierResult {
  const smoothed =
    options.radius > 0 ? boxMean(map, options.radius, Math.ceil((2 * options.radius + 1) ** 2 / 2)) : map;
  const { median, sigma, count } = robustSpread(smoothed);
  // A degenerate spread (a flat map) must not turn every small wobble into an outlier.
  const spread = Math.max(sigma, 1e-6);
  const threshold = Math.max(options.minValue, median + options.sigmas * spread);
  const regions = hotRegions(smoothed, threshold)
    .filter(
      (r) =>
        r.cells >= options.minCells &&
        r.cells >= options.minShare * count &&
        r.cells <= options.maxShare * count &&
        r.cells / (r.w * r.h) >= options.minFill &&
        r.mean >= (options.minMean ?? Number.NEGATIVE_INFINITY),
    )
    .slice(0, options.maxRegions ?? 3);
  return { regions, smoothed, median, sigma, threshold, cells: count };
}
