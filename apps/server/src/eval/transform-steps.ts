/**
 * The transforms a forged (or untouched) photo goes through before it reaches us, each drawing its parameters
 * from the case's random stream. Geometric steps move the damage mask exactly as they move the picture, so the
 * mask stays in the final photo's own pixel coordinates.
 */
import type { Sharp } from 'sharp';
import { phoneScreenshot } from './phone-screenshot.js';
import type { Rng } from './prng.js';
import { maskBounds, type MaskRaster, type RgbRaster } from './raster.js';
import { decodeRgb, encodeJpeg, FULL_SIZE, sharpMask, sharpRgb } from './sharp-raster.js';

/** Every transform kind, in the order they are applied when combined. */
export const TRANSFORM_KINDS = [
  'crop',
  'rotate',
  'mirror',
  'downscale',
  'color',
  'regenerate',
  'border',
  'screenshot',
  'jpeg',
] as const;
export type TransformKind = (typeof TRANSFORM_KINDS)[number];

/** A picture on its way through the transforms, with its damage mask (none for untouched photos). */
export interface Frame {
  readonly image: RgbRaster;
  readonly mask?: MaskRaster;
  /** The bytes of the last lossy encoding when nothing changed the pixels since. */
  readonly encoded?: Uint8Array;
}

/** A transform as applied, with the parameters drawn for it. */
export interface AppliedStep {
  readonly kind: TransformKind;
  readonly params: Readonly<Record<string, number | string>>;
}

const BACKGROUNDS = ['#ffffff', '#000000', '#f2f2f2', '#202020', '#e8f0ff', '#fff3e0'] as const;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Applies the same geometric pipeline to the picture and (when present) its mask. */
async function geometric(frame: Frame, build: (s: Sharp) => Sharp): Promise<Frame> {
  const image = await sharpRgb(frame.image, build);
  if (!frame.mask) return { image };
  return { image, mask: await sharpMask(frame.mask, build) };
}

/** Encodes to JPEG and decodes back, keeping the bytes. */
async function jpegRoundTrip(frame: Frame, quality: number): Promise<Frame> {
  const bytes = await encodeJpeg(frame.image, quality);
  const image = await decodeRgb(bytes, FULL_SIZE);
  return { image, ...(frame.mask ? { mask: frame.mask } : {}), encoded: bytes };
}

/** A crop window of 70–100 % of each side, placed so it keeps the damage's box when that fits. */
function cropWindow(frame: Frame, rng: Rng) {
  const { width, height } = frame.image;
  const w = Math.max(16, Math.round(width * rng.uniform(0.7, 1)));
  const h = Math.max(16, Math.round(height * rng.uniform(0.7, 1)));
  const bounds = frame.mask ? maskBounds(frame.mask) : undefined;
  const place = (size: number, total: number, lo?: number, extent?: number) => {
    let min = 0;
    let max = total - size;
    if (lo !== undefined && extent !== undefined) {
      // Keep [lo, lo + extent) inside when it fits, else keep its centre.
      const keepLo = extent <= size ? lo : lo + extent / 2 - 1;
      const keepHi = extent <= size ? lo + extent : lo + extent / 2 + 1;
      min = Math.max(min, Math.ceil(keepHi - size));
      max = Math.min(max, Math.floor(keepLo));
    }
    return min >= max ? Math.max(0, Math.min(total - size, min)) : rng.int(min, max);
  };
  return {
    left: place(w, width, bounds?.x, bounds?.w),
    top: place(h, height, bounds?.y, bounds?.h),
    width: w,
    height: h,
  };
}

/** Additive Gaussian noise of standard deviation `sigma` levels, per channel (drawn from a table of 4096). */
function addNoise(image: RgbRaster, sigma: number, rng: Rng): RgbRaster {
  const table = Float32Array.from({ length: 4096 }, () => rng.gaussian() * sigma);
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.min(255, Math.max(0, Math.round(image.data[i]! + table[(rng.next() * 4096) | 0]!)));
  }
  return { width: image.width, height: image.height, data };
}

/** Padding (pixels per side) that brings a picture to aspect ratio `target` (width / height). */
function letterbox(width: number, height: number, target: number) {
  if (width / height < target) {
    const extra = Math.round(height * target) - width;
    return { top: 0, bottom: 0, left: Math.floor(extra / 2), right: Math.ceil(extra / 2) };
  }
  const extra = Math.round(width / target) - height;
  return { top: Math.floor(extra / 2), bottom: Math.ceil(extra / 2), left: 0, right: 0 };
}

