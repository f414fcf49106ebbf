/**
 * In-memory pictures the benchmark generator works on: interleaved RGB (0..255) and binary masks (0 or 255),
 * row-major, top-left origin.
 */

/** An RGB picture, 3 bytes per pixel. */
export interface RgbRaster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A binary mask, one byte per pixel: 255 inside, 0 outside. */
export interface MaskRaster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A rectangle in pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A mask of the given size with nothing set. */
export function emptyMask(width: number, height: number): MaskRaster {
  return { width, height, data: new Uint8Array(width * height) };
}

/** Number of pixels set in a mask. */
export function maskArea(mask: MaskRaster): number {
  let n = 0;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i]! >= 128) n++;
  return n;
}

/** The tightest box around the set pixels, or `undefined` for an empty mask. */
export function maskBounds(mask: MaskRaster): Box | undefined {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[row + x]! < 128) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * Re-binarises a resampled mask in place: a pixel is in when at least a quarter of it came from masked pixels
 * (value ≥ 64), so thin cracks survive downscaling.
 */
export function binarise(mask: MaskRaster): MaskRaster {
  for (let i = 0; i < mask.data.length; i++) mask.data[i] = mask.data[i]! >= 64 ? 255 : 0;
  return mask;
}

/**
 * The mask of the pixels a paint operation visibly changed: any channel moved by at least `minDelta` levels.
 * @throws {RangeError} when the two pictures differ in size
 */
export function changedPixels(before: RgbRaster, after: RgbRaster, minDelta: number): MaskRaster {
  if (before.width !== after.width || before.height !== after.height) {
    throw new RangeError(`sizes differ: ${before.width}×${before.height} vs ${after.width}×${after.height}`);
  }
  const mask = emptyMask(before.width, before.height);
  for (let p = 0, i = 0; p < mask.data.length; p++, i += 3) {
    const d = Math.max(
      Math.abs(before.data[i]! - after.data[i]!),
      Math.abs(before.data[i + 1]! - after.data[i + 1]!),
      Math.abs(before.data[i + 2]! - after.data[i + 2]!),
    );
    if (d >= minDelta) mask.data[p] = 255;
  }
  return mask;
}
