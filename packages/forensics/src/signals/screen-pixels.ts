import type { DecodedImage } from '../ports.js';

/**
 * Pixel evidence that an image is a rendered screen rather than a photograph, measured on the shared preview
 * (RGB, longer side ≤ 256). Thresholds are in 8-bit levels and in fractions of the preview's size, so they do not
 * depend on the screenshot's resolution; they were set on the phone captures in `fixtures/synthetic`, the real
 * desktop screenshots in `fixtures/screenshots`, every camera photo in the shared corpus and the listing photos
 * (see `screenshot.test.ts` and the end-to-end sweep in apps/server).
 */

/** A pixel belongs to the band's background when no channel differs from it by more than this. */
export const BACKGROUND_TOLERANCE = 10;
/** A row is clean (background only) when at most this share of its pixels differ from the background. */
const CLEAN_ROW_MAX_INK = 0.02;
/** Status bars span at most this share of the screen height (iPhone Pro Max: 59 of 932 pt = 6.3 %). */
const MAX_BAR_SHARE = 0.075;
/** The glyph line (clock, icons) is at most this share of the height (≈ 9 preview rows at 256). */
const MAX_GLYPH_LINE_SHARE = 0.035;
/** Glyphs are drawn for legibility: after shrinking to the preview the darkest/brightest ink still differs by this. */
const MIN_GLYPH_CONTRAST = 80;
/** Share of the glyph line's pixels that are ink: text and icons, not an empty line nor a solid shape. */
const GLYPH_COVERAGE = { min: 0.03, max: 0.55 } as const;
/** Glyph groups (clock, carrier, notification icons, signal/battery) are separated by ink-free runs this wide. */
const GROUP_GAP_SHARE = 0.04;
/** No glyph group is wider than this share: a wide shape is content, not status glyphs. */
const MAX_GROUP_SHARE = 0.6;
/** Between the first and last group at least this share of the width is empty (notch, camera cut-out, margins). */
const MIN_EMPTY_SHARE = 0.15;

/** What {@link findStatusBar} measured. Rows are preview rows, horizontal positions shares of the width. */
export interface StatusBarBand {
  /** The band's background colour (the top row's median). */
  readonly background: readonly [number, number, number];
  /** First and last preview row holding glyphs. */
  readonly glyphRows: readonly [number, number];
  /** The band's height in preview rows: background, glyph line, and the clean row that closes it. */
  readonly bandRows: number;
  /** Share of the glyph line's pixels that differ from the background. */
  readonly coverage: number;
  /** Largest luma difference between ink and background, 0..255. */
  readonly contrast: number;
  /** Glyph groups (start, end) as shares of the width, left to right. */
  readonly groups: readonly (readonly [number, number])[];
  /** Ink-free share of the width between the first group's start and the last group's end. */
  readonly emptyShare: number;
}

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Looks for a phone status bar at the top of the image: a top row of one colour, then a single thin line of small
 * high-contrast glyph groups reaching both sides with empty space between them, closed by a clean row of the
 * same colour. A white
 * listing photo fails it (its top rows hold no glyphs, or a shape that runs on downwards); so do photographs (no
 * uniform top row, or no closing row).
 * @returns the measurements when every condition holds, else undefined
 */
