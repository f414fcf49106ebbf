import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Region } from '@proofdesk/forensics';
import { fixturePath } from './paths.js';

/**
 * Deterministic forgeries built from real fixture photos for the tamper-signal tests: the same inputs always give
 * the same bytes. Every helper returns the forged file and the box (in the forged photo's displayed pixels) that
 * was changed, so a test can measure how well a signal localises it.
 */
export interface Forgery {
  readonly bytes: Uint8Array;
  readonly region: Region;
}

/** A fraction-of-the-frame box: [x, y, w, h] as shares of width and height. */
export type ShareBox = readonly [number, number, number, number];

interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Reads a fixture (`camera/…`, `listing/…`) as bytes. */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(...relative.split('/')));
}

async function pixels(bytes: Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(bytes).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Odd pixel offsets, so a pasted box never lines up with the 8×8 JPEG grid by accident. */
function box(p: Pixels, share: ShareBox): Region {
  return {
    x: Math.round(share[0] * p.width) | 1,
    y: Math.round(share[1] * p.height) | 1,
    w: Math.round(share[2] * p.width),
    h: Math.round(share[3] * p.height),
  };
}

async function jpeg(p: Pixels, quality: number): Promise<Buffer> {
  return sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** A re-saved copy of a photo at `quality` (what a messaging app or a download from a shop does). */
export async function resaved(bytes: Uint8Array, quality: number): Promise<Buffer> {
  return jpeg(await pixels(bytes), quality);
}

/** A seeded normal random generator (LCG + Box–Muller), so noisy patches are the same on every run. */
function normal(seed: number): () => number {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

/** Options of {@link splice}. */
export interface SpliceOptions {
  /** Where the donor goes. Default: right of centre, 25 % × 30 % of the frame. */
  readonly at?: ShareBox;
  /** Compress the donor at this quality first (a region copied from another JPEG). Default: not compressed. */
  readonly donorQuality?: number;
  /** Add Gaussian noise of this σ (grey levels) to the donor (a patch from a noisier camera). Default 0. */
  readonly donorNoise?: number;
  /** Save the result as JPEG at this quality, or as PNG when `'png'`. Default 90. */
  readonly output?: number | 'png';
}

/** Pastes (a resized crop of) `donor` into `host` and saves the result once. */
export async function splice(host: Uint8Array, donor: Uint8Array, options: SpliceOptions = {}): Promise<Forgery> {
  const p = await pixels(host);
  const region = box(p, options.at ?? [0.55, 0.3, 0.25, 0.3]);
  let patch = sharp(donor).rotate().removeAlpha().resize(region.w, region.h, { fit: 'cover' });
  if (options.donorQuality !== undefined) {
    patch = sharp(await patch.jpeg({ quality: options.donorQuality }).toBuffer());
  }
  const d = await patch.raw().toBuffer();
  const noise = normal(7);
  const sigma = options.donorNoise ?? 0;
  for (let y = 0; y < region.h; y++) {
    for (let x = 0; x < region.w; x++) {
      const n = sigma > 0 ? noise() * sigma : 0;
      for (let c = 0; c < 3; c++) {
        const v = d[(y * region.w + x) * 3 + c]! + n;
        p.data[((region.y + y) * p.width + region.x + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  return { bytes: await save(p, options.output ?? 90), region };
}

/** Options of {@link paintStain}. */
export interface StainOptions {
  /** The stain's bounding box. Default: a little left of centre, 18 % × 14 % of the frame. */
  readonly at?: ShareBox;
  /** Peak opacity 0..1 (edges fade out over the outer quarter). Default 0.75. */
  readonly opacity?: number;
  /** Save as JPEG at this quality, or as PNG when `'png'`. Default 90. */
  readonly output?: number | 'png';
}

/** Paints a smooth brown elliptical stain (a coffee or rust mark) onto the photo and saves it once. */
export async function paintStain(host: Uint8Array, options: StainOptions = {}): Promise<Forgery> {
  const p = await pixels(host);
  const region = box(p, options.at ?? [0.4, 0.45, 0.18, 0.14]);
  const cx = region.x + region.w / 2;
  const cy = region.y + region.h / 2;
  const colour = [120, 85, 50];
  const opacity = options.opacity ?? 0.75;
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const d = Math.hypot((x - cx) / (region.w / 2), (y - cy) / (region.h / 2));
      if (d >= 1) continue;
      const a = opacity * Math.min(1, (1 - d) * 4);
      for (let c = 0; c < 3; c++) {
        const i = (y * p.width + x) * 3 + c;
        p.data[i] = Math.round(p.data[i]! * (1 - a) + colour[c]! * a);
      }
    }
  }
  return { bytes: await save(p, options.output ?? 90), region };
}

async function save(p: Pixels, output: number | 'png'): Promise<Buffer> {
  if (output === 'png') {
    return sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
      .png()
      .toBuffer();
  }
  return jpeg(p, output);
}

/**
 * The same JPEG with an EXIF block holding only `Orientation`, inserted after SOI without re-encoding (the
 * compression history stays exactly as it was). The caller's pixels become the *stored* pixels.
 */
export function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // "Exif\0\0", little-endian TIFF header, IFD0 at 8 with one entry: 0x0112 SHORT ×1 = orientation; no next IFD.
  const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00];
  tiff.push(0x01, 0x00, 0x00, 0x00, orientation & 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  const body = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const length = body.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...body];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}
