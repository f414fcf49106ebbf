/**
 * The difference map as a small greyscale PNG (`data:` URI) for reviewers: black where the photo matches its
 * reference, white where it differs most; cells outside the compared area are black.
 */
import { base64, encodeGreyPng, HEATMAP_MAX_SIDE } from '../tamper/heatmap-png.js';

/** Score at which a heat-map cell turns white (scores are ratios to the region threshold). */
const WHITE_AT = 3;

/**
 * Renders per-cell scores (ratio to the threshold, 1 = at it) as a PNG data URI, ≤ 128 px on its longer side.
 * @example differenceHeatmap(score, 400, 300) // 'data:image/png;base64,iVBORw0KGgo…'
 */
export function differenceHeatmap(score: Float32Array, width: number, height: number): string {
  const scale = Math.min(1, HEATMAP_MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const samples = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.max(y0 + 1, Math.min(height, Math.floor((y + 1) / scale)));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.max(x0 + 1, Math.min(width, Math.floor((x + 1) / scale)));
      // Maximum over the cells this pixel covers, so thin strokes survive the shrink.
      let peak = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) peak = Math.max(peak, score[yy * width + xx]!);
      samples[y * w + x] = Math.round(255 * Math.min(1, peak / WHITE_AT));
    }
  }
  return `data:image/png;base64,${base64(encodeGreyPng(w, h, samples))}`;
}
