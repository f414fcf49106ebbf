/**
 * The reference hasher's pre-shrink (`pdqio.cpp`): an image with a side over 512 px is resized to exactly
 * 512×512 with CImg's nearest-neighbour `resize(512, 512)`, aspect ratio ignored, before luminance.
 */
import type { DecodedImage } from '../ports.js';

/** Side of the reference's pre-shrink, in pixels (`DOWNSAMPLE_DIMS`). */
export const PDQ_DOWNSAMPLE_SIDE = 512;

/**
 * CImg's nearest-neighbour source index for each destination index: `⌊i × sourceLength / targetLength⌋`
 * (CImg accumulates the integer offsets `⌊(i+1)·src/dst⌋ − ⌊i·src/dst⌋`, which lands on the same pixels).
 * @param sourceLength pixels along the axis before resizing, ≥ 1
 * @param targetLength pixels along the axis after resizing, ≥ 1
 */
export function nearestSourceIndices(sourceLength: number, targetLength: number): Int32Array {
  const indices = new Int32Array(targetLength);
  for (let i = 0; i < targetLength; i++) indices[i] = Math.floor((i * sourceLength) / targetLength);
  return indices;
}

/**
 * Resizes interleaved 8-bit pixels with CImg's nearest-neighbour rule (see {@link nearestSourceIndices}).
 * @param image 1 or 3 channels
 * @param width target width in pixels, ≥ 1
 * @param height target height in pixels, ≥ 1
 */
export function resizeNearest(image: DecodedImage, width: number, height: number): DecodedImage {
  const { channels } = image;
  const xs = nearestSourceIndices(image.width, width);
  const ys = nearestSourceIndices(image.height, height);
  const data = new Uint8Array(width * height * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const row = ys[y]! * image.width;
    for (let x = 0; x < width; x++) {
      const s = (row + xs[x]!) * channels;
      for (let c = 0; c < channels; c++) data[o++] = image.data[s + c]!;
    }
  }
  return { width, height, channels, data };
}

/**
 * The reference's pre-shrink: images with a side over {@link PDQ_DOWNSAMPLE_SIDE} become 512×512 (nearest
 * neighbour, aspect ignored); smaller images are returned as they are.
 */
export function downsizeLikeReference(image: DecodedImage): DecodedImage {
  if (image.width <= PDQ_DOWNSAMPLE_SIDE && image.height <= PDQ_DOWNSAMPLE_SIDE) return image;
  return resizeNearest(image, PDQ_DOWNSAMPLE_SIDE, PDQ_DOWNSAMPLE_SIDE);
}
