/**
 * Reads the quantised DCT coefficients of a baseline or extended sequential, Huffman-coded JPEG's first component
 * (luma in a YCbCr photo), without dequantising or transforming them: the entropy decoder of ITU-T T.81 F.2.2 and
 * nothing more. Progressive, arithmetic-coded, lossless and 12-bit files are refused cleanly. Every read is
 * bounds-checked; the work is capped by a block budget and a deadline. Pure: bytes in, coefficients out.
 */
import { readJpegSegments, type JpegFrame, type JpegHuffmanTable, type JpegScan } from './jpeg-segments.js';

const EMPTY = new Int16Array(0);

/** The quantised coefficients of one component, on its own 8×8 block grid. */
export interface ComponentCoefficients {
  /** Component id from the frame header (1, 2, 3 for Y, Cb, Cr in JFIF). */
  readonly id: number;
  /** Blocks across and down that cover the component (padding blocks of the last MCU row/column dropped). */
  readonly blocksWide: number;
  readonly blocksHigh: number;
  /** Coefficients kept per block, in zig-zag order from DC. */
  readonly keep: number;
  /** Quantised values, block `b`'s coefficient `k` (zig-zag) at `b * keep + k`; blocks in raster order. */
  readonly values: Int16Array;
  /** The component's quantisation steps, zig-zag order. */
  readonly quant: Uint16Array;
  /** Sampling factors (1..4). */
  readonly h: number;
  readonly v: number;
}

/** The coefficients read from a JPEG: the first component always, the others when asked for. */
export interface JpegCoefficients {
  /** Image size from the frame header, in stored orientation. */
  readonly width: number;
  readonly height: number;
  /** Largest sampling factors of the frame. */
  readonly hMax: number;
  readonly vMax: number;
  /** Components in frame order; `[0]` is luma in a YCbCr photo. */
  readonly components: readonly ComponentCoefficients[];
  /** Number of components in the frame (1 grey, 3 YCbCr, 4 CMYK/YCCK). */
  readonly frameComponents: number;
}

/** Why coefficients could not be read. */
export type CoefficientFailure =
  | 'not_jpeg'
  | 'progressive'
  | 'arithmetic'
  | 'lossless'
  | 'unsupported'
  | 'corrupt'
  | 'truncated'
  | 'too_large'
  | 'timeout';

/** The outcome of {@link readJpegCoefficients}. */
export type CoefficientResult =
  | { readonly ok: true; readonly coefficients: JpegCoefficients }
  | { readonly ok: false; readonly reason: CoefficientFailure; readonly message: string };

