/**
 * PDQ hashes of an image and of crops of it, for the candidate search: a claim photo that is a crop of a reference
 * matches one of the reference's crops, and a reference shown inside a larger claim photo (a phone screenshot, a
 * letter-boxed copy) matches one of the claim's windows.
 *
 * Each crop is area-averaged to 64×64 luma from a ≤ 256 px thumbnail and hashed with PDQ's 16×16 DCT and median
 * threshold (the reference hasher's steps after its own downsampling), so the hashes are PDQ hashes of the crops,
 * within a few bits of what Meta's hasher gives on the same pixels.
 */
import { dct64To16 } from '../pdq/dct.js';
import { DIHEDRAL_VARIANTS, dihedralDct } from '../pdq/dihedral.js';
import { hashWordsFromDct } from '../pdq/hash256.js';
import { hamming256 } from './hamming256.js';
import { shrinkArea, type Plane } from './plane.js';

/** 32-bit words per 256-bit hash. */
export const HASH_WORDS = 8;
const THUMB_SIDE = 256;

/** A crop as fractions of the frame (0..1). */
export interface CropBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Hashes with the crop and dihedral variant each was taken from; parallel arrays. */
export interface CropHashes {
  readonly count: number;
  /** {@link HASH_WORDS} words per hash. */
  readonly words: Uint32Array;
  /** x, y, w, h (fractions of the frame) per hash. */
  readonly boxes: Float32Array;
  /** Index into `DIHEDRAL_VARIANTS` per hash (0 = as is). */
  readonly variants: Uint8Array;
}

/** A luma plane shrunk so its longer side is at most 256 px, the base every crop is cut from. */
export function hashThumbnail(luma: Plane): Plane {
  const scale = Math.min(1, THUMB_SIDE / Math.max(luma.width, luma.height));
  if (scale === 1) return luma;
  return shrinkArea(luma, Math.max(1, Math.round(luma.width * scale)), Math.max(1, Math.round(luma.height * scale)));
}

/** Bounding box (fractions) of the content inside uniform borders (letter-boxing, padding), ≥ 10 % per side kept. */
export function contentBox(thumb: Plane): CropBox {
  const { width: w, height: h, data } = thumb;
  const border = data[0]!;
  const flatRow = (y: number) => {
    for (let x = 0; x < w; x++) if (Math.abs(data[y * w + x]! - border) > 12) return false;
    return true;
  };
  const flatCol = (x: number) => {
    for (let y = 0; y < h; y++) if (Math.abs(data[y * w + x]! - border) > 12) return false;
    return true;
  };
  let top = 0;
  let bottom = h - 1;
  let left = 0;
  let right = w - 1;
  while (top < h * 0.45 && flatRow(top)) top++;
  while (bottom > h * 0.55 && flatRow(bottom)) bottom--;
  while (left < w * 0.45 && flatCol(left)) left++;
  while (right > w * 0.55 && flatCol(right)) right--;
  return { x: left / w, y: top / h, w: (right - left + 1) / w, h: (bottom - top + 1) / h };
}

/**
 * Hashes the given crops of a thumbnail; for each crop the variants listed (indices into `DIHEDRAL_VARIANTS`,
 * default only the crop as is).
 */
export function hashCrops(thumb: Plane, boxes: readonly CropBox[], variants: readonly number[] = [0]): CropHashes {
  const count = boxes.length * variants.length;
  const words = new Uint32Array(count * HASH_WORDS);
  const outBoxes = new Float32Array(count * 4);
  const outVariants = new Uint8Array(count);
  let k = 0;
  for (const box of boxes) {
    const crop = shrinkArea(thumb, 64, 64, {
      x: box.x * thumb.width,
      y: box.y * thumb.height,
      w: box.w * thumb.width,
      h: box.h * thumb.height,
    });
    const dct = dct64To16(crop.data);
    for (const variant of variants) {
      const w16 = hashWordsFromDct(variant === 0 ? dct : dihedralDct(dct, DIHEDRAL_VARIANTS[variant]!));
      for (let i = 0; i < HASH_WORDS; i++) words[k * HASH_WORDS + i] = (w16[2 * i]! | (w16[2 * i + 1]! << 16)) >>> 0;
      outBoxes.set([box.x, box.y, box.w, box.h], k * 4);
      outVariants[k] = variant;
      k++;
    }
  }
  return { count, words, boxes: outBoxes, variants: outVariants };
}

/** The crops hashed for a reference: the whole frame, centre crops, and grids of crops at 70 % and 50 %. */
export function referenceCrops(): CropBox[] {
  const boxes: CropBox[] = [
    { x: 0, y: 0, w: 1, h: 1 },
    { x: 0.075, y: 0.075, w: 0.85, h: 0.85 },
  ];
  for (const size of [0.7, 0.5]) {
    const steps = [0, (1 - size) / 2, 1 - size];
    for (const y of steps) for (const x of steps) boxes.push({ x, y, w: size, h: size });
  }
  for (const at of [0, 0.15, 0.3]) {
    boxes.push({ x: 0, y: at, w: 1, h: 0.7 }, { x: at, y: 0, w: 0.7, h: 1 });
  }
  return boxes;
}

/**
 * The windows hashed in a claim photo where a reference may sit inside a larger frame: full-width bands and
 * full-height bands of 70 % and 50 % sliding in steps of 15 %, and centred boxes.
 */
export function claimWindows(): CropBox[] {
  const boxes: CropBox[] = [];
  for (const size of [0.7, 0.5]) {
    for (let at = 0; at <= 1 - size + 1e-9; at += 0.15) {
      const start = Math.min(at, 1 - size);
      boxes.push({ x: 0, y: start, w: 1, h: size }, { x: start, y: 0, w: size, h: 1 });
    }
  }
  boxes.push({ x: 0.1, y: 0.1, w: 0.8, h: 0.8 }, { x: 0.2, y: 0.2, w: 0.6, h: 0.6 });
  return boxes;
}

/** Hamming distance between hash `i` of `a` and hash `j` of `b`, in bits (0..256). */
export function hashDistance(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  return hamming256(a, i * HASH_WORDS, b, j * HASH_WORDS);
}
