/**
 * JPEG quality from the quantisation tables: the libjpeg/IJG scaling of the ITU-T T.81 Annex K tables inverted per
 * table, and whether a table is exactly such a scaling (libjpeg, libjpeg-turbo, mozjpeg's baseline mode, sharp,
 * ImageMagick, most messaging apps and web encoders) or a custom table (camera makers, Photoshop, Apple).
 * Pure: tables in, facts out.
 */
import { ZIGZAG, type JpegSegments } from './jpeg-segments.js';

/** Annex K.1 luminance table, natural (row-major) order. */
export const STANDARD_LUMA: readonly number[] = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];

/** Annex K.2 chrominance table, natural order. */
export const STANDARD_CHROMA: readonly number[] = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99,
];

/**
 * The table libjpeg's `jpeg_set_quality(quality, force_baseline = TRUE)` makes from a basic table, natural order.
 * @param quality 1..100 (clamped)
 * @example scaledTable(STANDARD_LUMA, 50)[0] // 16
 */
export function scaledTable(basic: readonly number[], quality: number): number[] {
  const q = Math.max(1, Math.min(100, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return basic.map((b) => Math.max(1, Math.min(255, Math.floor((b * scale + 50) / 100))));
}

/** What one quantisation table says about the encoder. */
export interface QuantTableQuality {
  /** Table id 0..3. */
  readonly id: number;
  /** `luma` when the first component uses it, `chroma` when another does. */
  readonly role: 'luma' | 'chroma';
  /** The libjpeg quality 1..100 whose scaled Annex K table is closest to this one. */
  readonly quality: number;
  /** The table is exactly libjpeg's Annex K table at {@link quality}. */
  readonly standard: boolean;
  /** Mean absolute difference of log₂ steps from that closest scaled table (0 when standard). */
  readonly log2Error: number;
}

/** Quality facts of a JPEG. */
export interface JpegQuality {
  /** The luma table's estimated quality, 1..100. */
  readonly quality: number;
  /** Every table in use is an exact libjpeg scaling (of one quality or, rarely, several). */
  readonly standardTables: boolean;
  readonly tables: readonly QuantTableQuality[];
}

/**
 * Estimates the quality of one table (zig-zag order, as stored) by inverting libjpeg's scaling: the quality whose
 * scaled Annex K table is nearest in log step (ties to the higher quality).
 */
export function estimateTableQuality(
  zigzag: ArrayLike<number>,
  role: 'luma' | 'chroma',
): Omit<QuantTableQuality, 'id' | 'role'> {
  const basic = role === 'luma' ? STANDARD_LUMA : STANDARD_CHROMA;
  const natural = new Array<number>(64);
  for (let k = 0; k < 64; k++) natural[ZIGZAG[k]!] = Math.max(1, zigzag[k]!);
  let best = { quality: 50, standard: false, log2Error: Number.POSITIVE_INFINITY };
  for (let q = 100; q >= 1; q--) {
    const scaled = scaledTable(basic, q);
    let error = 0;
    let exact = true;
    for (let i = 0; i < 64; i++) {
      error += Math.abs(Math.log2(natural[i]! / scaled[i]!));
      if (natural[i] !== scaled[i]) exact = false;
    }
    if (exact) return { quality: q, standard: true, log2Error: 0 };
    if (error / 64 < best.log2Error - 1e-12) best = { quality: q, standard: false, log2Error: error / 64 };
  }
  return { ...best, log2Error: Math.round(best.log2Error * 1000) / 1000 };
}

/**
 * Quality facts for the tables a JPEG's frame uses. Undefined when the file has no frame or a component's table
 * is missing.
 * @example estimateJpegQuality(readJpegSegments(bytes, 1))?.quality // 92 for a phone photo
 */
export function estimateJpegQuality(segments: JpegSegments): JpegQuality | undefined {
  const frame = segments.frame;
  if (!frame) return undefined;
  const tables: QuantTableQuality[] = [];
  for (const [index, component] of frame.components.entries()) {
    if (tables.some((t) => t.id === component.tq)) continue;
    const table = segments.quantTables[component.tq];
    if (!table) return undefined;
    const role = index === 0 ? 'luma' : 'chroma';
    tables.push({ id: component.tq, role, ...estimateTableQuality(table.zigzag, role) });
  }
  return {
    quality: tables[0]!.quality,
    standardTables: tables.every((t) => t.standard),
    tables,
  };
}