/** Options of {@link readJpegCoefficients}. */
export interface CoefficientOptions {
  /** Zig-zag coefficients to keep per block of the first component, 1..64. Default 16. */
  readonly keep?: number;
  /** … and of every other component, 0..64 (0: do not keep them). Default 0. */
  readonly keepOthers?: number;
  /** Refuse a frame with more 8×8 blocks (all components) than this. Default 2²² (a 134-megapixel YCbCr 4:2:0 photo). */
  readonly maxBlocks?: number;
  /** Give up after this many milliseconds. Default 2,000. */
  readonly timeoutMs?: number;
  /** Clock in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/** A Huffman table ready for decoding: a 9-bit lookup for short codes, canonical limits for the rest. */
interface Decoder {
  /** `(length << 8) | symbol` for codes of at most {@link LOOKUP_BITS} bits, indexed by the next bits; 0 when longer. */
  readonly lookup: Uint16Array;
  /** Largest code of each length 1..16 (−1 when none), and the index of its first symbol. */
  readonly maxCode: Int32Array;
  readonly offset: Int32Array;
  readonly symbols: Uint8Array;
}

const LOOKUP_BITS = 10;
const LOOKUP_MASK = (1 << LOOKUP_BITS) - 1;

function buildDecoder(table: JpegHuffmanTable): Decoder | undefined {
  const lookup = new Uint16Array(1 << LOOKUP_BITS);
  const maxCode = new Int32Array(18).fill(-1);
  const offset = new Int32Array(18);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const count = table.counts[len - 1]!;
    offset[len] = k - code;
    for (let i = 0; i < count; i++, k++, code++) {
      if (code >= 1 << len) return undefined; // over-subscribed code lengths
      if (len <= LOOKUP_BITS) {
        const shift = LOOKUP_BITS - len;
        const entry = (len << 8) | table.symbols[k]!;
        for (let fill = code << shift, last = (code + 1) << shift; fill < last; fill++) lookup[fill] = entry;
      }
    }
    if (count > 0) maxCode[len] = code - 1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { lookup, maxCode, offset, symbols: table.symbols };
}

const fail = (reason: CoefficientFailure, message: string): CoefficientResult => ({ ok: false, reason, message });

/**
 * Decodes the entropy-coded data of the scans that carry the components asked for and keeps the first `keep`
 * zig-zag coefficients per block of the first component (and `keepOthers` of the others). Never throws for bad input.
 * @example
 * const result = readJpegCoefficients(bytes, { keep: 10 });
 * if (result.ok) result.coefficients.components[0].values[0]; // DC of the top-left block, in quantisation steps
 */
export function readJpegCoefficients(bytes: Uint8Array, options: CoefficientOptions = {}): CoefficientResult {
  const keep = Math.max(1, Math.min(64, Math.floor(options.keep ?? 16)));
  const keepOthers = Math.max(0, Math.min(64, Math.floor(options.keepOthers ?? 0)));
  const segments = readJpegSegments(bytes);
  const frame = segments.frame;
  if (!frame) return fail('not_jpeg', segments.problems[0] ?? 'no frame header');
  if (frame.arithmetic) return fail('arithmetic', 'arithmetic-coded JPEG');
  if (frame.process === 'progressive') return fail('progressive', 'progressive JPEG');
  if (frame.process === 'lossless') return fail('lossless', 'lossless JPEG');
  if (frame.precision !== 8) return fail('unsupported', `${frame.precision}-bit samples`);
  if (frame.width === 0 || frame.height === 0) return fail('unsupported', 'no image size in the frame header');
  const hMax = Math.max(...frame.components.map((c) => c.h));
  const vMax = Math.max(...frame.components.map((c) => c.v));
  const grids = frame.components.map((c) => ({
    blocksWide: Math.ceil(Math.ceil((frame.width * c.h) / hMax) / 8),
    blocksHigh: Math.ceil(Math.ceil((frame.height * c.v) / vMax) / 8),
  }));
  const maxBlocks = options.maxBlocks ?? 2 ** 22;
  const totalBlocks = grids.reduce((n, g) => n + g.blocksWide * g.blocksHigh, 0);
  if (totalBlocks > maxBlocks) return fail('too_large', `${totalBlocks} blocks, over the ${maxBlocks}-block budget`);
  const wanted = keepOthers > 0 ? frame.components.length : 1;
  const components: ComponentCoefficients[] = [];
  for (let i = 0; i < wanted; i++) {
    const c = frame.components[i]!;
    const quant = segments.quantTables[c.tq];
    if (!quant) return fail('corrupt', `quantisation table ${c.tq} is not defined`);
    const k = i === 0 ? keep : keepOthers;
    const { blocksWide, blocksHigh } = grids[i]!;
    const values = new Int16Array(blocksWide * blocksHigh * k);
    components.push({ id: c.id, blocksWide, blocksHigh, keep: k, values, quant: quant.zigzag, h: c.h, v: c.v });
  }
  const now = options.now ?? (() => performance.now());
  const deadline = now() + (options.timeoutMs ?? 2000);
  const done = new Set<number>();
  for (const scan of segments.scans) {
    if (!scan.components.some((c) => c.index < wanted && !done.has(c.index))) continue;
    const failure = decodeScan(bytes, scan, frame, hMax, vMax, components, now, deadline);
    if (failure) return failure;
    for (const c of scan.components) done.add(c.index);
  }
  for (let i = 0; i < wanted; i++) {
    if (!done.has(i)) return fail('truncated', segments.problems[0] ?? `no scan carries component ${i}`);
  }
  return {
    ok: true,
    coefficients: {
      width: frame.width,
      height: frame.height,
      hMax,
      vMax,
      components,
      frameComponents: frame.components.length,
    },
  };
}

/**
 * `(value << 8) | (run << 4) | bits` for AC codes whose code and magnitude bits fit in {@link LOOKUP_BITS}, indexed by
 * the next bits; 0 otherwise (the stb_image trick: most AC coefficients decode with one lookup).
 */
function fastAc(decoder: Decoder): Int32Array {
  const fast = new Int32Array(1 << LOOKUP_BITS);
  for (let i = 0; i < fast.length; i++) {
    const entry = decoder.lookup[i]!;
    if (entry === 0) continue;
    const len = entry >> 8;
    const run = (entry >> 4) & 15;
    const s = entry & 15;
    if (s === 0 || len + s > LOOKUP_BITS) continue;
    let value = (i >> (LOOKUP_BITS - len - s)) & ((1 << s) - 1);
    if (value < 1 << (s - 1)) value += 1 - (1 << s);
    fast[i] = (value * 256) | (run << 4) | (len + s);
  }
  return fast;
}

/** Decodes one sequential Huffman scan; returns a failure, or undefined once every MCU is decoded. */
function decodeScan(
  data: Uint8Array,
  scan: JpegScan,
  frame: JpegFrame,
  hMax: number,
  vMax: number,
  stored: readonly ComponentCoefficients[],
  now: () => number,
  deadline: number,
): CoefficientResult | undefined {
  const { width, height } = frame;
  const frameComponents = frame.components;
  if (scan.ss !== 0 || scan.se !== 63 || scan.ah !== 0 || scan.al !== 0) {
    return fail('unsupported', 'a sequential scan with spectral selection or successive approximation');
  }
  const interleaved = scan.components.length > 1;
  // The blocks of one MCU, in coding order: which component, and where in that component's block grid.
  const planComp: number[] = [];
  const planX: number[] = [];
  const planY: number[] = [];
  const dcs: Decoder[] = [];
  const acs: Decoder[] = [];
  const fasts: Int32Array[] = [];
  const hs: number[] = [];
  const vs: number[] = [];
  for (const [i, c] of scan.components.entries()) {
    const dcTable = scan.huffman[`dc${c.dcTable}`];
    const acTable = scan.huffman[`ac${c.acTable}`];
    const dc = dcTable && buildDecoder(dcTable);
    const ac = acTable && buildDecoder(acTable);
    if (!dc || !ac) return fail('corrupt', `Huffman tables dc${c.dcTable}/ac${c.acTable} are missing or invalid`);
    dcs.push(dc);
    acs.push(ac);
    fasts.push(fastAc(ac));
    const fc = frameComponents[c.index]!;
    const h = interleaved ? fc.h : 1;
    const v = interleaved ? fc.v : 1;
    hs.push(h);
    vs.push(v);
    for (let by = 0; by < v; by++) {
      for (let bx = 0; bx < h; bx++) {
        planComp.push(i);
        planX.push(bx);
        planY.push(by);
      }
    }
  }
  // Where each scan component's blocks go (undefined: decoded and dropped).
  const targets = scan.components.map((c) => stored[c.index]);
  const only = frameComponents[scan.components[0]!.index]!;
  const mcusX = interleaved ? Math.ceil(width / (8 * hMax)) : Math.ceil(Math.ceil((width * only.h) / hMax) / 8);
  const mcusY = interleaved ? Math.ceil(height / (8 * vMax)) : Math.ceil(Math.ceil((height * only.v) / vMax) / 8);
  const preds = new Int32Array(scan.components.length);
  const end = data.length;
  let pos = scan.dataStart;
  let acc = 0;
  let bits = 0;
  let padded = 0; // zero bytes fed at a marker or past the end of the data
  const restart = scan.restartInterval;
  let mcu = 0;
  for (let my = 0; my < mcusY; my++) {
    if (now() > deadline) return fail('timeout', `gave up after MCU row ${my} of ${mcusY}`);
    for (let mx = 0; mx < mcusX; mx++, mcu++) {
      if (restart > 0 && mcu > 0 && mcu % restart === 0) {
        // Byte-align, find the RSTn marker, reset the DC predictors.
        acc = 0;
        bits = 0;
        let p = pos;
        while (p + 1 < end && !(data[p] === 0xff && data[p + 1]! >= 0xd0 && data[p + 1]! <= 0xd7)) p++;
        if (p + 1 >= end) return fail('truncated', `restart marker missing before MCU ${mcu}`);
        pos = p + 2;
        preds.fill(0);
      }
      for (let b = 0; b < planComp.length; b++) {
        const slot = planComp[b]!;
        const gx = mx * hs[slot]! + planX[b]!;
        const gy = my * vs[slot]! + planY[b]!;
        const target = targets[slot];
        const keep = target ? target.keep : 0;
        const values = target ? target.values : EMPTY;
        const store =
          target && gx < target.blocksWide && gy < target.blocksHigh ? (gy * target.blocksWide + gx) * keep : -1;
        // DC: a Huffman-coded magnitude category, then that many bits of difference from the predictor.
        while (bits <= 24) {
          let byte = 0;
          if (pos < end) {
            byte = data[pos]!;
            if (byte !== 0xff) pos++;
            else if (data[pos + 1] === 0x00) pos += 2;
            else {
              byte = 0;
              padded++;
            }
          } else padded++;
          acc = ((acc << 8) | byte) >>> 0;
          bits += 8;
        }
        const dc = dcs[slot]!;
        let symbol = dc.lookup[(acc >>> (bits - LOOKUP_BITS)) & LOOKUP_MASK]! || decodeSymbol(dc, acc, bits);
        if (symbol < 0) return fail('corrupt', `invalid DC Huffman code in MCU ${mcu}`);
        bits -= symbol >> 8;
        let s = symbol & 255;
        if (s > 0) {
          if (s > 11) return fail('corrupt', `DC difference of ${s} bits in MCU ${mcu}`);
          while (bits <= 24) {
            let byte = 0;
            if (pos < end) {
              byte = data[pos]!;
              if (byte !== 0xff) pos++;
              else if (data[pos + 1] === 0x00) pos += 2;
              else {
                byte = 0;
                padded++;
              }
            } else padded++;
            acc = ((acc << 8) | byte) >>> 0;
            bits += 8;
          }
          let value = (acc >>> (bits - s)) & ((1 << s) - 1);
          bits -= s;
          if (value < 1 << (s - 1)) value += 1 - (1 << s);
          preds[slot]! += value;
        }
        if (store >= 0) values[store] = preds[slot]!;
        // AC: (run, size) symbols until end of block.
        const ac = acs[slot]!;
        const fast = fasts[slot]!;
        for (let k = 1; k < 64;) {
          while (bits <= 24) {
            let byte = 0;
            if (pos < end) {
              byte = data[pos]!;
              if (byte !== 0xff) pos++;
              else if (data[pos + 1] === 0x00) pos += 2;
              else {
                byte = 0;
                padded++;
              }
            } else padded++;
            acc = ((acc << 8) | byte) >>> 0;
            bits += 8;
          }
          const peek = (acc >>> (bits - LOOKUP_BITS)) & LOOKUP_MASK;
          const f = fast[peek]!;
          if (f !== 0) {
            bits -= f & 15;
            k += (f >> 4) & 15;
            if (store >= 0 && k < keep) values[store + k] = f >> 8;
            k++;
            continue;
          }
          // Short codes (end of block above all) straight from the lookup; only long codes take the call.
          symbol = ac.lookup[peek]! || decodeSymbol(ac, acc, bits);
          if (symbol < 0) return fail('corrupt', `invalid AC Huffman code in MCU ${mcu}`);
          bits -= symbol >> 8;
          const rs = symbol & 255;
          s = rs & 15;
          if (s === 0) {
            if (rs !== 0xf0) break; // end of block
            k += 16;
            continue;
          }
          k += rs >> 4;
          if (k > 63) return fail('corrupt', `coefficient index past 63 in MCU ${mcu}`);
          if (bits < s) {
            while (bits <= 24) {
              let byte = 0;
              if (pos < end) {
                byte = data[pos]!;
                if (byte !== 0xff) pos++;
                else if (data[pos + 1] === 0x00) pos += 2;
                else {
                  byte = 0;
                  padded++;
                }
              } else padded++;
              acc = ((acc << 8) | byte) >>> 0;
              bits += 8;
            }
          }
          let value = (acc >>> (bits - s)) & ((1 << s) - 1);
          bits -= s;
          if (value < 1 << (s - 1)) value += 1 - (1 << s);
          if (store >= 0 && k < keep) values[store + k] = value;
          k++;
        }
      }
      if (padded > 64) return fail('truncated', `the entropy-coded data ends in MCU ${mcu} of ${mcusX * mcusY}`);
    }
  }
  return undefined;
}

/** The next Huffman symbol in `acc`'s top `bits` bits (at least 16 available): `(length << 8) | symbol`, or −1. */
function decodeSymbol(table: Decoder, acc: number, bits: number): number {
  const entry = table.lookup[(acc >>> (bits - LOOKUP_BITS)) & LOOKUP_MASK]!;
  if (entry !== 0) return entry;
  let len = LOOKUP_BITS + 1;
  let code = (acc >>> (bits - len)) & ((1 << len) - 1);
  while (len <= 16 && code > table.maxCode[len]!) {
    len++;
    code = (acc >>> (bits - len)) & ((1 << len) - 1);
  }
  if (len > 16) return -1;
  const symbol = table.symbols[table.offset[len]! + code];
  return symbol === undefined ? -1 : (len << 8) | symbol;
}
