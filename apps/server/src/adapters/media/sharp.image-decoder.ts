/**
 * The {@link ImageDecoder} port on sharp (libvips) for JPEG, PNG, WebP, GIF, TIFF and AVIF, and on `heic-decode`
 * (libheif in WebAssembly, in worker threads) for HEIC/HEIF, which sharp's prebuilt libvips cannot decode (no HEVC).
 * Both paths share the same limits: the format must match the bytes, the pixel count is checked from the header before
 * any pixel is decoded, every call has a deadline, and every failure becomes a {@link DecodeError}.
 * See `docs/adr/0003-image-decoding.md` for the choices (failOn, ICC, HEIF orientation) and their measurements.
 */
import sharp, { type Sharp } from 'sharp';
import {
  DEFAULT_LIMITS,
  DecodeError,
  IsoBmffError,
  readHeifHeader,
  sniffFormat,
  type DecodedImage,
  type DecodeOptions,
  type HeifHeader,
  type ImageDecoder,
  type ImageFormat,
  type ImageHeader,
} from '@proofdesk/forensics';
import { FORMAT_NAMES, toDecodeError } from './decode-failure.js';
import { HeicDecodeWorkerPool } from './heic-decode.worker-pool.js';

/** What sharp says when libvips's error buffer was empty. */
const UNKNOWN = 'Unknown error';
/** Decodes retried after a lost message, at most. */
const MAX_RETRIES = 3;
/** Retries of this thread, one after another (see `SharpImageDecoder.decode`). */
let retries: Promise<void> = Promise.resolve();

/** Whether a decode failed with its libvips message taken by another failure. */
function messageLost(error: unknown): boolean {
  return error instanceof DecodeError && error.cause instanceof Error && error.cause.message.trim() === UNKNOWN;
}

/** Options of {@link SharpImageDecoder}. */
export interface SharpImageDecoderOptions {
  /** Longest one probe or decode may take, in milliseconds. Default `DEFAULT_LIMITS.decodeTimeoutMs` (20 s). */
  readonly timeoutMs?: number;
  /**
   * Convert pixels from an embedded ICC profile to sRGB. Default `false`: the transform costs about as much as the
   * decode itself, and leaving it out keeps a photo and its profile-stripped copy (messaging apps strip profiles)
   * pixel-identical, which is what hashing and matching want. Set `true` where colour accuracy matters.
   */
  readonly iccToSrgb?: boolean;
  /** HEIC/HEIF decodes that may run at once, one worker thread each. Default 1. */
  readonly heifWorkers?: number;
}

/** sharp's `metadata().format` names for the formats this decoder hands to sharp. */
const SHARP_FORMATS: Readonly<Record<ImageFormat, readonly string[]>> = {
  jpeg: ['jpeg'],
  png: ['png'],
  webp: ['webp'],
  gif: ['gif'],
  tiff: ['tiff'],
  heif: ['heif'],
  avif: ['heif', 'avif'],
};

/**
 * Truncation fails the decode; libjpeg's harmless warnings (padding between segments, odd SOS parameters from some
 * phones) do not. `warning`, sharp's default, rejects those; `none` would decode cut-off files with grey fill.
 */
const FAIL_ON = 'error';

function positive(name: string, value: number, unit: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new TypeError(`Expected ${name} to be a positive number of ${unit} but received ${String(value)}`);
  }
  return value;
}

