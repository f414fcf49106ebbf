/**
 * A floating-point RGB canvas to paint damage on, and coverage layers (0..1) rasterised from polylines and
 * evaluated per pixel, blended onto the canvas by a caller-supplied rule.
 */
import type { Box, RgbRaster } from './raster.js';

/** RGB in floating point, 0..255, 3 values per pixel. */
export interface PaintCanvas {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** A coverage layer the size of the canvas, 0..1 per pixel. */
export interface Layer {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** A point in pixel coordinates (x, y). */
export type Point = readonly [number, number];

/** A floating-point copy of a picture. */
export function toCanvas(raster: RgbRaster): PaintCanvas {
  return { width: raster.width, height: raster.height, data: Float32Array.from(raster.data) };
}

/** The canvas rounded and clamped back to bytes. */
export function fromCanvas(canvas: PaintCanvas): RgbRaster {
  const data = new Uint8Array(canvas.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, Math.round(canvas.data[i]!)));
  return { width: canvas.width, height: canvas.height, data };
}

/** An empty layer of the canvas's size. */
export function newLayer(canvas: { width: number; height: number }): Layer {
  return { width: canvas.width, height: canvas.height, data: new Float32Array(canvas.width * canvas.height) };
}

/**
 * Rasterises an anti-aliased polyline into `layer` (coverage = max of what is there and the stroke).
 * `widths` is one width for the whole line or one per point (linearly interpolated along each segment),
 * in pixels.
 */
export function strokePolyline(layer: Layer, points: readonly Point[], widths: number | readonly number[]): void {
  const widthAt = (i: number) => (typeof widths === 'number' ? widths : (widths[i] ?? widths[widths.length - 1]!));
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const w0 = widthAt(i);
    const w1 = widthAt(i + 1);
    const pad = Math.max(w0, w1) / 2 + 1;
    const left = Math.max(0, Math.floor(Math.min(x0, x1) - pad));
    const right = Math.min(layer.width - 1, Math.ceil(Math.max(x0, x1) + pad));
    const top = Math.max(0, Math.floor(Math.min(y0, y1) - pad));
    const bottom = Math.min(layer.height - 1, Math.ceil(Math.max(y0, y1) + pad));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy || 1e-9;
    for (let y = top; y <= bottom; y++) {
      for (let x = left; x <= right; x++) {
        const px = x + 0.5 - x0;
        const py = y + 0.5 - y0;
        const t = Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        const half = (w0 + (w1 - w0) * t) / 2;
        const c = Math.min(1, Math.max(0, half + 0.5 - Math.sqrt(ex * ex + ey * ey)));
        const k = y * layer.width + x;
        if (c > layer.data[k]!) layer.data[k] = c;
      }
    }
  }
}

/** Fills `layer` inside `box` (clipped to the layer) with `value(x, y)` where that is larger than what is there. */
export function fillLayer(layer: Layer, box: Box, value: (x: number, y: number) => number): void {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(layer.width, Math.ceil(box.x + box.w));
  const y1 = Math.min(layer.height, Math.ceil(box.y + box.h));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = value(x + 0.5, y + 0.5);
      const k = y * layer.width + x;
      if (v > layer.data[k]!) layer.data[k] = Math.min(1, v);
    }
  }
}

/**
 * Blends per pixel where the layer is non-zero: `mix(rgb, alpha, pixelIndex)` receives the canvas's pixel as a
 * 3-element view to modify in place and the layer's coverage times `opacity`.
 */
export function blendLayer(
  canvas: PaintCanvas,
  layer: Layer,
  opacity: number,
  mix: (rgb: Float32Array, alpha: number, pixel: number) => void,
): void {
  for (let p = 0; p < layer.data.length; p++) {
    const a = layer.data[p]! * opacity;
    if (a <= 0) continue;
    mix(canvas.data.subarray(p * 3, p * 3 + 3), Math.min(1, a), p);
  }
}

/** Moves each channel toward `target` by `alpha` (normal blending). */
export function mixToward(rgb: Float32Array, target: readonly [number, number, number], alpha: number): void {
  for (let c = 0; c < 3; c++) rgb[c] = rgb[c]! + (target[c]! - rgb[c]!) * alpha;
}
