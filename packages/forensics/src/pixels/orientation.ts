import type { GreyImage } from './grey-image.js';

/**
 * Applies an EXIF orientation (1..8) to stored pixels, giving the image as it is meant to be displayed — the
 * same transform decoders apply to the main image. Values outside 1..8 are treated as 1 (identity).
 *
 * | value | transform | value | transform |
 * |---|---|---|---|
 * | 1 | none | 5 | transpose (mirror about the main diagonal) |
 * | 2 | mirror left↔right | 6 | rotate 90° clockwise |
 * | 3 | rotate 180° | 7 | transverse (mirror about the anti-diagonal) |
 * | 4 | mirror top↔bottom | 8 | rotate 90° counter-clockwise |
 *
 * @example applyOrientation({ width: 2, height: 1, data: Float64Array.of(1, 2) }, 6).data // [1, 2] as a 1×2 column
 */
export function applyOrientation(image: GreyImage, orientation: number): GreyImage {
  const { width: w, height: h, data } = image;
  const swap = orientation >= 5 && orientation <= 8;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Float64Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const [sx, sy] = storedPosition(orientation, x, y, w, h);
      out[y * ow + x] = data[sy * w + sx]!;
    }
  }
  return { width: ow, height: oh, data: out };
}

/** The stored pixel shown at display position (x, y), for a stored image of w×h. */
function storedPosition(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, h - 1 - x];
    case 7:
      return [w - 1 - y, h - 1 - x];
    case 8:
      return [w - 1 - y, x];
    default:
      return [x, y];
  }
}
