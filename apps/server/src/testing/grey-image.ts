/**
 * Perceptual comparison of small decoded images for tests: mean absolute difference of grey thumbnails, and EXIF
 * orientation applied in plain code (an independent reference for the decoders' own orientation handling).
 */
import type { DecodedImage } from '@proofdesk/forensics';

/** A one-channel image, row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Mean absolute difference per pixel, 0..255.
 * @throws {RangeError} when the sizes differ (a different size is never "similar")
 */
export function meanGreyDifference(a: GreyImage | DecodedImage, b: GreyImage | DecodedImage): number {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) {
    throw new RangeError(`sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

/**
 * Applies EXIF orientation `n` (1..8) to an image as a viewer would: the result is what the photo looks like upright.
 * @example orient(stored, 6) // rotated 90° clockwise, width and height swapped
 */
export function orient(image: GreyImage, n: number): GreyImage {
  const { width: w, height: h, data } = image;
  const swap = n >= 5;
  const width = swap ? h : w;
  const height = swap ? w : h;
  // For each output pixel (x, y), the stored pixel it comes from.
  const source: Record<number, (x: number, y: number) => [number, number]> = {
    1: (x, y) => [x, y],
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  };
  const from = source[n];
  if (!from) throw new RangeError(`orientation must be 1..8, not ${n}`);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = from(x, y);
      out[y * width + x] = data[sy * w + sx]!;
    }
  }
  return { width, height, data: out };
}
