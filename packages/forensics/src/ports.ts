/**
 * The ports the forensic core needs from the outside world. Adapters live in `apps/server/src/adapters/media`.
 * The core never touches files, processes or the environment itself.
 */
import type { SignalResult } from './signals/signal.js';
import type { ImageFormat } from './sniff.js';

/** Header facts read without decoding pixels. Dimensions are as stored, before EXIF orientation. */
export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1..8 (1 when absent). */
  readonly orientation: number;
  /** Number of frames/pages (GIF, multi-page TIFF, HEIF sequences); 1 when single. */
  readonly pages: number;
}

/** Decoded pixels, interleaved, row-major, after EXIF orientation. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** 1 (grey) or 3 (RGB). */
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

export interface DecodeOptions {
  /** Shrink (on load where the codec allows) so the longer side is at most this many pixels; never enlarges. */
  readonly maxSide: number;
  /** Decode to one grey channel instead of RGB. */
  readonly grey?: boolean;
  /** Refuse images with more pixels than this (counted before decoding). */
  readonly maxPixels: number;
}

/** Failure reasons an adapter reports when it cannot read an image. */
export type DecodeFailure = 'unsupported' | 'truncated' | 'corrupt' | 'too_large' | 'timeout';

/** Thrown by {@link ImageDecoder} when an image cannot be read; `reason` is one of {@link DecodeFailure}. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly reason: DecodeFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Reads image headers and pixels (sharp, plus a HEIF decoder, in the server). */
export interface ImageDecoder {
  /** Header only: never decodes pixels. @throws {DecodeError} */
  probe(bytes: Uint8Array, format: ImageFormat): Promise<ImageHeader>;
  /** First frame, EXIF orientation applied, shrunk to `maxSide`. @throws {DecodeError} */
  decode(bytes: Uint8Array, format: ImageFormat, options: DecodeOptions): Promise<DecodedImage>;
  /**
   * Resamples decoded pixels so the longer side is at most `maxSide`, with the resampler `decode` uses; never
   * enlarges (returns the image itself when it is small enough). Optional: without it `checkPhoto` decodes the photo
   * once per size it needs instead of once.
   */
  shrink?(image: DecodedImage, maxSide: number): Promise<DecodedImage>;
  /**
   * Encodes pixels as a baseline JPEG with the IJG (libjpeg) tables scaled to `quality` 1..100, 4:2:0 for RGB, for
   * error level analysis. Optional: without it the `tamper.ela` signal is skipped.
   */
  encodeJpeg?(image: DecodedImage, quality: number): Promise<Uint8Array>;
}

/**
 * Metadata as a maintained parser (exifr) reads it. Tag names are EXIF/TIFF standard names
 * (`Make`, `DateTimeOriginal`, `OffsetTimeOriginal`, `GPSDateStamp`…). Date values are the raw EXIF
 * strings (`2024:05:01 13:45:10`), never revived into `Date` (that would guess a time zone).
 */
export interface RawMetadata {
  /** IFD0 + Exif IFD + GPS IFD tags merged, by standard tag name. */
  readonly exif: Readonly<Record<string, unknown>>;
  /** Raw XMP packets (XML strings), main and extended, as found. */
  readonly xmp: readonly string[];
  /** IPTC-IIM datasets by name (`Keywords`, `Caption`…). */
  readonly iptc: Readonly<Record<string, unknown>>;
  /** The embedded EXIF thumbnail (usually a small JPEG), when present. */
  readonly thumbnail?: Uint8Array;
  /** Non-fatal parse problems, kept for the report. */
  readonly errors: readonly string[];
}

/** Reads EXIF, XMP, IPTC and the EXIF thumbnail. Never throws for bad metadata: it reports `errors`. */
export interface MetadataReader {
  read(bytes: Uint8Array, format: ImageFormat): Promise<RawMetadata>;
}

