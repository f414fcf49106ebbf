/**
 * The generator's bridge to sharp: run a sharp pipeline on an in-memory RGB picture or mask, decode files to
 * RGB, encode RGB to JPEG or PNG. Masks come back re-binarised (resampling softens their edges).
 */
import sharp, { type Sharp } from 'sharp';
import { binarise, type MaskRaster, type RgbRaster } from './raster.js';

/** Runs `build` on an RGB picture and returns the RGB result. */
export async function sharpRgb(image: RgbRaster, build: (s: Sharp) => Sharp): Promise<RgbRaster> {
  const input = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  const { data, info } = await build(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: firstChannels(data, info.channels, 3) };
}

/** Runs the same geometric `build` on a mask (background 0) and returns it binarised. */
export async function sharpMask(mask: MaskRaster, build: (s: Sharp) => Sharp): Promise<MaskRaster> {
  const input = sharp(mask.data, { raw: { width: mask.width, height: mask.height, channels: 1 } });
  const { data, info } = await build(input).raw().toBuffer({ resolveWithObject: true });
  return binarise({ width: info.width, height: info.height, data: firstChannels(data, info.channels, 1) });
}

/** Keeps the first `keep` channels of interleaved pixels (sharp widens one-channel input to sRGB). */
function firstChannels(data: Buffer, channels: number, keep: number): Uint8Array {
  if (channels === keep) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const pixels = data.length / channels;
  const out = new Uint8Array(pixels * keep);
  for (let p = 0; p < pixels; p++) for (let c = 0; c < keep; c++) out[p * keep + c] = data[p * channels + c]!;
  return out;
}

/** A `maxSide` for {@link decodeRgb} that keeps the full size (sharp's own limit on a side). */
export const FULL_SIZE = 100_000_000;

/**
 * Decodes a file to upright RGB (EXIF orientation applied, alpha flattened onto `background`), shrunk so the
 * longer side is at most `maxSide` pixels.
 */
export async function decodeRgb(bytes: Uint8Array, maxSide: number, background = '#ffffff'): Promise<RgbRaster> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .flatten({ background })
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: firstChannels(data, info.channels, 3) };
}

/** Encodes RGB as a baseline JPEG (4:2:0, no metadata) at `quality` 1..100. */
export async function encodeJpeg(image: RgbRaster, quality: number): Promise<Uint8Array> {
  const buffer = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return new Uint8Array(buffer);
}

/** Encodes RGB as PNG (no metadata). */
export async function encodePng(image: RgbRaster): Promise<Uint8Array> {
  const buffer = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(buffer);
}

/** Width and height after EXIF orientation, from the header. */
export async function orientedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { width, height, orientation } = await sharp(bytes).metadata();
  return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}
