/**
 * `hashPhoto`: bytes in, PDQ hash out, under the same decode limits as `checkPhoto`. Shared by the server and the
 * CLI (`proofdesk hash`).
 *
 * Pixels are hashed as Meta's reference hasher sees them: full-resolution decode, EXIF orientation undone (the
 * reference ignores it), no colour-profile conversion (the decoder's business: it must not convert to sRGB), then
 * the reference's nearest-neighbour pre-shrink to 512×512 and PDQ.
 */
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import type { DihedralVariant } from './pdq/dihedral.js';
import type { PdqHex } from './pdq/hash256.js';
import { undoOrientation } from './pdq/orientation.js';
import { pdqDihedralHashes, pdqHash } from './pdq/pdq-hash.js';
import { DecodeError, type DecodeFailure, type ForensicPorts, type ImageHeader } from './ports.js';
import { sniffFormat, type ImageFormat } from './sniff.js';

/** A photo's PDQ hash. */
export interface PhotoHash {
  readonly ok: true;
  /** 64 lowercase hex digits, the reference's text form. */
  readonly hash: PdqHex;
  /** 0..100; below 50 the hash says little. */
  readonly quality: number;
  /** Width and height of the image as stored in the file (before EXIF orientation), in pixels. */
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1..8 the file declares (undone before hashing). */
  readonly orientation: number;
  readonly format: ImageFormat;
  /** The hashes of the seven rotations/mirror images too, when asked for (`dihedral: true`). */
  readonly dihedral?: Readonly<Record<DihedralVariant, PdqHex>>;
}

/** Why a photo could not be hashed: a {@link DecodeFailure} reason and a message naming the cause. */
export interface PhotoHashFailure {
  readonly ok: false;
  readonly reason: DecodeFailure;
  readonly message: string;
}

/** Options of {@link hashPhoto}. */
export interface HashPhotoOptions {
  /** Also compute the seven dihedral variants' hashes (from the same DCT; about 1 ms more). */
  readonly dihedral?: boolean;
}

function failure(reason: DecodeFailure, message: string): PhotoHashFailure {
  return { ok: false, reason, message };
}

function fromError(error: unknown): PhotoHashFailure {
  const message = error instanceof Error ? error.message : String(error);
  return failure(error instanceof DecodeError ? error.reason : 'corrupt', message);
}

/**
 * Hashes one photo with PDQ. Never throws for bad input: a file over the byte limit, an unsupported or hostile
 * format, a decompression bomb over the pixel limit, a truncated or corrupt image all yield `{ ok: false, reason }`.
 * @param bytes the file's bytes
 * @param ports the image decoder (only `decoder` is used)
 * @param limits byte and pixel limits, as for `checkPhoto` (defaults: {@link DEFAULT_LIMITS})
 * @example const result = await hashPhoto(bytes, ports, config.limits); if (result.ok) console.log(result.hash);
 */
export async function hashPhoto(
  bytes: Uint8Array,
  ports: Pick<ForensicPorts, 'decoder'>,
  limits: Partial<DecodeLimits> = {},
  options: HashPhotoOptions = {},
): Promise<PhotoHash | PhotoHashFailure> {
  const { maxBytes, maxPixels } = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > maxBytes) {
    return failure('too_large', `the file is ${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported')
    return failure('unsupported', `the bytes are not a supported image (found: ${sniffed.what})`);
  const { format } = sniffed;

  let header: ImageHeader;
  try {
    header = await ports.decoder.probe(bytes, format);
  } catch (error) {
    return fromError(error);
  }
  const { width, height, orientation } = header;
  if (width * height > maxPixels) {
    return failure(
      'too_large',
      `the image is ${width}×${height} (${width * height} pixels), over the ${maxPixels}-pixel limit`,
    );
  }
  let displayed;
  try {
    // Full size: shrink-on-load moves the hash away from the reference's (see docs/adr/0004-pdq-in-typescript.md).
    displayed = await ports.decoder.decode(bytes, format, { maxSide: Math.max(width, height), maxPixels });
  } catch (error) {
    return fromError(error);
  }
  const stored = undoOrientation(displayed, orientation);
  const { hash, quality } = pdqHash(stored);
  const result: PhotoHash = {
    ok: true,
    hash,
    quality,
    width: stored.width,
    height: stored.height,
    orientation,
    format,
  };
  if (!options.dihedral) return result;
  return { ...result, dihedral: pdqDihedralHashes(stored).hashes };
}