/** One action of a C2PA `c2pa.actions` assertion. */
export interface C2paAction {
  readonly action: string;
  readonly digitalSourceType?: string;
  readonly softwareAgent?: string;
  readonly when?: string;
  readonly description?: string;
}

/** One ingredient of a C2PA manifest. */
export interface C2paIngredient {
  readonly title?: string;
  readonly format?: string;
  readonly relationship?: string;
  /** The ingredient's own manifest's actions' digitalSourceTypes, when it has one. */
  readonly digitalSourceTypes?: readonly string[];
}

/** A validation status code from the C2PA validator (e.g. `assertion.dataHash.mismatch`). */
export interface C2paStatus {
  readonly code: string;
  readonly explanation?: string;
  readonly url?: string;
}

/**
 * The C2PA manifest store of a file, summarised from the validator's output: the active manifest's facts and
 * the overall validation outcome.
 */
export interface C2paSummary {
  readonly manifestCount: number;
  readonly activeManifest?: {
    readonly label: string;
    readonly claimGenerator?: string;
    readonly title?: string;
    readonly format?: string;
    readonly signer?: { readonly issuer?: string; readonly commonName?: string; readonly algorithm?: string };
    /** Signing time (ISO 8601) from the signature's time stamp, when present. */
    readonly signedAt?: string;
    readonly actions: readonly C2paAction[];
    readonly ingredients: readonly C2paIngredient[];
    /** Every digitalSourceType found in the active manifest's actions and in `digitalSourceType` fields. */
    readonly digitalSourceTypes: readonly string[];
    readonly assertionLabels: readonly string[];
  };
  /**
   * `well_formed`: parsed, signature/hashes not validated or unverifiable; `valid`: hashes and signature check out;
   * `trusted`: valid and the signer chains to a configured trust anchor; `invalid`: see `failures`.
   */
  readonly validationState: 'well_formed' | 'valid' | 'trusted' | 'invalid';
  /** Failure codes (empty when valid or trusted). */
  readonly failures: readonly C2paStatus[];
  /** Informational codes (e.g. `signingCredential.untrusted`). */
  readonly informational: readonly C2paStatus[];
}

/** Reads and validates a C2PA manifest store. Returns `undefined` when the file has none. Never throws for bad manifests: reports them as `invalid`. */
export interface C2paReader {
  read(bytes: Uint8Array, mimeType: string): Promise<C2paSummary | undefined>;
}

/**
 * What a detachable signal may read (see `Signal.detachable`): the photo's bytes and header, nothing decoded. Plain
 * data, so it can cross to another thread.
 */
export interface DetachedSignalRequest {
  /** Names of the signals to run, from `SIGNALS`. */
  readonly names: readonly string[];
  readonly bytes: Uint8Array;
  readonly format: ImageFormat;
  readonly header: ImageHeader;
  /** Width and height after EXIF orientation. */
  readonly width: number;
  readonly height: number;
  readonly maxPixels: number;
}

/** One detached signal's outcome: its result, or the message of what it threw; and how long it took. */
export type DetachedSignalOutcome =
  | { readonly name: string; readonly ms: number; readonly result: SignalResult }
  | { readonly name: string; readonly ms: number; readonly error: string };

/**
 * Runs detachable signals somewhere else (in the server: a worker thread) while `checkPhoto` runs the others.
 * `tryRun` returns `undefined` when it has no capacity right now: the caller then runs them itself, so a busy runner
 * never makes a check wait. The promise rejects only when the runner itself failed (its thread died, it was closed):
 * the caller may then run the signals itself. A signal that threw is an outcome with `error`, not a rejection.
 */
export interface SignalRunner {
  tryRun(request: DetachedSignalRequest): Promise<readonly DetachedSignalOutcome[]> | undefined;
}

/** Everything the core needs to check a photo. */
export interface ForensicPorts {
  readonly decoder: ImageDecoder;
  readonly metadata: MetadataReader;
  readonly c2pa: C2paReader;
  /** Optional: runs the detachable signals concurrently with the rest of the check. */
  readonly signalRunner?: SignalRunner;
}
