/**
 * EXIF orientation on decoded pixels. The decode port returns pixels as displayed (orientation applied), while
 * Meta's reference PDQ hashes the pixels as stored: {@link undoOrientation} gets those back.
 *
 * Orientation values (EXIF/TIFF tag 274), as the transform from stored to displayed pixels:
 * 1 none · 2 mirror left-right · 3 rotate 180° · 4 mirror top-bottom · 5 transpose (mirror about the main diagonal)
 * · 6 rotate 90° clockwise · 7 transverse (mirror about the anti-diagonal) · 8 rotate 90° anticlockwise.
 */
import type { DecodedImage } from '../ports.js';

/** An EXIF orientation, 1..8. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** The orientation that undoes each one: quarter turns swap, every other transform is its own inverse. */
const INVERSE: Record<ExifOrientation, ExifOrientation> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6 };

function asOrientation(value: number): ExifOrientation {
  return Number.isInteger(value) && value >= 1 && value <= 8 ? (value as ExifOrientation) : 1;
}

/**
 * Where displayed pixel (dx, dy) comes from in the stored image of `width × height`, for each orientation.
 * Returns [sx, sy].
 */
function storedPixel(
  orientation: ExifOrientation,
  dx: number,
  dy: number,
  width: number,
  height: number,
): [number, number] {
  switch (orientation) {
    case 1:
      return [dx, dy];
    case 2:
      return [width - 1 - dx, dy];
    case 3:
      return [width - 1 - dx, height - 1 - dy];
    case 4:
      return [dx, height - 1 - dy];
    case 5:
      return [dy, dx];
    case 6:
      return [dy, height - 1 - dx];
    case 7:
      return [width - 1 - dy, height - 1 - dx];
    case 8:
      return [width - 1 - dy, dx];
  }
}

/**
 * Applies an EXIF orientation to stored pixels, giving the pixels as displayed (what a decoder that honours the
 * tag returns). Orientations 5..8 swap width and height. Values outside 1..8 count as 1, as decoders treat them.
 * @param image stored pixels, 1 or 3 channels
 * @param orientation EXIF orientation 1..8
 */
export function applyOrientation(image: DecodedImage, orientation: number): DecodedImage {
  const o = asOrientation(orientation);
  if (o === 1) return image;
  const { width, height, channels, data } = image;
  const swap = o >= 5;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8Array(data.length);
  let p = 0;
  for (let dy = 0; dy < outHeight; dy++) {
    for (let dx = 0; dx < outWidth; dx++) {
      const [sx, sy] = storedPixel(o, dx, dy, width, height);
      const s = (sy * width + sx) * channels;
      for (let c = 0; c < channels; c++) out[p++] = data[s + c]!;
    }
  }
  return { width: outWidth, height: outHeight, channels, data: out };
}

/**
 * Undoes an EXIF orientation: from pixels as displayed back to the pixels as stored in the file.
 * `undoOrientation(applyOrientation(img, o), o)` equals `img` for every o.
 * @param image displayed pixels (orientation applied), 1 or 3 channels
 * @param orientation the file's EXIF orientation 1..8 (from `ImageDecoder.probe`); other values count as 1
 */
export function undoOrientation(image: DecodedImage, orientation: number): DecodedImage {
  return applyOrientation(image, INVERSE[asOrientation(orientation)]);
}
