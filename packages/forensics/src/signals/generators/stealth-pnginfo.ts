import { Gunzip } from 'fflate';
import { decodePngRows, readPngHeader, type PngRows } from '../../containers/png-rows.js';
import { isJsonObject, parseJsonObject } from './lenient-json.js';
import type { TextField } from './types.js';

/**
 * "Stealth PNG info" (the A1111 extension sd-webui-stealth-pnginfo, also used by NovelAI): the parameters hidden
 * in the least significant bit of the alpha channel, read column by column from the top-left pixel. A 15-byte
 * signature, a 32-bit big-endian payload length in bits, then the payload (gzip for `…comp`).
 */
const SIGNATURES: Readonly<Record<string, boolean>> = { stealth_pnginfo: false, stealth_pngcomp: true };
const SIGNATURE_BITS = 15 * 8;
/** Full decodes (only after a signature matched) are refused above this many pixels. */
export const MAX_STEALTH_PIXELS = 16 * 1024 * 1024;
/** Longest payload we decompress, in bytes. */
const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

/** Reads alpha LSBs in column-major order from the decoded rows (all rows must be present to pass column 0). */
function alphaBits(image: PngRows): (count: number) => number[] | undefined {
  const { samples, rows, channels } = image;
  const { width } = image.header;
  let index = 0;
  return (count) => {
    const bits: number[] = [];
    for (let i = 0; i < count; i++, index++) {
      const x = Math.floor(index / rows);
      const y = index % rows;
      if (x >= width) return undefined;
      bits.push(samples[(y * width + x) * channels + channels - 1]! & 1);
    }
    return bits;
  };
}

function toBytes(bits: readonly number[]): Uint8Array {
  const out = new Uint8Array(bits.length >> 3);
  for (let i = 0; i < out.length; i++) {
    let byte = 0;
    for (let b = 0; b < 8; b++) byte = (byte << 1) | bits[i * 8 + b]!;
    out[i] = byte;
  }
  return out;
}

function gunzipLimited(data: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const gunzip = new Gunzip((chunk) => {
      total += chunk.length;
      if (total > MAX_PAYLOAD_BYTES) throw new RangeError('stealth payload too large');
      parts.push(chunk);
    });
    gunzip.push(data, true);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The signature in the first alpha bits, or undefined. Needs the top `min(height, 120)` rows only. */
function signatureOf(bytes: Uint8Array, maxPixels: number): string | undefined {
  const header = readPngHeader(bytes);
  if (!header || header.colorType !== 6 || header.bitDepth !== 8) return undefined;
  const head = decodePngRows(bytes, 8, maxPixels);
  if (!head) return undefined;
  // Cheap first look: the first 8 bits must spell "s" (column 0 needs 8 rows; shorter images wrap columns).
  if (head.header.height >= 8 && toBytes(alphaBits(head)(8) ?? [])[0] !== 0x73) return undefined;
  const top = decodePngRows(bytes, SIGNATURE_BITS, maxPixels);
  const bits =
    top && (top.rows === top.header.height || top.rows >= SIGNATURE_BITS) ? alphaBits(top)(SIGNATURE_BITS) : undefined;
  const signature = bits && String.fromCharCode(...toBytes(bits));
  return signature && signature in SIGNATURES ? signature : undefined;
}

/**
 * Reads stealth PNG info from an RGBA PNG. Costs one small inflate (the top 8 rows) on PNGs without it.
 * @returns the hidden text and its signature, or undefined
 */
export function readStealthPngInfo(
  bytes: Uint8Array,
  maxPixels: number,
): { text: string; signature: string } | undefined {
  const signature = signatureOf(bytes, maxPixels);
  if (!signature) return undefined;
  const image = decodePngRows(bytes, Number.MAX_SAFE_INTEGER, Math.min(maxPixels, MAX_STEALTH_PIXELS));
  if (!image || image.rows !== image.header.height) return undefined;
  const read = alphaBits(image);
  read(SIGNATURE_BITS);
  const lengthBits = read(32);
  if (!lengthBits) return undefined;
  const payloadBits = toBytes(lengthBits).reduce((n, b) => n * 256 + b, 0);
  if (payloadBits <= 0 || payloadBits / 8 > MAX_PAYLOAD_BYTES) return undefined;
  const bits = read(payloadBits - (payloadBits % 8));
  if (!bits) return undefined;
  const payload = SIGNATURES[signature] ? gunzipLimited(toBytes(bits)) : toBytes(bits);
  if (!payload) return undefined;
  const text = new TextDecoder('utf-8').decode(payload).replace(/\0+$/, '');
  return text.trim().length > 0 ? { text, signature } : undefined;
}

/**
 * Stealth PNG info as parser fields: A1111 hides its infotext (read as `parameters`); NovelAI hides its PNG info
 * dictionary as JSON (each member read as the text chunk it stands for: `Comment`, `Description`, `Software`…).
 */
export function stealthFields(bytes: Uint8Array, maxPixels: number): TextField[] {
  const found = readStealthPngInfo(bytes, maxPixels);
  if (!found) return [];
  const source = `PNG alpha-channel LSB (${found.signature})`;
  const json = parseJsonObject(found.text);
  if (!json) return [{ key: 'parameters', source, text: found.text }];
  return Object.entries(json).flatMap(([key, value]) => {
    const text = typeof value === 'string' ? value : isJsonObject(value) ? JSON.stringify(value) : undefined;
    return text ? [{ key: key.toLowerCase(), source: `${source} "${key}"`, text }] : [];
  });
}
