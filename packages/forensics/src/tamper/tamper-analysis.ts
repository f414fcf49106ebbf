/**
 * Runs the three tamper analyses of a photo once and shares them between the `tamper.*` signals: the JPEG's
 * quantisation facts, its DCT coefficients (double compression), a working image at most ~1,280 pixels on the
 * longer side (for a sequential JPEG straight from those coefficients, otherwise through the decoder port), error
 * level analysis through the port's JPEG encoder, and local noise levels. The encoder round trip runs while the
 * pure analyses compute. Everything is in the working image's frame; {@link WorkingFrame} maps it to the photo.
 */
import {
  readJpegCoefficients,
  type CoefficientFailure,
  type JpegCoefficients,
} from '../containers/jpeg-coefficients.js';
import { estimateJpegQuality, type JpegQuality } from '../containers/jpeg-quant.js';
import { readJpegSegments, type JpegProcess } from '../containers/jpeg-segments.js';
import type { DecodedImage } from '../ports.js';
import type { SignalContext } from '../signals/signal.js';
import {
  analyseDoubleJpeg,
  localiseDoubleJpeg,
  type DoubleJpegAnalysis,
  type DoubleJpegWindows,
} from './double-jpeg.js';
import { elaMaps, type ElaMaps } from './ela.js';
import { noiseMaps, type NoiseMaps } from './noise.js';
import {
  coefficientsForShrink,
  lumaOfImage,
  WORKING_MAX_SIDE,
  workingFromCoefficients,
  workingShrink,
  type LumaPlane,
} from './working-image.js';

/** How the working image relates to the checked photo. */
export interface WorkingFrame {
  /** Size of the frame the working image was shrunk from (stored size for coefficients, oriented for the port). */
  readonly width: number;
  readonly height: number;
  /** Orientation still to apply to boxes in this frame (the port's images are already oriented: 1). */
  readonly orientation: number;
  /** Working pixels per frame pixel, per axis. */
  readonly scaleX: number;
  readonly scaleY: number;
}

/** Everything the tamper signals read. */
export interface TamperAnalysis {
  readonly jpeg?: { readonly process: JpegProcess; readonly quality?: JpegQuality };
  readonly frame?: WorkingFrame;
  /** Working-image source, or why there is none. */
  readonly working: 'coefficients' | 'decoder' | 'undecodable';
  readonly doubleJpeg?:
    | { readonly analysis: DoubleJpegAnalysis; readonly windows: DoubleJpegWindows; readonly clippedShare: number }
    | { readonly skipped: CoefficientFailure | 'not_jpeg' };
  readonly ela?:
    | (ElaMaps & { readonly quality: number; readonly qualitySource: 'tables' | 'ghost' })
    | { readonly skipped: 'lossy_format' | 'no_encoder' | 'no_quality' | 'no_jpeg_history' | 'failed' };
  /** For a lossless photo: the JPEG quality its pixels were last compressed at, from the error dip, if any. */
  readonly ghost?: GhostEstimate;
  readonly noise?: NoiseMaps;
  /** Milliseconds spent per stage. */
  readonly timingsMs: Readonly<Record<string, number>>;
}

/** Coefficients a block may keep at most (the reader's budget): 12 MP at 4:2:0 is 281,250 blocks. */
const MAX_BLOCKS = 2 ** 22;
/** The coefficient reader gives up after this long (a 12 MP photo takes ~25 ms). */
const COEFFICIENT_TIMEOUT_MS = 2_000;
/** Per shrink: a block is clipped when a working pixel's channel is at least `high` or at most `low`. */
const CLIP_LEVELS: Readonly<Record<1 | 2 | 4 | 8, { high: number; low: number }>> = {
  1: { high: 250, low: 5 },
  2: { high: 245, low: 10 },
  4: { high: 240, low: 15 },
  8: { high: 235, low: 20 },
};

const cache = new WeakMap<SignalContext, Promise<TamperAnalysis>>();

/**
 * The photo's tamper analysis, computed on first use and shared by every signal of the same check.
 * Never rejects: stages that cannot run say why.
 */
export function tamperAnalysis(ctx: SignalContext): Promise<TamperAnalysis> {
  let pending = cache.get(ctx);
  if (!pending) {
    pending = analyse(ctx);
    cache.set(ctx, pending);
  }
  return pending;
}

