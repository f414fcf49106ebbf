/**
 * A lenient, bounds-checked reader of JPEG (ITU-T T.81) marker segments: frame header, quantisation and Huffman
 * tables, restart interval and scan headers. It never decodes pixels and never allocates in proportion to a length
 * read from the file. Damage is reported in `problems`, never thrown: whatever was read before it is kept.
 */

/** How the frame is coded (SOF0..SOF15): sequential baseline/extended, progressive, lossless. */
export type JpegProcess = 'baseline' | 'extended' | 'progressive' | 'lossless';

/** One component of the frame (Y, Cb, Cr for the usual JFIF/EXIF photo). */
export interface JpegComponent {
  readonly id: number;
  /** Horizontal and vertical sampling factors, 1..4. */
  readonly h: number;
  readonly v: number;
  /** Quantisation table id, 0..3. */
  readonly tq: number;
}

/** The frame header (SOFn). */
export interface JpegFrame {
  readonly process: JpegProcess;
  /** Arithmetic rather than Huffman entropy coding (SOF9..SOF15). */
  readonly arithmetic: boolean;
  /** Sample precision in bits (8 for photos; 12 or 16 for medical and lossless). */
  readonly precision: number;
  readonly width: number;
  readonly height: number;
  readonly components: readonly JpegComponent[];
}

/** A quantisation table as defined by a DQT segment, its 64 steps in zig-zag order (as stored). */
export interface JpegQuantTable {
  readonly id: number;
  /** 8 or 16 bits per entry. */
  readonly precision: 8 | 16;
  readonly zigzag: Uint16Array;
}

/** A Huffman table as defined by a DHT segment: code counts per length 1..16 and the symbols in code order. */
export interface JpegHuffmanTable {
  /** 0: DC (or lossless), 1: AC. */
  readonly tableClass: 0 | 1;
  readonly id: number;
  readonly counts: Uint8Array;
  readonly symbols: Uint8Array;
}

/** One component of a scan and the entropy tables it uses. */
export interface JpegScanComponent {
  /** Index into {@link JpegFrame.components}. */
  readonly index: number;
  readonly dcTable: number;
  readonly acTable: number;
}

/** A scan header (SOS), with the tables in force when it starts. */
export interface JpegScan {
  readonly components: readonly JpegScanComponent[];
  /** Spectral selection start and end, successive approximation high and low bits. */
  readonly ss: number;
  readonly se: number;
  readonly ah: number;
  readonly al: number;
  /** Offset of the scan's first entropy-coded byte. */
  readonly dataStart: number;
  /** Restart interval in MCUs (0: none) in force for this scan. */
  readonly restartInterval: number;
  /** Huffman tables in force, keyed `dc0`..`dc3`, `ac0`..`ac3`. */
  readonly huffman: Readonly<Record<string, JpegHuffmanTable>>;
}

/** What {@link readJpegSegments} found. */
export interface JpegSegments {
  readonly frame?: JpegFrame;
  /** Quantisation tables by id (0..3) as last defined before the first scan. */
  readonly quantTables: readonly (JpegQuantTable | undefined)[];
  readonly scans: readonly JpegScan[];
  /** Non-fatal damage found while reading, in plain English. */
  readonly problems: readonly string[];
}

/** The zig-zag scan order: `ZIGZAG[k]` is the natural (row-major) index of the k-th coefficient. */
export const ZIGZAG: readonly number[] = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47,
  55, 62, 63,
];

/** Is this a JPEG (SOI marker followed by another marker)? */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

const SOF_PROCESS: Readonly<Record<number, JpegProcess>> = {
  0: 'baseline',
  1: 'extended',
  2: 'progressive',
  3: 'lossless',
};

/**
 * Reads the marker segments of a JPEG up to the end of the first frame's scans (or the first `maxScans` scans).
 * Entropy-coded data is skipped, not decoded. Never throws: a file that is not a JPEG yields no frame and a problem.
 * @param maxScans stop after this many scan headers (default: all); 1 is enough for tables and the frame
 * @example readJpegSegments(bytes, 1).quantTables[0]?.zigzag[0] // the luma DC quantisation step
 */
export function readJpegSegments(bytes: Uint8Array, maxScans = Number.POSITIVE_INFINITY): JpegSegments {
  const problems: string[] = [];
  const quantTables: (JpegQuantTable | undefined)[] = [undefined, undefined, undefined, undefined];
  const huffman: Record<string, JpegHuffmanTable> = {};
  const scans: JpegScan[] = [];
  let frame: JpegFrame | undefined;
  let restartInterval = 0;
  if (!isJpeg(bytes)) return { quantTables, scans, problems: ['not a JPEG (no SOI marker)'] };
  const u16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) {
      problems.push(`expected a marker at byte ${pos}`);
      break;
    }
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2; // stray RSTn / TEM carry no length
      continue;
    }
    const length = u16(pos + 2);
    const start = pos + 4;
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) {
      problems.push(`segment 0xFF${marker.toString(16).toUpperCase()} at byte ${pos} runs past the end of the file`);
      break;
    }
    if (marker === 0xdb) readDqt(bytes, start, end, quantTables, problems, scans.length > 0);
    else if (marker === 0xc4) readDht(bytes, start, end, huffman, problems);
    else if (marker === 0xdd && length >= 4) restartInterval = u16(start);
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (frame) {
        problems.push('a second frame header (hierarchical JPEG) was ignored');
      } else {
        frame = readSof(bytes, marker, start, end, problems);
      }
    } else if (marker === 0xda) {
      const scan = readSos(bytes, start, end, frame, { ...huffman }, restartInterval, problems);
      if (!scan) break;
      scans.push(scan);
      if (scans.length >= maxScans) break;
      pos = skipEntropyData(bytes, end);
      continue;
    }
    pos = end;
  }
  return { ...(frame ? { frame } : {}), quantTables, scans, problems };
}

