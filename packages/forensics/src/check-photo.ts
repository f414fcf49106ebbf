import { hasC2paMarker } from './containers/byte-search.js';
import { readPngTextChunks, type PngTextChunk } from './containers/png-text.js';
import { makeFinding } from './finding.js';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import {
  DecodeError,
  type C2paSummary,
  type DetachedSignalOutcome,
  type DetachedSignalRequest,
  type ForensicPorts,
  type ImageHeader,
  type SignalRunner,
} from './ports.js';
import type { PreparedReference } from './reference/prepared-reference.js';
import { CLAIM_MAX_SIDE } from './reference/working-image.js';
import type { Finding, PhotoFacts, PhotoReport } from './report.js';
import { SIGNALS } from './signals/index.js';
import { PREVIEW_MAX_SIDE, type Signal, type SignalContext } from './signals/signal.js';
import { sniffFormat } from './sniff.js';
import { adoptWorkingImage, beginWorkingImage } from './tamper/tamper-analysis.js';
import { text } from './text.js';
import { combineFindings } from './verdict.js';

/** Options of one check. */
export interface CheckOptions {
  /** When the parcel was delivered; enables `metadata.captured_before_delivery`. */
  readonly deliveredAt?: Date;
  readonly limits?: Partial<DecodeLimits>;
  /** Signals to run (default: all of {@link SIGNALS}). */
  readonly signals?: readonly Signal[];
  /**
   * The merchant's reference photos (listing, packing), prepared once with `prepareReference`; enables
   * `reference.derived_from_listing` and `reference.local_edit`.
   */
  readonly references?: readonly PreparedReference[];
  /** A clock for timings, in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/** A photo to check: its display name, bytes and SHA-256 (hex). */
export interface PhotoInput {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/**
 * Builds the report of a photo that could not be analysed: verdict `error` and one finding saying why.
 */
export function errorReport(
  input: { readonly file: string; readonly sha256: string; readonly byteLength: number },
  finding: Finding,
  extra: { format?: string; facts?: PhotoFacts } = {},
): PhotoReport {
  return {
    file: input.file,
    sha256: input.sha256,
    width: 0,
    height: 0,
    format: extra.format ?? 'unknown',
    verdict: 'error',
    score: 0,
    findings: [finding],
    facts: { byteLength: input.byteLength, ...extra.facts },
  };
}

/** The finding for a file over the byte limit. */
export function tooManyBytesFinding(byteLength: number, maxBytes: number): Finding {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return makeFinding('input.too_large', {
    severity: 'info',
    strength: 0,
    detail: text(
      `文件大小 ${mb(byteLength)} MB，超过上限 ${mb(maxBytes)} MB，未进行解码。`,
      `The file is ${mb(byteLength)} MB, over the ${mb(maxBytes)} MB limit; it was not decoded.`,
    ),
    facts: { byteLength, maxBytes },
  });
}

function decodeFailureFinding(error: unknown): Finding {
  const reason = error instanceof DecodeError ? error.reason : 'corrupt';
  const message = error instanceof Error ? error.message : String(error);
  if (reason === 'unsupported') {
    return makeFinding('input.unsupported_format', {
      severity: 'info',
      strength: 0,
      detail: text(`解码器不支持此文件：${message}`, `The decoder does not support this file: ${message}`),
      facts: { reason, message },
    });
  }
  if (reason === 'too_large') {
    return makeFinding('input.too_large', {
      severity: 'info',
      strength: 0,
      detail: text(`图片超出解码限制：${message}`, `The image exceeds the decode limits: ${message}`),
      facts: { reason, message },
    });
  }
  const zh = { truncated: '文件被截断', corrupt: '文件已损坏', timeout: '解码超时' }[reason];
  const en = { truncated: 'The file is truncated', corrupt: 'The file is corrupt', timeout: 'Decoding timed out' }[
    reason
  ];
  return makeFinding('input.unreadable', {
    severity: 'info',
    strength: 0,
    detail: text(`${zh}，无法分析（${message}）。`, `${en} and could not be analysed (${message}).`),
    facts: { reason, message },
  });
}

/** Width and height after EXIF orientation (5..8 swap the axes). */
export function orientedSize(header: ImageHeader): { width: number; height: number } {
  return header.orientation >= 5 && header.orientation <= 8
    ? { width: header.height, height: header.width }
    : { width: header.width, height: header.height };
}

/**
 * Checks one photo: sniffs the format, enforces the decode limits, reads metadata and provenance, runs every
 * signal, and combines the findings into a verdict. Never throws for bad input: an unreadable photo yields
 * verdict `error` with a finding that says why.
 */
export async function checkPhoto(
  input: PhotoInput,
  ports: ForensicPorts,
  options: CheckOptions = {},
): Promise<PhotoReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const { file, bytes, sha256 } = input;
  const base = { file, sha256, byteLength: bytes.length };
  if (bytes.length > limits.maxBytes) return errorReport(base, tooManyBytesFinding(bytes.length, limits.maxBytes));

  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported') {
    return errorReport(
      base,
      makeFinding('input.unsupported_format', {
        severity: 'info',
        strength: 0,
        detail: text(
          `按文件内容识别为：${sniffed.whatZh}。支持 JPEG、PNG、WebP、HEIC/HEIF、AVIF、TIFF、GIF。`,
          `The content is: ${sniffed.what}. Supported: JPEG, PNG, WebP, HEIC/HEIF, AVIF, TIFF, GIF.`,
        ),
        facts: { sniffed: sniffed.what },
      }),
    );
  }
  const { format, mimeType } = sniffed;
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round((now() - start) * 100) / 100;
    }
  };

  let header: ImageHeader;
  try {
    header = await timed('probe', () => ports.decoder.probe(bytes, format));
  } catch (error) {
    return errorReport(base, decodeFailureFinding(error), { format });
  }
  const storedFacts = { storedWidth: header.width, storedHeight: header.height, orientation: header.orientation };
  if (header.width * header.height > limits.maxPixels) {
    const mp = (n: number) => (n / 1e6).toFixed(1);
    return errorReport(
      base,
      makeFinding('input.too_large', {
        severity: 'info',
        strength: 0,
        detail: text(
          `图片为 ${header.width}×${header.height}（${mp(header.width * header.height)} 百万像素），超过上限 ${mp(limits.maxPixels)} 百万像素；为防解压炸弹，未解码像素。`,
          `The image is ${header.width}×${header.height} (${mp(header.width * header.height)} MP), over the ${mp(limits.maxPixels)} MP limit; pixels were not decoded (decompression-bomb guard).`,
        ),
        facts: { width: header.width, height: header.height, maxPixels: limits.maxPixels },
      }),
      { format, facts: { byteLength: bytes.length, ...storedFacts } },
    );
  }

  const { width, height } = orientedSize(header);
  const signals = options.signals ?? SIGNALS;
  // The detachable signals (the tamper analyses) start first, on the runner's thread, and run while this one reads
  // the metadata and matches the references (docs/adr/0020-check-on-two-threads.md).
  const detached = ports.signalRunner
    ? startDetached(ports.signalRunner, signals, { bytes, format, header, width, height, maxPixels: limits.maxPixels })
    : undefined;

  // One decode, at the reference matcher's size (docs/adr/0008-reference-matching.md, "Cost"), runs on the decoder's
  // threads while the metadata and (without a signal runner) the shared working image (for a JPEG, its DCT
  // coefficients) are read here; the preview every pixel signal shares is shrunk from it. A decoder that cannot
  // shrink decoded pixels decodes the preview separately, and the matcher's size only when there are references.
  const previewStarted = now();
  const wantsClaim = Boolean(options.references?.length && signals.some((s) => s.name === 'reference'));
  const shrink = ports.decoder.shrink?.bind(ports.decoder);
  const claimSized =
    wantsClaim || shrink
      ? ports.decoder.decode(bytes, format, { maxSide: CLAIM_MAX_SIDE, maxPixels: limits.maxPixels })
      : undefined;
  claimSized?.catch(() => undefined);
  const previewDecode =
    shrink && claimSized
      ? claimSized.then((image) => shrink(image, PREVIEW_MAX_SIDE))
      : ports.decoder.decode(bytes, format, { maxSide: PREVIEW_MAX_SIDE, maxPixels: limits.maxPixels });
  previewDecode.catch(() => undefined);
  const claimDecode = wantsClaim ? claimSized : undefined;

  const errors: string[] = [];
  const meta = await timed('metadata', () => ports.metadata.read(bytes, format));
  errors.push(...meta.errors);
  let pngText: PngTextChunk[] = [];
  if (format === 'png') pngText = readPngTextChunks(bytes);
  let c2pa: C2paSummary | undefined;
  if (hasC2paMarker(bytes)) c2pa = await timed('c2pa', () => ports.c2pa.read(bytes, mimeType));

  const working = signals.some((s) => s.workingImage && !(detached && s.detachable))
    ? await timed('working', () =>
        beginWorkingImage({
          bytes,
          format,
          header,
          width,
          height,
          decoder: ports.decoder,
          maxPixels: limits.maxPixels,
        }),
      )
    : undefined;
  let preview;
  try {
    preview = await previewDecode;
    timings['decode'] = Math.round((now() - previewStarted) * 100) / 100;
  } catch (error) {
    return errorReport(base, decodeFailureFinding(error), {
      format,
      facts: { byteLength: bytes.length, ...storedFacts },
    });
  }

  const ctx: SignalContext = {
    file,
    bytes,
    format,
    header,
    width,
    height,
    meta,
    pngText,
    preview,
    decoder: ports.decoder,
    maxPixels: limits.maxPixels,
    ...(c2pa ? { c2pa } : {}),
    ...(options.deliveredAt ? { deliveredAt: options.deliveredAt } : {}),
    ...(options.references?.length ? { references: options.references } : {}),
    ...(claimDecode ? { claimDecode } : {}),
  };

  if (working) adoptWorkingImage(ctx, working);

  const findings: Finding[] = [];
  let facts: PhotoFacts = { byteLength: bytes.length, ...storedFacts };
  for (const signal of signals) {
    const outcome = detached && signal.detachable ? (await detached)?.get(signal.name) : undefined;
    if (outcome) {
      timings[signal.name] = outcome.ms;
      if ('error' in outcome) errors.push(`${signal.name}: ${outcome.error}`);
      else {
        findings.push(...outcome.result.findings);
        if (outcome.result.facts) facts = { ...facts, ...outcome.result.facts };
      }
      continue;
    }
    try {
      const result = await timed(signal.name, () => signal.run(ctx));
      findings.push(...result.findings);
      if (result.facts) facts = { ...facts, ...result.facts };
    } catch (error) {
      errors.push(`${signal.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const { score, verdict } = combineFindings(findings);
  return {
    file,
    sha256,
    width,
    height,
    format,
    verdict,
    score,
    findings,
    facts: { ...facts, ...(errors.length > 0 ? { errors } : {}), timingsMs: timings },
  };
}

/**
 * Hands the detachable signals to the runner. Resolves to their outcomes by name, or to `undefined` when the runner
 * failed (the check then runs them itself, on the working image it reads lazily); `undefined` at once when there is
 * nothing to detach or the runner has no capacity.
 */
function startDetached(
  runner: SignalRunner,
  signals: readonly Signal[],
  source: Omit<DetachedSignalRequest, 'names'>,
): Promise<Map<string, DetachedSignalOutcome> | undefined> | undefined {
  const names = signals.filter((s) => s.detachable).map((s) => s.name);
  if (names.length === 0) return undefined;
  const running = runner.tryRun({ names, ...source });
  return running?.then(
    (outcomes) => new Map(outcomes.map((o) => [o.name, o])),
    () => undefined,
  );
}