/** The working image and what was read on the way to it, shared by the tamper analyses. */
interface WorkingStage {
  readonly jpeg?: TamperAnalysis['jpeg'];
  readonly doubleJpegSkipped: CoefficientFailure | 'not_jpeg';
  readonly coefficients?: JpegCoefficients;
  readonly clipped?: Uint8Array;
  readonly shrink: 1 | 2 | 4 | 8;
  /** Undefined when the photo could not be decoded. */
  readonly image?: DecodedImage;
  readonly luma?: LumaPlane;
  readonly frame?: WorkingFrame;
  readonly working: TamperAnalysis['working'];
  readonly timingsMs: Record<string, number>;
}

const workingCache = new WeakMap<SignalContext, Promise<WorkingStage>>();

/** What reading the working image needs: the photo's bytes, header and the decoder port. */
export type WorkingSource = Pick<
  SignalContext,
  'bytes' | 'format' | 'header' | 'width' | 'height' | 'decoder' | 'maxPixels'
>;

/** A working image being read, started before the check's signal context exists (see {@link beginWorkingImage}). */
export interface PendingWorkingImage {
  readonly pending: Promise<WorkingStage>;
}

/**
 * Starts reading the working image now: for a sequential JPEG the coefficient decode runs synchronously in this
 * call, so `checkPhoto` calls it while the decoder port decodes the preview on its own threads. Hand the result to
 * {@link adoptWorkingImage} once the signal context exists. Never rejects.
 */
export function beginWorkingImage(source: WorkingSource): PendingWorkingImage {
  return { pending: readWorking(source) };
}

/** Makes a working image started with {@link beginWorkingImage} the one the signals of `ctx` share. */
export function adoptWorkingImage(ctx: SignalContext, started: PendingWorkingImage): void {
  if (!workingCache.has(ctx)) workingCache.set(ctx, started.pending);
}

function workingStage(ctx: SignalContext): Promise<WorkingStage> {
  let pending = workingCache.get(ctx);
  if (!pending) {
    pending = readWorking(ctx);
    workingCache.set(ctx, pending);
  }
  return pending;
}

async function readWorking(ctx: WorkingSource): Promise<WorkingStage> {
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timingsMs[name] = Math.round((performance.now() - start) * 100) / 100;
    }
  };
  const long = Math.max(ctx.header.width, ctx.header.height);
  const shrink = workingShrink(long);
  let jpeg: TamperAnalysis['jpeg'];
  let doubleJpegSkipped: CoefficientFailure | 'not_jpeg' = 'not_jpeg';
  let stored: { readonly image: DecodedImage; readonly luma: LumaPlane } | undefined;
  let clipped: Uint8Array | undefined;
  let coefficients: JpegCoefficients | undefined;
  if (ctx.format === 'jpeg') {
    const segments = readJpegSegments(ctx.bytes, 1);
    if (segments.frame) {
      const quality = estimateJpegQuality(segments);
      jpeg = { process: segments.frame.process, ...(quality ? { quality } : {}) };
    }
    const need = coefficientsForShrink(shrink);
    const read = timed('coefficients', () =>
      readJpegCoefficients(ctx.bytes, {
        keep: Math.max(15, need),
        keepOthers: need,
        maxBlocks: Math.min(MAX_BLOCKS, Math.ceil(ctx.maxPixels / 32)),
        timeoutMs: COEFFICIENT_TIMEOUT_MS,
      }),
    );
    if (read.ok) coefficients = read.coefficients;
    else doubleJpegSkipped = read.reason;
    if (coefficients && Math.ceil(long / shrink) <= WORKING_MAX_SIDE) {
      const from = coefficients;
      stored = timed('working', () => workingFromCoefficients(from, shrink));
      if (stored)
        clipped = clippedBlocks(stored.image, from.components[0]!.blocksWide, from.components[0]!.blocksHigh, shrink);
    }
  }
  const common = {
    ...(jpeg ? { jpeg } : {}),
    doubleJpegSkipped,
    ...(coefficients ? { coefficients } : {}),
    ...(clipped ? { clipped } : {}),
    shrink,
    timingsMs,
  };
  if (stored) {
    const { image } = stored;
    return {
      ...common,
      image,
      luma: stored.luma,
      working: 'coefficients',
      frame: {
        width: ctx.header.width,
        height: ctx.header.height,
        orientation: ctx.header.orientation,
        scaleX: image.width / ctx.header.width,
        scaleY: image.height / ctx.header.height,
      },
    };
  }
  let image: DecodedImage;
  try {
    const maxSide = Math.min(WORKING_MAX_SIDE, Math.ceil(long / shrink));
    image = await ctx.decoder.decode(ctx.bytes, ctx.format, { maxSide, maxPixels: ctx.maxPixels });
  } catch {
    return { ...common, working: 'undecodable' };
  }
  return {
    ...common,
    image,
    luma: lumaOfImage(image),
    working: 'decoder',
    frame: {
      width: ctx.width,
      height: ctx.height,
      orientation: 1,
      scaleX: image.width / ctx.width,
      scaleY: image.height / ctx.height,
    },
  };
}

