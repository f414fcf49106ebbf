import { Unzlib } from 'fflate';

/** The facts of a PNG's IHDR chunk. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
}

/** Rows of an 8-bit PNG with the filters undone: `rows × width × channels` samples, row-major. */
export interface PngRows {
  readonly header: PngHeader;
  readonly channels: number;
  /** Rows actually decoded (fewer than asked when the data ends early). */
  readonly rows: number;
  readonly samples: Uint8Array;
}

/** Samples per pixel of the 8-bit colour types we decode (palette images are not decoded). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/**
 * Compressed bytes handed to the inflater at a time, so decoding stops soon after the rows asked for: deflate
 * expands at most ~1000:1, so one push yields at most ~0.5 MB. Smaller pushes cost nothing measurable (fflate
 * resumes mid-block); 16 KB pushes made the top-8-rows probe ~25× slower on flat transparent images.
 */
const PUSH_BYTES = 512;
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads the IHDR chunk; undefined when the bytes are not a PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(12) !== 0x49484452 /* IHDR */) return undefined;
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24]!,
    colorType: bytes[25]!,
    interlaced: bytes[28] === 1,
  };
}

function idatChunks(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Uint8Array[] = [];
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = view.getUint32(offset);
    const type = view.getUint32(offset + 4);
    const end = offset + 8 + length;
    if (type === 0x49454e44 /* IEND */) break;
    // A truncated file keeps what its last IDAT still holds.
    if (type === 0x49444154 /* IDAT */) chunks.push(bytes.subarray(offset + 8, Math.min(end, bytes.length)));
    if (end + 4 > bytes.length) break;
    offset = end + 4;
  }
  return chunks;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the PNG row filters (None, Sub, Up, Average, Paeth); undefined on an unknown filter byte. */
function unfilter(raw: Uint8Array, rows: number, stride: number, bpp: number): Uint8Array | undefined {
  const out = new Uint8Array(rows * stride);
  for (let y = 0; y < rows; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[at + x - bpp]! : 0;
      const up = y > 0 ? out[at - stride + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[at - stride + x - bpp]! : 0;
      const value = line[x]!;
      if (filter === 0) out[at + x] = value;
      else if (filter === 1) out[at + x] = (value + left) & 0xff;
      else if (filter === 2) out[at + x] = (value + up) & 0xff;
      else if (filter === 3) out[at + x] = (value + ((left + up) >> 1)) & 0xff;
      else if (filter === 4) out[at + x] = (value + paeth(left, up, upLeft)) & 0xff;
      else return undefined;
    }
  }
  return out;
}

/**
 * Decodes the first rows of an 8-bit, non-interlaced, non-palette PNG, inflating only as much as those rows
 * need. Lenient: damaged data yields the rows decoded so far; unsupported PNGs yield undefined. Never throws.
 * @param bytes the whole PNG file
 * @param rowCount how many rows to decode from the top
 * @param maxPixels refuse images with more pixels than this (decompression-bomb guard)
 */
export function decodePngRows(bytes: Uint8Array, rowCount: number, maxPixels: number): PngRows | undefined {
  const header = readPngHeader(bytes);
  const channels = header && CHANNELS[header.colorType];
  if (!header || !channels || header.bitDepth !== 8 || header.interlaced) return undefined;
  if (header.width === 0 || header.height === 0 || header.width * header.height > maxPixels) return undefined;
  const stride = header.width * channels;
  const wanted = Math.min(rowCount, header.height) * (stride + 1);
  const raw = new Uint8Array(wanted);
  let written = 0;
  const inflater = new Unzlib((chunk) => {
    const take = Math.min(chunk.length, wanted - written);
    raw.set(chunk.subarray(0, take), written);
    written += take;
  });
  try {
    outer: for (const idat of idatChunks(bytes)) {
      for (let offset = 0; offset < idat.length; offset += PUSH_BYTES) {
        inflater.push(idat.subarray(offset, offset + PUSH_BYTES));
        if (written >= wanted) break outer;
      }
    }
  } catch {
    // Damaged deflate data: keep the rows that were complete.
  }
  const rows = Math.floor(written / (stride + 1));
  const samples = unfilter(raw, rows, stride, channels);
  return samples ? { header, channels, rows, samples } : undefined;
}
