import type { PngTextChunk } from '../containers/png-text.js';
import type { PreparedReference } from '../reference/prepared-reference.js';
import type { C2paSummary, DecodedImage, ImageDecoder, ImageHeader, RawMetadata } from '../ports.js';
import type { Finding, PhotoFacts } from '../report.js';
import type { ImageFormat } from '../sniff.js';

/** Everything a signal may look at. Built once per photo by `checkPhoto`; signals must not mutate it. */
export interface SignalContext {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly format: ImageFormat;
  readonly header: ImageHeader;
  /** Width and height after EXIF orientation. */
  readonly width: number;
  readonly height: number;
  readonly meta: RawMetadata;
  /** PNG text chunks (empty for other formats). */
  readonly pngText: readonly PngTextChunk[];
  /** The validated C2PA manifest store, when the file has one. */
  readonly c2pa?: C2paSummary;
  /**
   * The photo decoded to RGB with its longer side at most {@link PREVIEW_MAX_SIDE}, orientation applied (shrunk from
   * the check's one decode at the matcher's size when the decoder can shrink pixels).
   */
  readonly preview: DecodedImage;
  /** When the parcel was delivered, if known. */
  readonly deliveredAt?: Date;
  /** The merchant's prepared reference photos (listing, packing) to match the photo against, if any. */
  readonly references?: readonly PreparedReference[];
  /**
   * With references: the matcher's decode of the photo (≤ `CLAIM_MAX_SIDE` px, RGB, orientation applied), started
   * first so it runs on the decoder's threads while the metadata is read; the preview is shrunk from it.
   */
  readonly claimDecode?: Promise<DecodedImage>;
  /** For signals that must decode something else (e.g. the EXIF thumbnail). */
  readonly decoder: ImageDecoder;
  readonly maxPixels: number;
}

/** The longer side of the preview every pixel signal shares. */
export const PREVIEW_MAX_SIDE = 256;

/** What a signal returns: its findings (possibly none) and raw facts for the report. */
export interface SignalResult {
  readonly findings: readonly Finding[];
  readonly facts?: Partial<PhotoFacts>;
}

/** One independent check. Signals never throw for bad input: they return no finding instead. */
export interface Signal {
  /** Short kebab-case name, used in timings and error messages. */
  readonly name: string;
  /**
   * Reads the shared working image (`tamper/tamper-analysis.ts`); `checkPhoto` then starts reading it while the
   * preview decodes.
   */
  readonly workingImage?: boolean;
  /**
   * Reads only `bytes`, `format`, `header`, `width`, `height`, `maxPixels` and `decoder` of the context (what
   * `DetachedSignalRequest` carries), so a `SignalRunner` may run it on another thread (`signals/detached.ts`).
   */
  readonly detachable?: boolean;
  run(ctx: SignalContext): SignalResult | Promise<SignalResult>;
}

/** The result of a signal that found nothing. */
export const NOTHING: SignalResult = { findings: [] };