async function analyse(ctx: SignalContext): Promise<TamperAnalysis> {
  const stage = await workingStage(ctx);
  const timingsMs: Record<string, number> = { ...stage.timingsMs };
  const timed = <T>(name: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timingsMs[name] = Math.round((performance.now() - start) * 100) / 100;
    }
  };
  const { jpeg, shrink, clipped, frame, working } = stage;
  let doubleJpeg: TamperAnalysis['doubleJpeg'] = { skipped: stage.doubleJpegSkipped };
  if (!stage.image || !stage.luma || !frame) return { working, ...(jpeg ? { jpeg } : {}), timingsMs };
  const image = stage.image;
  const luma = stage.luma;

  // Start the encoder round trip, then do the pure work while it runs. A lossless photo gets its JPEG quality
  // from its pixels (the ghost of an earlier JPEG compression), when it has one.
  let ghost: GhostEstimate | undefined;
  if (!jpeg && LOSSLESS.has(ctx.format) && ctx.decoder.encodeJpeg && shrink === 1) {
    const start = performance.now();
    ghost = await ghostQuality(ctx, image);
    timingsMs.ghost = Math.round((performance.now() - start) * 100) / 100;
  }
  const quality = jpeg?.quality?.quality ?? ghost?.quality;
  const roundTrip = quality !== undefined && ctx.decoder.encodeJpeg ? recompress(ctx, image, quality) : undefined;

  if (stage.coefficients && clipped) {
    const luma0 = stage.coefficients.components[0]!;
    const analysis = timed('doubleJpeg', () => analyseDoubleJpeg(luma0));
    const windows = timed('doubleJpegWindows', () => localiseDoubleJpeg(analysis, { clipped }));
    let clippedCount = 0;
    for (let i = 0; i < clipped.length; i++) clippedCount += clipped[i]!;
    doubleJpeg = { analysis, windows, clippedShare: clippedCount / clipped.length };
  }
  const noise = timed('noise', () => noiseMaps(luma));

  let ela: TamperAnalysis['ela'];
  if (!ctx.decoder.encodeJpeg) ela = { skipped: 'no_encoder' };
  else if (!jpeg && !LOSSLESS.has(ctx.format)) ela = { skipped: 'lossy_format' };
  else if (quality === undefined) ela = { skipped: jpeg ? 'no_quality' : 'no_jpeg_history' };
  else if (!roundTrip) ela = { skipped: 'no_encoder' };
  else {
    const start = performance.now();
    const recompressed = await roundTrip;
    timingsMs.elaRoundTrip = Math.round((performance.now() - start) * 100) / 100;
    ela = recompressed
      ? { ...timed('ela', () => elaMaps(image, recompressed)), quality, qualitySource: jpeg ? 'tables' : 'ghost' }
      : { skipped: 'failed' };
  }
  return { ...(jpeg ? { jpeg } : {}), ...(ghost ? { ghost } : {}), frame, working, doubleJpeg, ela, noise, timingsMs };
}

