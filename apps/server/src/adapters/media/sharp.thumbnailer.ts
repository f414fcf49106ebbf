import sharp from 'sharp';
import { sniffFormat, type ImageDecoder } from '@proofdesk/forensics';

/** A JPEG thumbnail as a data URI, with its pixel size. */
export interface ThumbnailImage {
  readonly dataUri: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Makes a small JPEG thumbnail (EXIF orientation applied) through the decoder port, so every format the checker
 * reads (HEIC included) gets one, under the same decode limits. Returns undefined for files that cannot be decoded.
 * @param maxSide longest side in pixels (default 320)
 */
export async function makeThumbnail(
  bytes: Uint8Array,
  decoder: ImageDecoder,
  maxPixels: number,
  maxSide = 320,
): Promise<ThumbnailImage | undefined> {
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind !== 'image') return undefined;
  try {
    const image = await decoder.decode(bytes, sniffed.format, { maxSide, maxPixels });
    const jpeg = await sharp(image.data, {
      raw: { width: image.width, height: image.height, channels: image.channels },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: image.width, height: image.height };
  } catch {
    return undefined;
  }
}
