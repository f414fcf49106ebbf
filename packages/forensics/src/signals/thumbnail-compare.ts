import { lumaOfPlanes, meanStd, resampleArea, type Box, type GreyImage } from '../pixels/grey-image.js';
import { applyOrientation } from '../pixels/orientation.js';
import {
  cellGroups,
  DEFAULT_ALLOWANCE,
  differingCells,
  type DifferenceAllowance,
  type DifferingCell,
} from './thumbnail-residuals.js';

export { DEFAULT_ALLOWANCE, type DifferenceAllowance, type DifferingCell };

/** Cells per side of the comparison grid (a 160×120 thumbnail gives cells of 5×3.75 pixels). */
export const GRID = 32;

/** How the thumbnail's frame was matched to the main image. */
export type ThumbnailFit = 'same_aspect' | 'letterbox' | 'stretch' | 'crop';

/** The outcome of comparing an EXIF thumbnail with the main image. */
export interface ThumbnailComparison {
  readonly fit: ThumbnailFit;
  /** Pearson correlation of the two grey grids (1 = same picture). */
  readonly correlation: number;
  /** The part of the thumbnail compared, in thumbnail pixels as stored (bars or an uncovered margin cut away). */
  readonly thumbnailBox: Box;
  /** The part of the main image compared, in the given main image's pixels (display orientation). */
  readonly mainBox: Box;
  /** Cells that differ, on the {@link GRID}×{@link GRID} grid laid over {@link mainBox}. */
  readonly cells: readonly DifferingCell[];
  /** 8-connected groups of differing cells, largest first, as boxes in grid units with their cell counts. */
  readonly groups: readonly (Box & { readonly cells: number })[];
}

/** A bar row or column counts as black when its mean luma is at most this (JPEG ringing lifts true black a little). */
const BAR_MAX_MEAN = 28;

/**
 * Finds the picture inside a letterboxed thumbnail: cameras store a fixed 160×120 thumbnail and pad a 3:2 or 16:9
 * picture with black bars (measured, not assumed: a Nikon D100 pads a 3:2 picture with 8 rows top and bottom where
 * exact geometry says 6.7). Bars count only when they are black at both ends, on the axis the aspect ratios
 * predict, and what remains has the main image's aspect within 10 %.
 * @param storedAspect the main image's width / height in stored orientation (as the thumbnail is stored)
 * @returns the picture's box, or undefined when the aspects agree or no black bars are there
 */
export function letterboxContent(thumb: GreyImage, storedAspect: number): Box | undefined {
  const { width: w, height: h } = thumb;
  if (Math.abs(Math.log(w / h / storedAspect)) < 0.03) return undefined;
  const horizontalBars = storedAspect > w / h;
  const length = horizontalBars ? h : w;
  let start = 0;
  while (start < length / 2 && lineMean(thumb, start, horizontalBars) <= BAR_MAX_MEAN) start++;
  let end = length;
  while (end > length / 2 && lineMean(thumb, end - 1, horizontalBars) <= BAR_MAX_MEAN) end--;
  if (start < 2 || length - end < 2 || end - start < length / 4) return undefined;
  const box = horizontalBars ? { x: 0, y: start, w, h: end - start } : { x: start, y: 0, w: end - start, h };
  return Math.abs(Math.log(box.w / box.h / storedAspect)) < 0.1 ? box : undefined;
}

function lineMean(image: GreyImage, index: number, row: boolean): number {
  let sum = 0;
  const n = row ? image.width : image.height;
  for (let i = 0; i < n; i++) sum += image.data[row ? index * image.width + i : i * image.width + index]!;
  return sum / n;
}

/** Boxes of an image with the given aspect (width / height), slid along the axis that has room. */
function windows(width: number, height: number, aspect: number): Box[] {
  const positions = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];
  if (width / height > aspect) {
    const w = height * aspect;
    return positions.map((p) => ({ x: (width - w) * p, y: 0, w, h: height }));
  }
  const h = width / aspect;
  return positions.map((p) => ({ x: 0, y: (height - h) * p, w: width, h }));
}

function correlation(a: Float64Array, b: Float64Array): number {
  const ma = meanStd(a);
  const mb = meanStd(b);
  if (ma.std < 1e-6 || mb.std < 1e-6) return ma.std < 1e-6 && mb.std < 1e-6 ? 1 : 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - ma.mean) * (b[i]! - mb.mean);
  return sum / a.length / (ma.std * mb.std);
}

