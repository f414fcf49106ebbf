/**
 * A greyscale PNG encoder for heat maps (8-bit, colour type 0, no filter, zlib via fflate) and a `data:` URI
 * wrapper, so a report can carry a small picture of where a tamper signal looked hot. Pure.
 */
import { zlibSync } from 'fflate';
import { pngChunk } from '../containers/png-chunk.js';
import type { BlockMap } from './block-map.js';

/** Longest side of a heat map image, in pixels. */
export const HEATMAP_MAX_SIDE = 128;

/**
 * Encodes 8-bit grey samples (row-major) as a PNG.
 * @throws {RangeError} when the size is not positive or `samples` is not `width × height` long
 */
export function encodeGreyPng(width: number, height: number, samples: Uint8Array): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`Expected a positive integer size but received ${width}×${height}`);
  }
  if (samples.length !== width * height) {
    throw new RangeError(`Expected ${width * height} samples but received ${samples.length}`);
  }
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(samples.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Standard base64 of bytes (no line breaks). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Renders a block map as a greyscale PNG `data:` URI no larger than {@link HEATMAP_MAX_SIDE} on its longer side
 * (nearest cell; enlarged cells when the map is small). Values map linearly from `low` (black) to `high` (white);
 * cells without data are black.
 * @example heatmapDataUri(map, 0, 8) // 'data:image/png;base64,iVBORw0KGgo…'
 */
export function heatmapDataUri(map: BlockMap, low: number, high: number): string {
  const scale = HEATMAP_MAX_SIDE / Math.max(map.width, map.height);
  const width = Math.max(1, Math.round(map.width * scale));
  const height = Math.max(1, Math.round(map.height * scale));
  const samples = new Uint8Array(width * height);
  const span = high > low ? high - low : 1;
  for (let y = 0; y < height; y++) {
    const my = Math.min(map.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const v = map.data[my * map.width + Math.min(map.width - 1, Math.floor(x / scale))]!;
      samples[y * width + x] = Number.isNaN(v) ? 0 : Math.round(255 * Math.max(0, Math.min(1, (v - low) / span)));
    }
  }
  return `data:image/png;base64,${base64(encodeGreyPng(width, height, samples))}`;
}
