/**
 * The working copies of a photo the matcher needs, from one decode: luma for features and hashes at ≤
 * {@link FEATURE_MAX_SIDE}, and colour for the difference map.
 */
import type { DecodedImage } from '../ports.js';
import { shrinkArea, toLuma, type Plane } from './plane.js';

/**
 * Longer side, in pixels, of the decode the features and hashes work on (shrink-on-load). Measured in
 * `docs/adr/0008-reference-matching.md`: below it rotated and 25 % copies lose matches, above it the decode and
 * the detector cost more without more inliers.
 */
export const FEATURE_MAX_SIDE = 1024;
/**
 * Longer side, in pixels, of the claim photo's working decode (features, hashes, and the colour planes the
 * difference map is resampled from). Smaller than the references': the pyramids bridge the scales, and the claim is
 * decoded at every check while a reference is prepared once.
 */
export const CLAIM_MAX_SIDE = 640;
/** Keypoints extracted from a claim photo (a reference keeps 1000 per orientation). */
export const CLAIM_FEATURES = 600;
/** Longer side, in pixels, of a reference's stored colour image for the difference map. */
export const DIFF_MAX_SIDE = 384;

/** Shrinks interleaved RGB (or grey) pixels so the longer side is at most `maxSide`, by area averaging. */
export function shrinkDecoded(image: DecodedImage, maxSide: number): DecodedImage {
  const scale = maxSide / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = new Uint8Array(width * height * image.channels);
  for (let c = 0; c < image.channels; c++) {
    const plane = new Float32Array(image.width * image.height);
    for (let i = 0; i < plane.length; i++) plane[i] = image.data[i * image.channels + c]!;
    const small = shrinkArea({ width: image.width, height: image.height, data: plane }, width, height);
    for (let i = 0; i < small.data.length; i++) out[i * image.channels + c] = Math.round(small.data[i]!);
  }
  return { width, height, channels: image.channels, data: out };
}

/** Luma plane of decoded pixels (BT.601, 0..255). */
export function lumaPlane(image: DecodedImage): Plane {
  return toLuma(image);
}
