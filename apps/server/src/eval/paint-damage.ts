/**
 * Paints one kind of damage onto a photo, placed on the product (not the background) where there is one, and
 * keeps its exact mask: the pixels the paint visibly changed.
 */
import { paintBurn, paintDent, paintStain } from './damage-areas.js';
import { paintCrack, paintShatteredGlass, paintTear, type DamageStyle } from './damage-lines.js';
import { fromCanvas, toCanvas } from './paint-canvas.js';
import type { Rng } from './prng.js';
import { changedPixels, maskArea, maskBounds, type Box, type MaskRaster, type RgbRaster } from './raster.js';

/** The kinds of damage the generator paints. */
export const DAMAGE_TYPES = ['crack', 'shattered_glass', 'stain', 'dent', 'tear', 'burn'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

/** A pixel belongs to the damage mask when any channel moved by at least this many levels (of 255). */
export const MASK_MIN_DELTA = 12;
/** Damage extent (its box) as a share of the frame: 1–15 %. */
export const DAMAGE_SHARE_RANGE = [0.01, 0.15] as const;
/** Blend strength (opacity of the paint): 0.55–1. */
export const STRENGTH_RANGE = [0.55, 1] as const;

/** What was painted, for the benchmark's records. */
export interface DamageFacts {
  readonly type: DamageType;
  /** The box the damage was drawn into, in the painted photo's pixels. */
  readonly box: Box;
  /** Box area / frame area. */
  readonly boxShare: number;
  /** Mask area / frame area. */
  readonly maskShare: number;
  readonly strength: number;
  /** Whether the box centre fell on the product (foreground) rather than the background. */
  readonly onProduct: boolean;
  readonly style: DamageStyle;
}

/** The painted photo and the mask of what changed, in the same pixel grid. */
export interface PaintedDamage {
  readonly image: RgbRaster;
  readonly mask: MaskRaster;
  readonly facts: DamageFacts;
}

/**
 * A coarse foreground test: pixels that differ from the border's median colour by more than 24 levels in some
 * channel. A white-background listing photo keeps its product; a camera photo is mostly foreground.
 */
export function foregroundTest(image: RgbRaster): (x: number, y: number) => boolean {
  const border: number[][] = [[], [], []];
  const step = Math.max(1, Math.floor(Math.max(image.width, image.height) / 200));
  const push = (x: number, y: number) => {
    for (let c = 0; c < 3; c++) border[c]!.push(image.data[(y * image.width + x) * 3 + c]!);
  };
  for (let x = 0; x < image.width; x += step) {
    push(x, 0);
    push(x, image.height - 1);
  }
  for (let y = 0; y < image.height; y += step) {
    push(0, y);
    push(image.width - 1, y);
  }
  const median = border.map((values) => values.sort((a, b) => a - b)[values.length >> 1]!);
  return (x, y) => {
    const k = (Math.floor(y) * image.width + Math.floor(x)) * 3;
    return [0, 1, 2].some((c) => Math.abs(image.data[k + c]! - median[c]!) > 24);
  };
}

/** A box of `share` of the frame with aspect `aspect`, centred on a foreground pixel when one is found. */
function placeBox(
  image: RgbRaster,
  rng: Rng,
  share: number,
  aspect: number,
  isForeground: (x: number, y: number) => boolean,
): { box: Box; onProduct: boolean } {
  const area = share * image.width * image.height;
  const w = Math.min(image.width, Math.sqrt(area * aspect));
  const h = Math.min(image.height, area / w);
  let cx = rng.uniform(0, image.width);
  let cy = rng.uniform(0, image.height);
  let onProduct = isForeground(cx, cy);
  for (let tries = 0; tries < 200 && !onProduct; tries++) {
    cx = rng.uniform(0, image.width);
    cy = rng.uniform(0, image.height);
    onProduct = isForeground(cx, cy);
  }
  const x = Math.min(image.width - w, Math.max(0, cx - w / 2));
  const y = Math.min(image.height - h, Math.max(0, cy - h / 2));
  return { box: { x, y, w, h }, onProduct };
}

/**
 * Paints damage of `type` with random shape, size, position and strength drawn from `rng`.
 * Tries again (new place and size) when the paint changed too few pixels to be seen: fewer than
 * max(200, 0.05 % of the frame) pixels over {@link MASK_MIN_DELTA}.
 * @throws {Error} when eight attempts all leave the photo practically unchanged
 */
export function paintDamage(image: RgbRaster, type: DamageType, rng: Rng): PaintedDamage {
  const isForeground = foregroundTest(image);
  const frame = image.width * image.height;
  const minArea = Math.max(200, frame * 0.0005);
  for (let attempt = 0; attempt < 8; attempt++) {
    const share = rng.uniform(DAMAGE_SHARE_RANGE[0], DAMAGE_SHARE_RANGE[1]);
    const aspect = type === 'crack' || type === 'tear' ? rng.uniform(1.5, 3.5) : rng.uniform(0.6, 1.6);
    const portrait = rng.chance(0.5);
    const { box, onProduct } = placeBox(image, rng, share, portrait ? 1 / aspect : aspect, isForeground);
    const strength = Math.min(1, rng.uniform(STRENGTH_RANGE[0], STRENGTH_RANGE[1]) + attempt * 0.1);
    const canvas = toCanvas(image);
    let style: DamageStyle;
    switch (type) {
      case 'crack':
        style = paintCrack(canvas, box, strength, rng);
        break;
      case 'shattered_glass':
        style = paintShatteredGlass(canvas, box, strength, rng);
        break;
      case 'stain':
        style = paintStain(canvas, box, strength, rng);
        break;
      case 'dent':
        style = paintDent(canvas, box, strength, rng);
        break;
      case 'tear':
        style = paintTear(canvas, image, box, strength, rng);
        break;
      case 'burn':
        style = paintBurn(canvas, box, strength, rng);
        break;
    }
    const painted = fromCanvas(canvas);
    const mask = changedPixels(image, painted, MASK_MIN_DELTA);
    const area = maskArea(mask);
    if (area < minArea || !maskBounds(mask)) continue;
    const round = (x: number) => Math.round(x * 10000) / 10000;
    const rounded = { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) };
    return {
      image: painted,
      mask,
      facts: {
        type,
        box: rounded,
        boxShare: round((box.w * box.h) / frame),
        maskShare: round(area / frame),
        strength: round(strength),
        onProduct,
        style,
      },
    };
  }
  throw new Error(`paintDamage: ${type} left the ${image.width}×${image.height} photo practically unchanged`);
}
