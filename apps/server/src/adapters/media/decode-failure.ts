/**
 * Turns whatever sharp/libvips or libheif threw into a {@link DecodeError} with one of the port's reasons and a
 * message a reviewer can read. The decoders' messages alone cannot tell a cut-off file from a damaged one
 * ("corrupt header", "unsupported image format" for a TIFF whose directory was cut away), so the file's own
 * structure is checked too: does it end before the structure it declares? Pure functions, no I/O.
 */
import { DecodeError, IsoBmffError, readHeifHeader, type DecodeFailure, type ImageFormat } from '@proofdesk/forensics';

/** Display names of the formats, for messages. */
export const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  tiff: 'TIFF',
  heif: 'HEIF',
  avif: 'AVIF',
};

const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32be = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const u32le = (b: Uint8Array, o: number) => ((b[o + 3]! << 24) | (b[o + 2]! << 16) | (b[o + 1]! << 8) | b[o]!) >>> 0;

function jpegEndsEarly(b: Uint8Array): boolean {
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) return false; // the segment chain is broken, not cut
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const end = o + 2 + u16be(b, o + 2);
    if (end > b.length) return true; // a segment runs past the end of the file
    if (marker === 0xda) {
      // Entropy-coded data never contains FF D9 (0xFF is stuffed), so the image ends at the first EOI after SOS.
      for (let i = end; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1] === 0xd9) return false;
      return true;
    }
    o = end;
  }
  return true; // the file ended before the image data began
}

function pngEndsEarly(b: Uint8Array): boolean {
  let o = 8;
  while (o + 12 <= b.length) {
    const end = o + 12 + u32be(b, o);
    if (end > b.length) return true;
    if (b[o + 4] === 0x49 && b[o + 5] === 0x45 && b[o + 6] === 0x4e && b[o + 7] === 0x44) return false; // IEND
    o = end;
  }
  return true;
}

/**
 * Whether a file ends before the structure it declares: `true` (cut off), `false` (its structure is complete, so a
 * failure means damage), `undefined` (cannot tell). Only consulted after a decoder failed.
 * @param bytes the whole file
 * @param format the format sniffed from the bytes
 */
export function endsEarly(bytes: Uint8Array, format: ImageFormat): boolean | undefined {
  if (bytes.length === 0) return true;
  switch (format) {
    case 'jpeg':
      return jpegEndsEarly(bytes);
    case 'png':
      return pngEndsEarly(bytes);
    case 'gif':
      return bytes[bytes.length - 1] !== 0x3b; // the trailer byte
    case 'webp':
      return bytes.length < 12 || 8 + u32le(bytes, 4) > bytes.length; // the RIFF size
    case 'tiff': {
      if (bytes.length < 8) return true;
      const ifd = bytes[0] === 0x49 ? u32le(bytes, 4) : u32be(bytes, 4);
      return ifd + 2 > bytes.length ? true : undefined;
    }
    case 'heif':
    case 'avif':
      try {
        readHeifHeader(bytes);
        return false;
      } catch (error) {
        return error instanceof IsoBmffError && error.problem === 'truncated' ? true : undefined;
      }
  }
}

/** The decoder's message on one line: repeated lines (libvips repeats them) dropped, at most 300 characters. */
export function cleanMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const lines = [...new Set(raw.split(/\r?\n/).map((l) => l.trim()))].filter((l) => l !== '');
  const text = lines.join('; ') || 'no message';
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

const TOO_LARGE = /exceeds pixel limit|over the \d+-pixel limit|cannot enlarge memory|out of memory/i;
const TIMEOUT = /\btimeout\b|timed out/i;
const UNSUPPORTED_VARIANT =
  /compression format has not been built in|unsupported (codec|feature|compression|color|colour)|not supported/i;
const TRUNCATION_WORDS = /premature end|unexpected end|truncat|bad seek|end of (file|data|stream)|empty/i;

/** Picks the reason for a decoder failure from its message and the file's structure. */
export function reasonOf(message: string, bytes: Uint8Array, format: ImageFormat): DecodeFailure {
  if (TOO_LARGE.test(message)) return 'too_large';
  if (TIMEOUT.test(message)) return 'timeout';
  if (UNSUPPORTED_VARIANT.test(message)) return 'unsupported';
  const early = endsEarly(bytes, format);
  if (early !== undefined) return early ? 'truncated' : 'corrupt';
  return TRUNCATION_WORDS.test(message) ? 'truncated' : 'corrupt';
}

const LEADS: Readonly<Record<DecodeFailure, (name: string) => string>> = {
  truncated: (name) => `the ${name} file ends before its image data does`,
  corrupt: (name) => `the ${name} data is damaged`,
  unsupported: (name) => `this kind of ${name} file is not supported`,
  too_large: () => 'the image exceeds the decode limits',
  timeout: () => 'decoding took longer than the time limit',
};

/**
 * Maps anything a decoder threw to a {@link DecodeError} (returned as is when it already is one).
 * @param error what sharp, libvips or libheif threw
 * @param bytes the file that failed
 * @param format the format sniffed from the bytes
 * @example toDecodeError(new Error('VipsJpeg: premature end of JPEG image'), cutJpeg, 'jpeg').reason // 'truncated'
 */
export function toDecodeError(error: unknown, bytes: Uint8Array, format: ImageFormat): DecodeError {
  if (error instanceof DecodeError) return error;
  const detail = cleanMessage(error);
  const reason = reasonOf(detail, bytes, format);
  return new DecodeError(reason, `${LEADS[reason](FORMAT_NAMES[format])} (${detail})`, { cause: error });
}