/**
 * Compares an EXIF thumbnail with the main image on a {@link GRID}×{@link GRID} grid.
 *
 * The thumbnail is stored like the main image's pixels (EXIF orientation not applied), so it is oriented here with
 * the main image's orientation. Letterbox bars are cut away; when the aspects differ without bars, a stretched
 * reading and cropped readings (either picture being a cut of the other) are tried and the best-correlated kept.
 *
 * Local differences: each channel of the main image's grid is predicted from the thumbnail's grid by a robust fit
 * (see `differingCells`: tone curve, colour space); a cell differs when a channel's residual exceeds
 * `max(minResidual, sigmaFactor·σ)` plus a share of the smaller of the two local gradients — sub-pixel
 * misalignment only causes residuals on edges present in both pictures, whereas a painted crack or stain, or a
 * removed object, is an edge in only one of them. Colour counts: a yellow band over white barely changes luma.
 * @param thumb the decoded thumbnail's channel planes (1 grey or 3 RGB), as stored
 * @param main the main image's channel planes (1 grey or 3 RGB), display orientation (e.g. the shared preview)
 * @param orientation the main image's EXIF orientation (1..8)
 * @param storedAspect the main image's width / height as stored (before orientation)
 */
export function compareThumbnail(
  thumb: readonly GreyImage[],
  mainPlanes: readonly GreyImage[],
  orientation: number,
  storedAspect: number,
  allowance: DifferenceAllowance = DEFAULT_ALLOWANCE,
): ThumbnailComparison {
  const luma = lumaOfPlanes(thumb);
  const main = lumaOfPlanes(mainPlanes);
  const wholeThumb: Box = { x: 0, y: 0, w: luma.width, h: luma.height };
  const wholeMain: Box = { x: 0, y: 0, w: main.width, h: main.height };
  const swapped = orientation >= 5 && orientation <= 8;
  const thumbDisplayAspect = swapped ? luma.height / luma.width : luma.width / luma.height;
  const letterbox = letterboxContent(luma, storedAspect);
  const aspectsAgree = Math.abs(Math.log(luma.width / luma.height / storedAspect)) < 0.03;
  type Reading = { fit: ThumbnailFit; thumbnailBox: Box; mainBox: Box };
  const readings: Reading[] = letterbox
    ? [{ fit: 'letterbox', thumbnailBox: letterbox, mainBox: wholeMain }]
    : aspectsAgree
      ? [{ fit: 'same_aspect', thumbnailBox: wholeThumb, mainBox: wholeMain }]
      : [
          { fit: 'stretch', thumbnailBox: wholeThumb, mainBox: wholeMain },
          // The thumbnail shows a cut of the main picture (a Ricoh RDC-5300 stores a 4:3 cut of its 3:2 image)…
          ...windows(main.width, main.height, thumbDisplayAspect).map((mainBox): Reading => ({
            fit: 'crop',
            thumbnailBox: wholeThumb,
            mainBox,
          })),
          // …or the main picture is a cut of what the thumbnail shows.
          ...windows(luma.width, luma.height, storedAspect).map((thumbnailBox): Reading => ({
            fit: 'crop',
            thumbnailBox,
            mainBox: wholeMain,
          })),
        ];
  const grid = (image: GreyImage, box: Box) => applyOrientation(resampleArea(image, GRID, GRID, box), orientation);
  let best: (Reading & { r: number }) | undefined;
  for (const reading of readings) {
    const mainGrid = resampleArea(main, GRID, GRID, reading.mainBox);
    const r = correlation(grid(luma, reading.thumbnailBox).data, mainGrid.data);
    if (!best || r > best.r) best = { ...reading, r };
  }
  const chosen = best!;
  const planes = thumb.map((plane) => grid(plane, chosen.thumbnailBox));
  const mainGrids = mainPlanes.map((plane) => resampleArea(plane, GRID, GRID, chosen.mainBox));
  const cells = differingCells(planes, mainGrids, allowance);
  return {
    fit: chosen.fit,
    correlation: Math.round(chosen.r * 1000) / 1000,
    thumbnailBox: chosen.thumbnailBox,
    mainBox: chosen.mainBox,
    cells,
    groups: cellGroups(cells, GRID),
  };
}
