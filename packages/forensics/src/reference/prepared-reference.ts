/**
 * Preparing a reference photo (a merchant's listing or packing photo) once, so that any number of claim photos can
 * be matched against it: decode once, hash the whole frame and its crops, extract local features of the image and
 * of its mirror image, and keep a small colour copy for the difference map.
 */
import { DEFAULT_LIMITS, type DecodeLimits } from '../limits.js';
import { DecodeError, type DecodeFailure, type ForensicPorts } from '../ports.js';
import { sniffFormat } from '../sniff.js';
import { hashCrops, hashThumbnail, referenceCrops } from './crop-hashes.js';
import { extractFeatures, type Features } from './orb.js';
import { mirrorX } from './plane.js';
import { DIFF_MAX_SIDE, FEATURE_MAX_SIDE, lumaPlane, shrinkDecoded } from './working-image.js';

/** Format tag of {@link PreparedReference}; bumped whenever the layout or the algorithms change. */
export const PREPARED_REFERENCE_VERSION = 'proofdesk.reference.v3';

/**
 * A reference photo prepared for matching. A plain object of numbers, strings and typed arrays: it can be kept in
 * memory for many checks, or serialised (structured clone, or any typed-array codec) and persisted.
 */
export interface PreparedReference {
  readonly ok: true;
  readonly version: typeof PREPARED_REFERENCE_VERSION;
  /** Display name (the file name or the merchant's label). */
  readonly file: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** Width and height of the photo after EXIF orientation, in pixels. */
  readonly width: number;
  readonly height: number;
  /** PDQ hashes of the whole frame and of crops, 8 words each (see `crop-hashes.ts`). */
  readonly hashes: Uint32Array;
  /** x, y, w, h per hash, as fractions of the frame. */
  readonly hashBoxes: Float32Array;
  /** Size of the frame the features are in, in pixels (the photo shrunk to ≤ 1024 px). */
  readonly featureWidth: number;
  readonly featureHeight: number;
  readonly features: Features;
  /** Features of the mirror image (left↔right), positions in the mirrored frame. */
  readonly mirroredFeatures: Features;
  /** Colour copy for the difference map: interleaved RGB, ≤ `DIFF_MAX_SIDE` (384) px on the longer side. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly pixels: Uint8Array;
}

/** Why a reference could not be prepared. */
export interface ReferenceFailure {
  readonly ok: false;
  readonly reason: DecodeFailure | 'featureless';
  readonly message: string;
}

/** A reference photo to prepare: its display name, bytes and SHA-256 (hex). */
export interface ReferenceInput {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Options of {@link prepareReference}. */
export interface PrepareReferenceOptions {
  readonly limits?: Partial<DecodeLimits>;
  /** Keypoints kept per orientation (default 1000). */
  readonly maxFeatures?: number;
}

/** Fewer keypoints than this and a reference cannot be confirmed against anything (a flat or tiny image). */
const MIN_REFERENCE_FEATURES = 12;

function failure(reason: ReferenceFailure['reason'], message: string): ReferenceFailure {
  return { ok: false, reason, message };
}

/**
 * Prepares a reference photo for matching. Never throws for bad input: an oversized, unsupported, truncated or
 * featureless image yields `{ ok: false, reason, message }`.
 * @param input the photo's display name, bytes and SHA-256
 * @param ports the image decoder (one shrink-on-load decode to ≤ 1024 px, RGB, EXIF orientation applied)
 * @example
 * const ref = await prepareReference({ file: 'listing.jpg', bytes, sha256 }, ports);
 * if (ref.ok) await checkPhoto(claim, ports, { references: [ref] });
 */
export async function prepareReference(
  input: ReferenceInput,
  ports: Pick<ForensicPorts, 'decoder'>,
  options: PrepareReferenceOptions = {},
): Promise<PreparedReference | ReferenceFailure> {
  const { maxBytes, maxPixels } = { ...DEFAULT_LIMITS, ...options.limits };
  const { bytes } = input;
  if (bytes.length > maxBytes) return failure('too_large', `the file is ${bytes.length} bytes, over ${maxBytes}`);
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported') return failure('unsupported', `not a supported image (${sniffed.what})`);
  let width: number;
  let height: number;
  let decoded;
  try {
    const header = await ports.decoder.probe(bytes, sniffed.format);
    if (header.width * header.height > maxPixels) {
      return failure('too_large', `${header.width}×${header.height} is over the ${maxPixels}-pixel limit`);
    }
    const swap = header.orientation >= 5 && header.orientation <= 8;
    width = swap ? header.height : header.width;
    height = swap ? header.width : header.height;
    decoded = await ports.decoder.decode(bytes, sniffed.format, { maxSide: FEATURE_MAX_SIDE, maxPixels });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failure(error instanceof DecodeError ? error.reason : 'corrupt', message);
  }
  const luma = lumaPlane(decoded);
  const maxFeatures = options.maxFeatures ?? 1000;
  const features = extractFeatures(luma, { maxFeatures });
  if (features.count < MIN_REFERENCE_FEATURES) {
    return failure('featureless', `only ${features.count} keypoints: the image is too flat or too small to match`);
  }
  const mirroredFeatures = extractFeatures(mirrorX(luma), { maxFeatures });
  const hashes = hashCrops(hashThumbnail(luma), referenceCrops());
  const small = shrinkDecoded(decoded, DIFF_MAX_SIDE);
  const pixels = small.channels === 3 ? small.data : expandGrey(small.data);
  return {
    ok: true,
    version: PREPARED_REFERENCE_VERSION,
    file: input.file,
    sha256: input.sha256,
    width,
    height,
    hashes: hashes.words,
    hashBoxes: hashes.boxes,
    featureWidth: luma.width,
    featureHeight: luma.height,
    features,
    mirroredFeatures,
    pixelWidth: small.width,
    pixelHeight: small.height,
    pixels,
  };
}

function expandGrey(grey: Uint8Array): Uint8Array {
  const out = new Uint8Array(grey.length * 3);
  for (let i = 0; i < grey.length; i++) out.fill(grey[i]!, i * 3, i * 3 + 3);
  return out;
}