/**
 * Applies one transform of `kind` with parameters drawn from `rng`:
 * jpeg q60–95; downscale to 25–100 %; crop to 70–100 % of each side; rotation ±1–10°; mirroring;
 * brightness, contrast and saturation each ×0.8–1.2; a border (2–12 % of the short side) or letter-boxing to
 * 1:1, 4:5, 9:16 or 16:9; a phone screenshot; light regeneration (blur σ 0.4–1.0, noise σ 1.5–4, JPEG q75–90).
 */
export async function applyStep(
  kind: TransformKind,
  frame: Frame,
  rng: Rng,
): Promise<{ frame: Frame; step: AppliedStep }> {
  const { width, height } = frame.image;
  switch (kind) {
    case 'jpeg': {
      const quality = rng.int(60, 95);
      return { frame: await jpegRoundTrip(frame, quality), step: { kind, params: { quality } } };
    }
    case 'downscale': {
      const factor = rng.uniform(0.25, 1);
      const w = Math.max(8, Math.round(width * factor));
      const h = Math.max(8, Math.round(height * factor));
      const out = await geometric(frame, (s) => s.resize(w, h, { fit: 'fill', kernel: 'lanczos3' }));
      return { frame: out, step: { kind, params: { factor: round3(factor), width: w, height: h } } };
    }
    case 'crop': {
      const window = cropWindow(frame, rng);
      const out = await geometric(frame, (s) => s.extract(window));
      return { frame: out, step: { kind, params: window } };
    }
    case 'rotate': {
      const degrees = round3(rng.uniform(1, 10) * (rng.chance(0.5) ? 1 : -1));
      const background = rng.pick(BACKGROUNDS.slice(0, 2));
      const image = await sharpRgb(frame.image, (s) => s.rotate(degrees, { background }));
      const mask = frame.mask && (await sharpMask(frame.mask, (s) => s.rotate(degrees, { background: '#000000' })));
      return { frame: { image, ...(mask ? { mask } : {}) }, step: { kind, params: { degrees, background } } };
    }
    case 'mirror':
      return { frame: await geometric(frame, (s) => s.flop()), step: { kind, params: {} } };
    case 'color': {
      const brightness = round3(rng.uniform(0.8, 1.2));
      const contrast = round3(rng.uniform(0.8, 1.2));
      const saturation = round3(rng.uniform(0.8, 1.2));
      const image = await sharpRgb(frame.image, (s) =>
        s.linear(contrast, 128 * (1 - contrast)).modulate({ brightness, saturation }),
      );
      return {
        frame: { image, ...(frame.mask ? { mask: frame.mask } : {}) },
        step: { kind, params: { brightness, contrast, saturation } },
      };
    }
    case 'border': {
      const colour = rng.pick(BACKGROUNDS);
      const boxed = rng.chance(0.5);
      const aspect = rng.pick([1, 4 / 5, 9 / 16, 16 / 9].filter((a) => Math.abs(a - width / height) > 0.05));
      const side = Math.round(Math.min(width, height) * rng.uniform(0.02, 0.12));
      const pad = boxed ? letterbox(width, height, aspect) : { top: side, bottom: side, left: side, right: side };
      const image = await sharpRgb(frame.image, (s) => s.extend({ ...pad, background: colour }));
      const mask = frame.mask && (await sharpMask(frame.mask, (s) => s.extend({ ...pad, background: '#000000' })));
      return {
        frame: { image, ...(mask ? { mask } : {}) },
        step: { kind, params: { style: boxed ? 'letterbox' : 'border', colour, ...pad } },
      };
    }
    case 'screenshot': {
      const shot = await phoneScreenshot(frame.image, frame.mask, rng);
      return {
        frame: { image: shot.image, ...(shot.mask ? { mask: shot.mask } : {}) },
        step: { kind, params: shot.params },
      };
    }
    case 'regenerate': {
      const blurSigma = round3(rng.uniform(0.4, 1.0));
      const noiseSigma = round3(rng.uniform(1.5, 4));
      const quality = rng.int(75, 90);
      const blurred = await sharpRgb(frame.image, (s) => s.blur(blurSigma));
      const noisy = addNoise(blurred, noiseSigma, rng);
      const out = await jpegRoundTrip({ image: noisy, ...(frame.mask ? { mask: frame.mask } : {}) }, quality);
      return { frame: out, step: { kind, params: { blurSigma, noiseSigma, quality } } };
    }
  }
}
