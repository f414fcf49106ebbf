/**
 * How a claim photo relates to its reference, in the photos' own pixels: the homography between them, and the
 * scale, rotation, mirroring and crop a reviewer can read.
 */
import type { ClaimImage } from './claim-image.js';
import { applyHomography, compose, describeLocal, invert, scaleTranslate, type Homography } from './homography.js';
import type { PreparedReference } from './prepared-reference.js';

/** The transform taking the reference to the claim photo. */
export interface ReferenceTransform {
  /** Claim pixels per reference pixel (e.g. 0.25 for a copy downscaled to a quarter). */
  readonly scale: number;
  /** Rotation in degrees, clockwise positive in image coordinates (y down), after undoing any mirroring. */
  readonly rotationDeg: number;
  /** Whether the copy is a mirror image (left↔right, or any reflection). */
  readonly mirrored: boolean;
  /** Share of the reference frame visible in the claim photo, 0..1 (0.7 × 0.7 ≈ 0.49 for a 70 % crop). */
  readonly visibleShare: number;
}

/**
 * Claim pixels → reference pixels (both full size, after EXIF orientation).
 * @param h claim working pixels → reference feature pixels
 */
export function claimToReference(h: Homography, claim: ClaimImage, ref: PreparedReference): Homography {
  const toWork = scaleTranslate(claim.workWidth / claim.width, claim.workHeight / claim.height);
  const toFull = scaleTranslate(ref.width / ref.featureWidth, ref.height / ref.featureHeight);
  return compose(toFull, compose(h, toWork));
}

/** Reads scale, rotation, mirroring and visible share off a claim → reference homography (full pixels). */
export function describeTransform(toRef: Homography, claim: ClaimImage, ref: PreparedReference): ReferenceTransform {
  const toClaim = invert(toRef);
  if (!toClaim) return { scale: 0, rotationDeg: 0, mirrored: false, visibleShare: 0 };
  const cx = ref.width / 2;
  const cy = ref.height / 2;
  const local = describeLocal(toClaim, cx, cy);
  // Rotation of the unmirrored map: compose with a left↔right flip of the reference first.
  const unmirrored = local.mirrored ? compose(toClaim, Float64Array.of(-1, 0, ref.width, 0, 1, 0, 0, 0, 1)) : toClaim;
  const rotationDeg = describeLocal(unmirrored, ref.width - cx, cy).rotationDeg;
  const n = 32;
  let visible = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [x, y] = applyHomography(toClaim, ((i + 0.5) / n) * ref.width, ((j + 0.5) / n) * ref.height);
      if (x >= 0 && y >= 0 && x <= claim.width && y <= claim.height) visible++;
    }
  }
  return { scale: local.scale, rotationDeg, mirrored: local.mirrored, visibleShare: visible / (n * n) };
}
