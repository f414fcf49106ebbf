/**
 * The claim photo's side of the matching, computed once per checked photo: working luma, colour planes, local
 * features and crop hashes.
 */
import type { DecodedImage } from '../ports.js';
import { claimWindows, contentBox, hashCrops, hashThumbnail, type CropHashes } from './crop-hashes.js';
import { extractFeatures, type Features } from './orb.js';
import { toYCbCr, type Plane } from './plane.js';
import { CLAIM_FEATURES } from './working-image.js';

/** Dihedral variant indices: all eight, and as-is + left↔right mirror. */
const ALL_VARIANTS = [0, 1, 2, 3, 4, 5, 6, 7];
const MIRROR_VARIANTS = [0, 5];

/** A claim photo ready to be matched. */
export interface ClaimImage {
  /** Size of the photo after EXIF orientation, in pixels. */
  readonly width: number;
  readonly height: number;
  /** The working decode (≤ `CLAIM_MAX_SIDE` px): its size, luma and Y/Cb/Cr planes. */
  readonly workWidth: number;
  readonly workHeight: number;
  readonly luma: Plane;
  readonly ycc: readonly [Plane, Plane, Plane];
  readonly features: Features;
  /** Whole frame and content box, all eight dihedral variants. */
  readonly wholeHashes: CropHashes;
  /** Windows where a reference may sit inside the frame, as is and mirrored. */
  readonly windowHashes: CropHashes;
}

/**
 * Prepares a claim photo from its working decode.
 * @param work the photo decoded to RGB, EXIF orientation applied, shrunk to ≤ `CLAIM_MAX_SIDE` px
 * @param width the photo's full width after orientation, in pixels (regions are reported at this size)
 * @param height the photo's full height after orientation, in pixels
 */
export function prepareClaim(
  work: DecodedImage,
  width: number,
  height: number,
  maxFeatures = CLAIM_FEATURES,
): ClaimImage {
  return prepareClaimPlanes(toYCbCr(work), width, height, maxFeatures);
}

/** Prepares a claim photo from its working Y, Cb, Cr planes (luma is the Y plane). */
function prepareClaimPlanes(
  ycc: [Plane, Plane, Plane],
  width: number,
  height: number,
  maxFeatures: number,
): ClaimImage {
  const luma = ycc[0];
  const thumb = hashThumbnail(luma);
  const content = contentBox(thumb);
  const whole = [{ x: 0, y: 0, w: 1, h: 1 }];
  if (content.w < 0.97 || content.h < 0.97) whole.push(content);
  return {
    width,
    height,
    workWidth: luma.width,
    workHeight: luma.height,
    luma,
    ycc,
    features: extractFeatures(luma, { maxFeatures, levels: 5 }),
    wholeHashes: hashCrops(thumb, whole, ALL_VARIANTS),
    windowHashes: hashCrops(thumb, claimWindows(), MIRROR_VARIANTS),
  };
}