/** The image after a JPEG round trip at `quality` through the port, or undefined when the port fails. */
async function recompress(ctx: SignalContext, image: DecodedImage, quality: number): Promise<DecodedImage | undefined> {
  try {
    const bytes = await ctx.decoder.encodeJpeg!(image, quality);
    const decoded = await ctx.decoder.decode(bytes, 'jpeg', {
      maxSide: Math.max(image.width, image.height),
      maxPixels: ctx.maxPixels,
      grey: image.channels === 1,
    });
    if (decoded.width !== image.width || decoded.height !== image.height || decoded.channels !== image.channels) {
      return undefined;
    }
    return decoded;
  } catch {
    return undefined;
  }
}

/** Lossless formats whose pixels may still carry an earlier JPEG compression on the 8×8 grid. */
const LOSSLESS: ReadonlySet<string> = new Set(['png', 'tiff']);
/** Qualities tried when looking for an earlier JPEG compression in a lossless photo. */
const GHOST_QUALITIES = [60, 70, 75, 80, 85, 90, 95];
/** The error at the best quality must be below this share of the error at its neighbours to count as a dip. */
const GHOST_DIP = 0.5;

/** The JPEG ghost of a lossless photo: the quality whose round trip changes it least, and how pronounced the dip is. */
export interface GhostEstimate {
  readonly quality?: number;
  /** Median per-cell mean squared error at each quality tried. */
  readonly errors: Readonly<Record<number, number>>;
  /** Error at the best quality over the smaller of its neighbours' (below {@link GHOST_DIP}: a real dip). */
  readonly dip: number;
}

/**
 * Round-trips the image at a few qualities: pixels last saved as JPEG at quality q barely change at q and change
 * more at its neighbours (a dip), while pixels never JPEG-compressed on this grid change less and less as the
 * quality rises (no dip). Returns the dip's quality, if any.
 */
async function ghostQuality(ctx: SignalContext, image: DecodedImage): Promise<GhostEstimate | undefined> {
  const errors: Record<number, number> = {};
  for (const q of GHOST_QUALITIES) {
    const round = await recompress(ctx, image, q);
    if (!round) return undefined;
    errors[q] = medianCellError(image, round);
  }
  let best = GHOST_QUALITIES[0]!;
  for (const q of GHOST_QUALITIES) if (errors[q]! < errors[best]!) best = q;
  const i = GHOST_QUALITIES.indexOf(best);
  const neighbours = [GHOST_QUALITIES[i - 1], GHOST_QUALITIES[i + 1]].filter((q): q is number => q !== undefined);
  const dip = errors[best]! / Math.max(1e-9, Math.min(...neighbours.map((q) => errors[q]!)));
  return { ...(dip < GHOST_DIP ? { quality: best } : {}), errors, dip: Math.round(dip * 1000) / 1000 };
}

/** Median over 8×8 cells of the mean squared difference, all channels. */
function medianCellError(a: DecodedImage, b: DecodedImage): number {
  const cw = Math.floor(a.width / 8);
  const ch = Math.floor(a.height / 8);
  const cells = new Float64Array(cw * ch);
  for (let y = 0; y < ch * 8; y++) {
    for (let x = 0; x < cw * 8; x++) {
      for (let c = 0; c < a.channels; c++) {
        const i = (y * a.width + x) * a.channels + c;
        const d = a.data[i]! - b.data[i]!;
        cells[(y >> 3) * cw + (x >> 3)]! += d * d;
      }
    }
  }
  cells.sort();
  return (cells[cells.length >> 1] ?? 0) / (64 * a.channels);
}

/** Per luma block (stored grid): does any working pixel it covers sit in the clipping range? */
function clippedBlocks(image: DecodedImage, blocksWide: number, blocksHigh: number, shrink: 1 | 2 | 4 | 8): Uint8Array {
  const { high, low } = CLIP_LEVELS[shrink];
  const n = 8 / shrink;
  const out = new Uint8Array(blocksWide * blocksHigh);
  const { width, height, channels, data } = image;
  for (let y = 0; y < height; y++) {
    const row = Math.min(blocksHigh - 1, Math.floor(y / n)) * blocksWide;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        const v = data[i + c]!;
        if (v >= high || v <= low) {
          out[row + Math.min(blocksWide - 1, Math.floor(x / n))] = 1;
          break;
        }
      }
    }
  }
  return out;
}
