import { makeFinding } from '../finding.js';
import { channelPlanes, lumaOfPlanes, meanStd, type GreyImage } from '../pixels/grey-image.js';
import type { Region } from '../report.js';
import { text } from '../text.js';
import { NOTHING, PREVIEW_MAX_SIDE, type Signal, type SignalContext, type SignalResult } from './signal.js';
import { compareThumbnail, GRID, type ThumbnailComparison } from './thumbnail-compare.js';

/** Below this correlation the thumbnail shows another picture (real camera thumbnails: ≥ 0.967 in the shared corpus). */
export const GLOBAL_MISMATCH_CORRELATION = 0.6;
/** Below this the pictures differ overall (heavy retouching or a different crop), if no local group explains it. */
export const OVERALL_DIFFERENCE_CORRELATION = 0.85;
/** A local edit: this many 8-connected differing cells of the 32×32 grid (untouched camera photos: at most 1). */
export const MIN_GROUP_CELLS = 4;
/** Thumbnail and preview must both be at least this many pixels on their shorter side to be compared. */
const MIN_SIDE = 40;
/**
 * The main image must be at least this many times the thumbnail's size (longer sides). Cameras write main images
 * 4× (160×120 next to 640×480) to 25× the thumbnail; a main image barely larger than its thumbnail is a software
 * rendition (a web export, a test file) that carried the camera's EXIF block along, whose thumbnail is stale by
 * design. In the shared corpus this skips GIMP's 100-pixel exports and a 205×102 image carrying an iPhone 4S
 * EXIF block with a thumbnail of another scene.
 */
const MIN_MAIN_TO_THUMBNAIL = 2;
/** Pictures flatter than this (grey-level standard deviation) carry too little structure to compare. */
const MIN_CONTRAST = 4;

type Skip = 'whole_file' | 'undecodable' | 'too_small' | 'main_thumbnail_sized' | 'featureless';

function skipped(reason: Skip, extra: Record<string, unknown> = {}): SignalResult {
  return { findings: [], facts: { thumbnail: { compared: false, reason, ...extra } } };
}

/** Differing cell groups → rectangles in the oriented main image's pixels. */
function regionsOf(comparison: ThumbnailComparison, ctx: SignalContext): Region[] {
  const sx = ctx.width / ctx.preview.width;
  const sy = ctx.height / ctx.preview.height;
  const cw = comparison.mainBox.w / GRID;
  const ch = comparison.mainBox.h / GRID;
  return comparison.groups
    .filter((g) => g.cells >= MIN_GROUP_CELLS)
    .slice(0, 5)
    .map((g) => {
      const x = Math.max(0, Math.floor((comparison.mainBox.x + g.x * cw) * sx));
      const y = Math.max(0, Math.floor((comparison.mainBox.y + g.y * ch) * sy));
      const right = Math.min(ctx.width, Math.ceil((comparison.mainBox.x + (g.x + g.w) * cw) * sx));
      const bottom = Math.min(ctx.height, Math.ceil((comparison.mainBox.y + (g.y + g.h) * ch) * sy));
      return { x, y, w: right - x, h: bottom - y };
    });
}

/**
 * `tamper.thumbnail_mismatch`: the EXIF thumbnail the camera wrote differs from the main image — the picture was
 * changed after capture and the thumbnail was not. The thumbnail is decoded, oriented like the main image (it is
 * stored in the main image's stored orientation; an upright reading is tried too), stripped of letterbox bars, and
 * compared with the shared preview
 * on a 32×32 grid, channel by channel (see `compareThumbnail`). Fires on a global mismatch (another picture), on a local group
 * of differing cells (a painted crack or stain, a removed object), or on a broad overall difference.
 */
