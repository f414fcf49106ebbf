/**
 * Meta's PDQ perceptual hash (256 bits + a quality score), step for step as the reference C++ hasher
 * (facebook/ThreatExchange `pdq/cpp`): pre-shrink to 512×512 when larger, luminance, two-pass Jarosz tent filter,
 * decimation to 64×64, quality from gradients, 16×16 DCT, threshold at the median.
 */
import type { DecodedImage } from '../ports.js';
import { DIHEDRAL_VARIANTS, dihedralDct, type DihedralVariant } from './dihedral.js';
import { dct64To16 } from './dct.js';
import { downsizeLikeReference } from './downsize.js';
import { hashWordsFromDct, hexFromWords, type PdqHex } from './hash256.js';
import { decimate, jaroszFilter, jaroszWindowSize } from './jarosz.js';
import { lumaFromPixels } from './luma.js';
import { pdqQuality } from './quality.js';

/** Images with a side shorter than this many pixels get the all-zero hash and quality 0, as in the reference. */
export const PDQ_MIN_SIDE = 5;
/** Box-filter passes along each axis (two make a tent). */
const JAROSZ_PASSES = 2;
const ZERO_HASH: PdqHex = '0'.repeat(64);

/** A PDQ hash and its quality. */
export interface PdqHash {
  /** 64 lowercase hex digits in the reference's order. */
  readonly hash: PdqHex;
  /** 0..100; below 50 the hash says little (flat or featureless image). */
  readonly quality: number;
}

/** The PDQ hashes of an image and of its seven rotations and mirror images. */
export interface PdqDihedralHashes {
  readonly hashes: Readonly<Record<DihedralVariant, PdqHex>>;
  readonly quality: number;
}

/** Blur and decimate a luminance image to 64×64 (the reference's `jaroszFilterFloat` + `decimateFloat`). */
function downsampleTo64(luma: Float32Array, rows: number, cols: number): Float32Array {
  const scratch = new Float32Array(rows * cols);
  jaroszFilter(luma, scratch, rows, cols, jaroszWindowSize(cols, 64), jaroszWindowSize(rows, 64), JAROSZ_PASSES);
  return decimate(luma, rows, cols, 64, 64);
}

/**
 * PDQ of a luminance image (the reference's `pdqHash256FromFloatLuma`). A 64×64 input is taken as already
 * downsampled, as in the reference.
 * @param luma `rows × cols` luminance values 0..255, row-major; overwritten (it is the filter's work buffer)
 * @param rows image height in pixels
 * @param cols image width in pixels
 */
export function pdqHashFromLuma(luma: Float32Array, rows: number, cols: number): PdqHash {
  if (rows < PDQ_MIN_SIDE || cols < PDQ_MIN_SIDE) return { hash: ZERO_HASH, quality: 0 };
  const image64 = rows === 64 && cols === 64 ? luma.slice() : downsampleTo64(luma, rows, cols);
  const quality = pdqQuality(image64);
  return { hash: hexFromWords(hashWordsFromDct(dct64To16(image64))), quality };
}

/**
 * PDQ of the eight dihedral variants of a luminance image, from one DCT (the reference's
 * `pdqDihedralHash256esFromFloatLuma`; unlike {@link pdqHashFromLuma} it filters a 64×64 input too).
 * @param luma `rows × cols` luminance values, row-major; overwritten
 */
export function pdqDihedralHashesFromLuma(luma: Float32Array, rows: number, cols: number): PdqDihedralHashes {
  const entries = (hash: (variant: DihedralVariant) => PdqHex) =>
    Object.fromEntries(DIHEDRAL_VARIANTS.map((variant) => [variant, hash(variant)])) as Record<DihedralVariant, PdqHex>;
  if (rows < PDQ_MIN_SIDE || cols < PDQ_MIN_SIDE) return { hashes: entries(() => ZERO_HASH), quality: 0 };
  const image64 = downsampleTo64(luma, rows, cols);
  const quality = pdqQuality(image64);
  const dct16 = dct64To16(image64);
  return { hashes: entries((variant) => hexFromWords(hashWordsFromDct(dihedralDct(dct16, variant)))), quality };
}

/**
 * PDQ of decoded pixels as the reference photo hasher computes it (`pdqHash256FromFile` after decoding):
 * shrink to 512×512 by nearest neighbour when a side exceeds 512 px, then luminance and hash.
 * @param image pixels as stored in the file (EXIF orientation NOT applied: see `undoOrientation`), 1 or 3 channels
 * @example pdqHash({ width: 64, height: 64, channels: 1, data }) // { hash: '…64 hex…', quality: 0..100 }
 */
export function pdqHash(image: DecodedImage): PdqHash {
  const shrunk = downsizeLikeReference(image);
  return pdqHashFromLuma(lumaFromPixels(shrunk), shrunk.height, shrunk.width);
}

/**
 * PDQ of decoded pixels and of their seven rotations/mirror images, as the reference's
 * `pdqDihedralHash256esFromFile`.
 * @param image pixels as stored, 1 or 3 channels
 */
export function pdqDihedralHashes(image: DecodedImage): PdqDihedralHashes {
  const shrunk = downsizeLikeReference(image);
  return pdqDihedralHashesFromLuma(lumaFromPixels(shrunk), shrunk.height, shrunk.width);
}