/** Resolves with `work`, or rejects with a `timeout` DecodeError after `ms`; `work` keeps running in the background. */
async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => undefined); // a late rejection after the deadline is not unhandled
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DecodeError('timeout', `${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Decodes images with sharp, and HEIC/HEIF with `heic-decode` in worker threads, under pixel and time limits.
 * @example
 * const decoder = new SharpImageDecoder();
 * const header = await decoder.probe(bytes, 'jpeg'); // { width, height, orientation, pages }
 * const preview = await decoder.decode(bytes, 'jpeg', { maxSide: 256, maxPixels: 100_000_000 });
 * await decoder.close();
 */
export class SharpImageDecoder implements ImageDecoder {
  readonly #timeoutMs: number;
  readonly #iccToSrgb: boolean;
  readonly #heif: HeicDecodeWorkerPool;

  /** @throws {TypeError} when `timeoutMs` or `heifWorkers` is not a positive number */
  constructor(options: SharpImageDecoderOptions = {}) {
    this.#timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_LIMITS.decodeTimeoutMs, 'milliseconds');
    this.#iccToSrgb = options.iccToSrgb ?? false;
    const size = positive('heifWorkers', options.heifWorkers ?? 1, 'workers');
    this.#heif = new HeicDecodeWorkerPool({ size });
  }

  /**
   * Reads the header only: stored width and height, EXIF orientation (for HEIF/AVIF: the equivalent of the
   * container's `irot`/`imir`, as the HEIF standard ignores EXIF orientation), and the number of frames/pages.
   * Never decodes pixels and never refuses by size: the caller compares the size with its limits.
   * @throws {DecodeError} `unsupported` when the bytes are not `format`; `truncated`/`corrupt` for a damaged header
   */
  async probe(bytes: Uint8Array, format: ImageFormat): Promise<ImageHeader> {
    checkContent(bytes, format);
    if (format === 'heif' || format === 'avif') {
      const header = heifHeader(bytes, format);
      return {
        width: header.width,
        height: header.height,
        orientation: header.orientation,
        pages: Math.max(1, header.topLevelItemIds.length),
      };
    }
    try {
      const meta = await withDeadline(
        sharp(bytes, { failOn: FAIL_ON, limitInputPixels: false }).metadata(),
        this.#timeoutMs,
        `Reading the ${FORMAT_NAMES[format]} header`,
      );
      if (!SHARP_FORMATS[format].includes(meta.format)) {
        throw new DecodeError('unsupported', `the content was read as ${meta.format}, not ${FORMAT_NAMES[format]}`);
      }
      if (!(meta.width > 0 && meta.height > 0)) {
        throw new DecodeError('corrupt', `the ${FORMAT_NAMES[format]} header has no image size`);
      }
      const orientation = meta.orientation !== undefined && meta.orientation >= 1 && meta.orientation <= 8;
      return {
        width: meta.width,
        height: meta.pageHeight ?? meta.height,
        orientation: orientation ? meta.orientation! : 1,
        pages: meta.pages ?? 1,
      };
    } catch (error) {
      throw toDecodeError(error, bytes, format);
    }
  }

  /**
   * Decodes the first frame/page with EXIF orientation applied, shrunk (on load where the codec allows) so the longer
   * side is at most `maxSide`, alpha flattened onto white, to 8-bit RGB or grey.
   * @param options `maxSide` ≥ 1 and `maxPixels` ≥ 1 (counted on the stored size, before any pixel is decoded)
   * @throws {DecodeError} with reason `unsupported`, `truncated`, `corrupt`, `too_large` or `timeout`
   * @throws {TypeError} when `maxSide` or `maxPixels` is not a positive number
   */
  async decode(bytes: Uint8Array, format: ImageFormat, options: DecodeOptions): Promise<DecodedImage> {
    try {
      return await this.#decode(bytes, format, options);
    } catch (error) {
      if (!messageLost(error)) throw error;
    }
    // libvips keeps one error buffer per process: when two decodes fail at once (a check's and its signal worker's,
    // say), one can take both messages and the other none, which sharp reports as "Unknown error". Decoding again,
    // one retry at a time, gives the failure its own message, so a report does not depend on that race.
    for (let attempt = 1; ; attempt++) {
      const retry = retries.then(() => this.#decode(bytes, format, options));
      retries = retry.then(
        () => undefined,
        () => undefined,
      );
      try {
        return await retry;
      } catch (error) {
        if (attempt >= MAX_RETRIES || !messageLost(error)) throw error;
      }
    }
  }

  async #decode(bytes: Uint8Array, format: ImageFormat, options: DecodeOptions): Promise<DecodedImage> {
    const maxSide = Math.max(1, Math.floor(positive('maxSide', options.maxSide, 'pixels')));
    const maxPixels = Math.max(1, Math.floor(Math.min(positive('maxPixels', options.maxPixels, 'pixels'), 2 ** 53)));
    checkContent(bytes, format);
    const grey = options.grey === true;
    const started = performance.now();
    try {
      let input: Sharp;
      if (format === 'heif' || format === 'avif') {
        const header = heifHeader(bytes, format);
        if (header.width * header.height > maxPixels) {
          throw new DecodeError(
            'too_large',
            `the ${FORMAT_NAMES[format]} image is ${header.width}×${header.height}, over the ${maxPixels}-pixel limit`,
          );
        }
        input =
          format === 'heif' && header.itemType !== 'av01'
            ? await this.#heifPixels(bytes, header, maxPixels, this.#timeoutMs - (performance.now() - started))
            : this.#sharp(bytes, maxPixels);
      } else {
        input = this.#sharp(bytes, maxPixels);
      }
      const remainingMs = Math.max(1, this.#timeoutMs - (performance.now() - started));
      const pipeline = input
        .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' });
      const coloured = grey ? pipeline.greyscale() : pipeline.toColourspace('srgb');
      const { data, info } = await withDeadline(
        coloured
          .raw({ depth: 'uchar' })
          .timeout({ seconds: Math.ceil(remainingMs / 1000) })
          .toBuffer({ resolveWithObject: true }),
        remainingMs,
        `Decoding the ${FORMAT_NAMES[format]} image`,
      );
      const channels = grey ? 1 : 3;
      if (info.channels !== channels || data.length !== info.width * info.height * channels) {
        throw new DecodeError('corrupt', `the decoder returned ${info.channels} channels, expected ${channels}`);
      }
      return { width: info.width, height: info.height, channels, data };
    } catch (error) {
      throw toDecodeError(error, bytes, format);
    }
  }

  /**
   * Shrinks decoded pixels so the longer side is at most `maxSide`, with the resize `decode` applies (sharp's
   * default Lanczos-3), never enlarging: `checkPhoto` decodes a photo once and shrinks that for its preview.
   * @throws {TypeError} when the pixel buffer does not match its size, or `maxSide` is not positive
   * @throws {DecodeError} `timeout` after the decoder's deadline
   */
  async shrink(image: DecodedImage, maxSide: number): Promise<DecodedImage> {
    const side = Math.max(1, Math.floor(positive('maxSide', maxSide, 'pixels')));
    const { width, height, channels, data } = image;
    if (!(width > 0 && height > 0) || data.length !== width * height * channels) {
      throw new TypeError(`Expected ${width}×${height}×${channels} samples but received ${data.length} to shrink`);
    }
    if (Math.max(width, height) <= side) return image;
    const { data: out, info } = await withDeadline(
      sharp(data, { raw: { width, height, channels } })
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
      this.#timeoutMs,
      'Shrinking an image',
    );
    if (info.channels !== channels) throw new DecodeError('corrupt', `shrinking gave ${info.channels} channels`);
    return { width: info.width, height: info.height, channels, data: out };
  }

  /**
   * Encodes 8-bit pixels as a baseline JPEG with libjpeg's Annex K tables scaled to `quality` (sharp's prebuilt
   * mozjpeg in its libjpeg-compatible mode: no trellis, no custom tables, 4:2:0 for RGB), for error level analysis.
   * @param quality 1..100, rounded and clamped
   * @throws {TypeError} when the pixel buffer does not match its size
   * @throws {DecodeError} `timeout` after the decoder's deadline
   */
  async encodeJpeg(image: DecodedImage, quality: number): Promise<Uint8Array> {
    const { width, height, channels, data } = image;
    if (!(width > 0 && height > 0) || data.length !== width * height * channels) {
      throw new TypeError(
        `Expected ${width}×${height}×${channels} samples but received ${data.length} for the JPEG encoder`,
      );
    }
    const q = Math.max(1, Math.min(100, Math.round(Number.isFinite(quality) ? quality : 75)));
    const jpeg = await withDeadline(
      sharp(data, { raw: { width, height, channels } })
        .toColourspace(channels === 1 ? 'b-w' : 'srgb')
        .jpeg({
          quality: q,
          chromaSubsampling: '4:2:0',
          mozjpeg: false,
          trellisQuantisation: false,
          quantisationTable: 0,
        })
        .toBuffer(),
      this.#timeoutMs,
      'Encoding a JPEG',
    );
    return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  }

  /** Terminates the HEIF worker threads. The decoder cannot decode HEIF afterwards. */
  close(): Promise<void> {
    return this.#heif.close();
  }

  #sharp(bytes: Uint8Array, maxPixels: number): Sharp {
    return sharp(bytes, {
      failOn: FAIL_ON,
      limitInputPixels: maxPixels,
      sequentialRead: true,
      autoOrient: true,
      ignoreIcc: !this.#iccToSrgb,
      pages: 1,
      page: 0,
    });
  }

  /** Decodes a HEIC/HEIF in a worker (libheif applies `irot`/`imir`) and wraps the RGBA pixels for sharp. */
  async #heifPixels(bytes: Uint8Array, header: HeifHeader, maxPixels: number, timeoutMs: number): Promise<Sharp> {
    const turned = header.orientation >= 5;
    const expectedWidth = turned ? header.height : header.width;
    const expectedHeight = turned ? header.width : header.height;
    const primaryIndex = Math.max(0, header.topLevelItemIds.indexOf(header.primaryItemId));
    const request = { bytes, primaryIndex, expectedWidth, expectedHeight, maxPixels };
    const { width, height, data } = await this.#heif.decode(request, Math.max(1, timeoutMs));
    return sharp(data, { raw: { width, height, channels: 4 } });
  }
}

/** Refuses bytes that are not the format the caller named (SVG, ZIP, PDF… never reach a decoder). */
function checkContent(bytes: Uint8Array, format: ImageFormat): void {
  if (bytes.length === 0) throw new DecodeError('truncated', 'the file is empty (0 bytes)');
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported') {
    throw new DecodeError('unsupported', `the content is ${sniffed.what}, not a ${FORMAT_NAMES[format]} image`);
  }
  if (sniffed.format !== format) {
    throw new DecodeError(
      'unsupported',
      `the content is ${FORMAT_NAMES[sniffed.format]}, not ${FORMAT_NAMES[format]} as the caller said`,
    );
  }
}

function heifHeader(bytes: Uint8Array, format: ImageFormat): HeifHeader {
  try {
    return readHeifHeader(bytes);
  } catch (error) {
    if (!(error instanceof IsoBmffError)) throw error;
    throw new DecodeError(error.problem, `the ${FORMAT_NAMES[format]} container is unreadable: ${error.message}`, {
      cause: error,
    });
  }
}
