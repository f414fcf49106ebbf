import sharp from 'sharp';
import type { Region } from '@proofdesk/forensics';

/** A picture ready for the PDF: JPEG or PNG bytes and the pixel size they have. */
export interface PackagePicture {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Most input pixels a package decodes for a thumbnail (a decompression bomb renders as "no picture"). */
export const MAX_INPUT_PIXELS = 100_000_000;
const OUTLINE = '#f53f3f';

/**
 * A photo scaled to fit `maxPx` × `maxPx`, turned upright by its EXIF orientation (the frame finding regions are in).
 * @returns null when the bytes do not decode (truncated, not an image, over {@link MAX_INPUT_PIXELS})
 */
export async function thumbnail(bytes: Uint8Array, maxPx: number): Promise<PackagePicture | null> {
  try {
    const { data, info } = await sharp(bytes, {
      failOn: 'none',
      limitInputPixels: MAX_INPUT_PIXELS,
      sequentialRead: true,
    })
      .rotate()
      .resize({ width: maxPx, height: maxPx, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

/**
 * The thumbnail with `regions` (in a `frameWidth` × `frameHeight` frame, the photo's oriented pixels) outlined in
 * red. Boxes are at least a few pixels wide so a small region stays visible.
 */
export async function outlined(
  base: PackagePicture,
  regions: readonly Region[],
  frameWidth: number,
  frameHeight: number,
): Promise<PackagePicture> {
  if (regions.length === 0 || frameWidth <= 0 || frameHeight <= 0) return base;
  const sx = base.width / frameWidth;
  const sy = base.height / frameHeight;
  const stroke = Math.max(2, Math.round(Math.min(base.width, base.height) / 150));
  const rects = regions
    .map((r) => {
      const x = Math.max(0, r.x * sx);
      const y = Math.max(0, r.y * sy);
      const w = Math.max(stroke * 2, Math.min(base.width - x, r.w * sx));
      const h = Math.max(stroke * 2, Math.min(base.height - y, r.h * sy));
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="none" stroke="#ffffff" stroke-width="${stroke + 2}"/><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="none" stroke="${OUTLINE}" stroke-width="${stroke}"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${base.width}" height="${base.height}">${rects}</svg>`;
  const bytes = await sharp(base.bytes)
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
  return { ...base, bytes };
}

/**
 * A finding's heat map (a small PNG data URI in `facts.heatmapPng`) scaled up without smoothing to `widthPx`.
 * @returns null when the value is not a PNG data URI or does not decode
 */
export async function heatmap(dataUri: unknown, widthPx: number): Promise<PackagePicture | null> {
  const prefix = 'data:image/png;base64,';
  if (typeof dataUri !== 'string' || !dataUri.startsWith(prefix)) return null;
  try {
    const png = Buffer.from(dataUri.slice(prefix.length), 'base64');
    const { data, info } = await sharp(png, { limitInputPixels: 4_000_000 })
      .resize({ width: widthPx, kernel: 'nearest' })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