export const thumbnailSignal: Signal = {
  name: 'thumbnail',
  async run(ctx): Promise<SignalResult> {
    const bytes = ctx.meta.thumbnail;
    if (!bytes || bytes.length < 4) return NOTHING;
    // exifr hands back the whole file for some uncompressed-thumbnail layouts: nothing to compare.
    if (bytes.length === ctx.bytes.length) return skipped('whole_file');
    let planes: GreyImage[];
    try {
      planes = channelPlanes(
        await ctx.decoder.decode(bytes, 'jpeg', { maxSide: PREVIEW_MAX_SIDE, maxPixels: ctx.maxPixels }),
      );
    } catch {
      return skipped('undecodable', { bytes: bytes.length });
    }
    const thumb = lumaOfPlanes(planes);
    const mainPlanes = channelPlanes(ctx.preview);
    const main = lumaOfPlanes(mainPlanes);
    const size = { width: thumb.width, height: thumb.height };
    if (Math.min(thumb.width, thumb.height) < MIN_SIDE || Math.min(main.width, main.height) < MIN_SIDE) {
      return skipped('too_small', size);
    }
    const mainLongSide = Math.max(ctx.header.width, ctx.header.height);
    if (mainLongSide < MIN_MAIN_TO_THUMBNAIL * Math.max(thumb.width, thumb.height)) {
      return skipped('main_thumbnail_sized', { ...size, mainWidth: ctx.header.width, mainHeight: ctx.header.height });
    }
    if (meanStd(thumb.data).std < MIN_CONTRAST || meanStd(main.data).std < MIN_CONTRAST) {
      return skipped('featureless', size);
    }
    // The EXIF thumbnail is stored like the main image's pixels, so it gets the main image's orientation. Some
    // writers store it upright instead (or give it its own EXIF block, which the decoder then applies): the upright
    // reading is tried too, and the better-correlated one kept, so that no writer's habit reads as a mismatch.
    const stored = ctx.header.orientation;
    let best = {
      orientation: stored,
      comparison: compareThumbnail(planes, mainPlanes, stored, ctx.header.width / ctx.header.height),
    };
    const agrees = (c: ThumbnailComparison) =>
      c.correlation >= OVERALL_DIFFERENCE_CORRELATION && (c.groups[0]?.cells ?? 0) < MIN_GROUP_CELLS;
    if (stored !== 1 && !agrees(best.comparison)) {
      const upright = compareThumbnail(planes, mainPlanes, 1, ctx.width / ctx.height);
      if (upright.correlation > best.comparison.correlation) best = { orientation: 1, comparison: upright };
    }
    const comparison = best.comparison;
    const largest = comparison.groups[0]?.cells ?? 0;
    const facts = {
      compared: true,
      ...size,
      fit: comparison.fit,
      orientationApplied: best.orientation,
      correlation: comparison.correlation,
      differingCells: comparison.cells.length,
      largestGroupCells: largest,
    };
    const cellShare = (cells: number) => Math.round((cells / (GRID * GRID)) * 1000) / 10;

    if (comparison.correlation < GLOBAL_MISMATCH_CORRELATION) {
      return {
        findings: [
          makeFinding('tamper.thumbnail_mismatch', {
            severity: 'warn',
            strength: 1,
            detail: text(
              `EXIF 内嵌缩略图（${thumb.width}×${thumb.height}）与主图是不同的画面（相关系数 ${comparison.correlation}，同一张照片通常在 0.96 以上）：主图在拍摄后被整体替换，而缩略图仍是相机当时保存的画面。`,
              `The embedded EXIF thumbnail (${thumb.width}×${thumb.height}) shows a different picture from the main image (correlation ${comparison.correlation}; the same photo scores above 0.96): the main image was replaced after capture, while the thumbnail is still what the camera saved.`,
            ),
            facts,
          }),
        ],
        facts: { thumbnail: facts },
      };
    }
    if (largest >= MIN_GROUP_CELLS) {
      const regions = regionsOf(comparison, ctx);
      const strength = Math.min(1, 0.5 + largest / 24);
      return {
        findings: [
          makeFinding('tamper.thumbnail_mismatch', {
            severity: 'warn',
            strength,
            detail: text(
              `EXIF 内嵌缩略图与主图在 ${regions.length} 处区域不一致（最大一处约占画面 ${cellShare(largest)}%），其余部分吻合（相关系数 ${comparison.correlation}）：主图在这些位置被修改过，而缩略图保留了拍摄时的原貌。`,
              `The embedded EXIF thumbnail and the main image disagree in ${regions.length} region${regions.length === 1 ? '' : 's'} (the largest about ${cellShare(largest)}% of the picture) and match elsewhere (correlation ${comparison.correlation}): the main image was altered there, while the thumbnail keeps the scene as captured.`,
            ),
            regions,
            facts,
          }),
        ],
        facts: { thumbnail: facts },
      };
    }
    if (comparison.correlation < OVERALL_DIFFERENCE_CORRELATION) {
      return {
        findings: [
          makeFinding('tamper.thumbnail_mismatch', {
            severity: 'info',
            strength: 0.6,
            detail: text(
              `EXIF 内嵌缩略图与主图整体差异明显（相关系数 ${comparison.correlation}，同一张照片通常在 0.96 以上），但没有集中的差异区域：主图可能经过大幅修图或重新裁剪。`,
              `The embedded EXIF thumbnail differs from the main image overall (correlation ${comparison.correlation}; the same photo scores above 0.96) without a concentrated region: the main image may have been heavily retouched or re-cropped.`,
            ),
            facts,
          }),
        ],
        facts: { thumbnail: facts },
      };
    }
    return { findings: [], facts: { thumbnail: facts } };
  },
};