/** The offset of the first marker after entropy-coded data starting at `from` (not RSTn, not a stuffed 0xFF00). */
export function skipEntropyData(bytes: Uint8Array, from: number): number {
  let i = from;
  const n = bytes.length - 1;
  while (i < n) {
    i = bytes.indexOf(0xff, i);
    if (i < 0 || i >= n) return bytes.length;
    const next = bytes[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      i += next === 0xff ? 1 : 2;
      continue;
    }
    return i;
  }
  return bytes.length;
}

function readDqt(
  bytes: Uint8Array,
  start: number,
  end: number,
  tables: (JpegQuantTable | undefined)[],
  problems: string[],
  afterFirstScan: boolean,
): void {
  let p = start;
  while (p < end) {
    const pq = bytes[p]! >> 4;
    const id = bytes[p]! & 15;
    const size = pq === 0 ? 64 : 128;
    if (p + 1 + size > end || pq > 1 || id > 3) {
      problems.push(`malformed quantisation table (precision ${pq}, id ${id})`);
      return;
    }
    const zigzag = new Uint16Array(64);
    for (let k = 0; k < 64; k++)
      zigzag[k] = pq === 0 ? bytes[p + 1 + k]! : (bytes[p + 1 + 2 * k]! << 8) | bytes[p + 2 + 2 * k]!;
    if (!afterFirstScan) tables[id] = { id, precision: pq === 0 ? 8 : 16, zigzag };
    p += 1 + size;
  }
}

function readDht(
  bytes: Uint8Array,
  start: number,
  end: number,
  tables: Record<string, JpegHuffmanTable>,
  problems: string[],
): void {
  let p = start;
  while (p + 17 <= end) {
    const tableClass = bytes[p]! >> 4;
    const id = bytes[p]! & 15;
    const counts = bytes.slice(p + 1, p + 17);
    const total = counts.reduce((a, b) => a + b, 0);
    if (tableClass > 1 || id > 3 || total > 256 || p + 17 + total > end) {
      problems.push(`malformed Huffman table (class ${tableClass}, id ${id})`);
      return;
    }
    tables[`${tableClass === 0 ? 'dc' : 'ac'}${id}`] = {
      tableClass: tableClass === 0 ? 0 : 1,
      id,
      counts,
      symbols: bytes.slice(p + 17, p + 17 + total),
    };
    p += 17 + total;
  }
}

function readSof(
  bytes: Uint8Array,
  marker: number,
  start: number,
  end: number,
  problems: string[],
): JpegFrame | undefined {
  const n = bytes[start + 5] ?? 0;
  if (start + 6 + 3 * n > end || n === 0 || n > 4) {
    problems.push(`malformed frame header with ${n} components`);
    return undefined;
  }
  const components: JpegComponent[] = [];
  for (let i = 0; i < n; i++) {
    const at = start + 6 + 3 * i;
    const h = bytes[at + 1]! >> 4;
    const v = bytes[at + 1]! & 15;
    const tq = bytes[at + 2]!;
    if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
      problems.push(`component ${i} has sampling ${h}×${v} and table ${tq}`);
      return undefined;
    }
    components.push({ id: bytes[at]!, h, v, tq });
  }
  const kind = marker & 3;
  return {
    process: SOF_PROCESS[kind]!,
    arithmetic: marker >= 0xc9,
    precision: bytes[start]!,
    height: (bytes[start + 1]! << 8) | bytes[start + 2]!,
    width: (bytes[start + 3]! << 8) | bytes[start + 4]!,
    components,
  };
}

function readSos(
  bytes: Uint8Array,
  start: number,
  end: number,
  frame: JpegFrame | undefined,
  huffman: Record<string, JpegHuffmanTable>,
  restartInterval: number,
  problems: string[],
): JpegScan | undefined {
  const n = bytes[start] ?? 0;
  if (!frame || n === 0 || n > 4 || start + 1 + 2 * n + 3 > end) {
    problems.push(frame ? `malformed scan header with ${n} components` : 'a scan before any frame header');
    return undefined;
  }
  const components: JpegScanComponent[] = [];
  for (let i = 0; i < n; i++) {
    const id = bytes[start + 1 + 2 * i]!;
    const tables = bytes[start + 2 + 2 * i]!;
    const index = frame.components.findIndex((c) => c.id === id);
    if (index < 0) {
      problems.push(`a scan names component ${id}, which the frame does not have`);
      return undefined;
    }
    components.push({ index, dcTable: tables >> 4, acTable: tables & 15 });
  }
  const at = start + 1 + 2 * n;
  return {
    components,
    ss: bytes[at]!,
    se: bytes[at + 1]!,
    ah: bytes[at + 2]! >> 4,
    al: bytes[at + 2]! & 15,
    dataStart: end,
    restartInterval,
    huffman,
  };
}
