/**
 * RGB → luminance as Meta's reference PDQ computes it (`fillFloatLumaFromRGB` / `fillFloatLumaFromGrey`):
 * Y = 0.299·R + 0.587·G + 0.114·B evaluated in IEEE single precision, left to right, one rounding per operation.
 */
import type { DecodedImage } from '../ports.js';
import { invalidArgument } from './arguments.js';

const fround = Math.fround;
/** The reference's coefficients are C `float` constants: the nearest single-precision values. */
const LUMA_R = fround(0.299);
const LUMA_G = fround(0.587);
const LUMA_B = fround(0.114);

/**
 * Luminance of an 8-bit image, row-major, one value per pixel in 0..255 (single precision).
 * A grey image's luminance is its value, as in the reference.
 * @param image interleaved pixels, 1 (grey) or 3 (RGB) channels, `data.length = width × height × channels`
 * @returns `width × height` values, row-major
 * @throws {TypeError} when `data` does not hold `width × height × channels` bytes
 */
export function lumaFromPixels(image: DecodedImage): Float32Array {
  const { width, height, channels, data } = image;
  const count = width * height;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 0 ||
    height < 0 ||
    data.length !== count * channels
  ) {
    throw invalidArgument('image', `${width}×${height}×${channels} bytes of pixels`, data.length);
  }
  const luma = new Float32Array(count);
  if (channels === 1) {
    for (let i = 0; i < count; i++) luma[i] = data[i]!;
    return luma;
  }
  for (let i = 0, p = 0; i < count; i++, p += 3) {
    luma[i] = fround(fround(fround(LUMA_R * data[p]!) + fround(LUMA_G * data[p + 1]!)) + fround(LUMA_B * data[p + 2]!));
  }
  return luma;
}