export function findStatusBar(image: DecodedImage): StatusBarBand | undefined {
  const { width: w, height: h, data, channels } = image;
  if (channels !== 3 || w < 32 || h < 64) return undefined;
  const px = (x: number, y: number) => (y * w + x) * 3;
  const row0 = Array.from({ length: w }, (_, x) => px(x, 0));
  const bg: [number, number, number] = [0, 1, 2].map((c) => median(row0.map((i) => data[i + c]!))) as [
    number,
    number,
    number,
  ];
  const isInk = (i: number) =>
    Math.abs(data[i]! - bg[0]) > BACKGROUND_TOLERANCE ||
    Math.abs(data[i + 1]! - bg[1]) > BACKGROUND_TOLERANCE ||
    Math.abs(data[i + 2]! - bg[2]) > BACKGROUND_TOLERANCE;
  const inkShare = (y: number) => {
    let ink = 0;
    for (let x = 0; x < w; x++) if (isInk(px(x, y))) ink++;
    return ink / w;
  };
  const maxRow = Math.ceil(MAX_BAR_SHARE * h);
  if (inkShare(0) > CLEAN_ROW_MAX_INK) return undefined;
  let top = 1;
  while (top < maxRow && inkShare(top) <= CLEAN_ROW_MAX_INK) top++;
  let bottom = top;
  while (bottom + 1 < maxRow && inkShare(bottom + 1) > CLEAN_ROW_MAX_INK) bottom++;
  // The glyph line must be closed by a clean row inside the bar's height, and be thin.
  if (top >= maxRow || bottom + 1 >= maxRow || inkShare(bottom + 1) > CLEAN_ROW_MAX_INK) return undefined;
  if (bottom - top + 1 > Math.max(2, Math.round(MAX_GLYPH_LINE_SHARE * h))) return undefined;

  const bgLuma = luma(bg[0], bg[1], bg[2]);
  const inkColumns = new Array<boolean>(w).fill(false);
  let ink = 0;
  let contrast = 0;
  for (let y = top; y <= bottom; y++) {
    for (let x = 0; x < w; x++) {
      const i = px(x, y);
      if (!isInk(i)) continue;
      ink++;
      inkColumns[x] = true;
      contrast = Math.max(contrast, Math.abs(luma(data[i]!, data[i + 1]!, data[i + 2]!) - bgLuma));
    }
  }
  const coverage = ink / (w * (bottom - top + 1));
  const groups = inkGroups(inkColumns, Math.max(2, Math.round(GROUP_GAP_SHARE * w)));
  const first = groups[0];
  const last = groups.at(-1);
  if (!first || !last) return undefined;
  const inked = groups.reduce((n, [a, b]) => n + b - a, 0);
  const band: StatusBarBand = {
    background: bg,
    glyphRows: [top, bottom],
    bandRows: bottom + 2,
    coverage: round(coverage),
    contrast: Math.round(contrast),
    groups: groups.map(([a, b]) => [round(a / w), round(b / w)] as const),
    emptyShare: round((last[1] - first[0] - inked) / w),
  };
  const ok =
    contrast >= MIN_GLYPH_CONTRAST &&
    coverage >= GLYPH_COVERAGE.min &&
    coverage <= GLYPH_COVERAGE.max &&
    groups.length >= 2 &&
    first[0] < w / 3 &&
    last[1] > (2 * w) / 3 &&
    first[0] >= 1 &&
    last[1] <= w - 1 &&
    groups.every(([a, b]) => b - a <= MAX_GROUP_SHARE * w) &&
    band.emptyShare >= MIN_EMPTY_SHARE;
  return ok ? band : undefined;
}

/** Runs of inked columns [start, end), merged across gaps narrower than `minGap`. */
function inkGroups(inkColumns: readonly boolean[], minGap: number): [number, number][] {
  const groups: [number, number][] = [];
  for (let x = 0; x < inkColumns.length; x++) {
    if (!inkColumns[x]) continue;
    const previous = groups.at(-1);
    if (previous && x - previous[1] < minGap) previous[1] = x + 1;
    else groups.push([x, x + 1]);
  }
  return groups;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Share of pixels (0..1) exactly equal, in all channels, to both their right and lower neighbours. Rendered UI is
 * made of flat fills that stay exactly flat after shrinking; photographs carry sensor noise and compression error
 * almost everywhere (clipped highlights and pure black excepted).
 */
export function flatShare(image: DecodedImage): number {
  const { width: w, height: h, data, channels: c } = image;
  if (w < 2 || h < 2) return 0;
  let flat = 0;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = (y * w + x) * c;
      let same = true;
      for (let k = 0; k < c && same; k++) {
        const v = data[i + k];
        same = v === data[i + c + k] && v === data[i + w * c + k];
      }
      if (same) flat++;
    }
  }
  return round(flat / ((w - 1) * (h - 1)));
}
