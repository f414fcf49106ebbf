/**
 * Dense refinement of a feature alignment. Keypoints fix the transform to about a pixel, but a residual of a cell
 * or two along a high-contrast outline already looks like a change to the difference map. Blocks of the claim grid
 * are matched against the resampled reference around their current position (normalised cross-correlation, so tone
 * changes do not matter, to sub-cell precision), and a homography is refitted on the block correspondences,
 * leaving out blocks that disagree (painted ones among them).
 */
import type { AlignedPair } from './aligned-pair.js';
import { applyHomography, fitHomography, type Homography } from './homography.js';

const BLOCK = 12;
const STRIDE = 20;
const RADIUS = 2;
/** A block needs this luma standard deviation (texture) to be matched. */
const MIN_BLOCK_STD = 6;
/** …and this correlation at its best shift. */
const MIN_NCC = 0.85;
const MIN_BLOCKS = 12;
/** Share of a block's cells that must be compared cells (not padding). */
const MIN_COMPARED_SHARE = 0.3;

/**
 * Refits the alignment from block matches on the comparison grid.
 * @param h claim working pixels → reference feature pixels, as used to build `pair`
 * @param workWidth the claim's working width (grid cells map to it)
 * @returns the refined homography, or undefined when too few blocks matched
 */
export function refineAlignment(
  pair: AlignedPair,
  h: Homography,
  workWidth: number,
  workHeight: number,
): Homography | undefined {
  // Blocks the reference covers whole, with at least some compared (non-padding) cells: outlines against a uniform
  // background align best, while blocks of padding alone (or an app's bars over the picture) say nothing.
  const { width: w, height: gh, inside, mask } = pair;
  const a = pair.claim[0].data;
  const b = pair.reference[0].data;
  const stepX = workWidth / w;
  const stepY = workHeight / gh;
  const px: number[] = [];
  const py: number[] = [];
  const qx: number[] = [];
  const qy: number[] = [];
  const n = BLOCK * BLOCK;
  const scores = new Float64Array((2 * RADIUS + 1) ** 2);
  for (let y0 = RADIUS; y0 + BLOCK + RADIUS <= gh; y0 += STRIDE) {
    for (let x0 = RADIUS; x0 + BLOCK + RADIUS <= w; x0 += STRIDE) {
      let covered = true;
      let compared = 0;
      for (let y = y0 - RADIUS; y < y0 + BLOCK + RADIUS && covered; y += 2) {
        for (let x = x0 - RADIUS; x < x0 + BLOCK + RADIUS; x += 2) {
          if (!inside[y * w + x]) {
            covered = false;
            break;
          }
          compared += mask[y * w + x]!;
        }
      }
      if (!covered || compared < MIN_COMPARED_SHARE * ((BLOCK + 2 * RADIUS) / 2) ** 2) continue;
      let sa = 0;
      let saa = 0;
      for (let y = y0; y < y0 + BLOCK; y++) {
        for (let x = x0; x < x0 + BLOCK; x++) {
          const v = a[y * w + x]!;
          sa += v;
          saa += v * v;
        }
      }
      const varA = saa / n - (sa / n) ** 2;
      if (varA < MIN_BLOCK_STD * MIN_BLOCK_STD) continue;
      let best = -1;
      let bestK = -1;
      let k = 0;
      for (let dy = -RADIUS; dy <= RADIUS; dy++) {
        for (let dx = -RADIUS; dx <= RADIUS; dx++, k++) {
          let sb = 0;
          let sbb = 0;
          let sab = 0;
          for (let y = y0; y < y0 + BLOCK; y++) {
            const ra = y * w;
            const rb = (y + dy) * w + dx;
            for (let x = x0; x < x0 + BLOCK; x++) {
              const va = a[ra + x]!;
              const vb = b[rb + x]!;
              sb += vb;
              sbb += vb * vb;
              sab += va * vb;
            }
          }
          const varB = sbb / n - (sb / n) ** 2;
          const ncc = varB > 1e-6 ? (sab / n - (sa / n) * (sb / n)) / Math.sqrt(varA * varB) : -1;
          scores[k] = ncc;
          if (ncc > best) {
            best = ncc;
            bestK = k;
          }
        }
      }
      if (best < MIN_NCC) continue;
      const side = 2 * RADIUS + 1;
      const bx = (bestK % side) - RADIUS;
      const by = Math.floor(bestK / side) - RADIUS;
      if (Math.abs(bx) === RADIUS || Math.abs(by) === RADIUS) continue; // the peak may lie beyond the search
      const at = (dx: number, dy: number) => scores[(dy + RADIUS) * side + dx + RADIUS]!;
      const sub = (m: number, c: number, p: number) => {
        const d = m - 2 * c + p;
        return d < 0 ? (0.5 * (m - p)) / d : 0;
      };
      const sx = bx + sub(at(bx - 1, by), best, at(bx + 1, by));
      const sy = by + sub(at(bx, by - 1), best, at(bx, by + 1));
      // The claim's block centre shows what the reference has at the centre shifted by (sx, sy) cells.
      const cx = (x0 + BLOCK / 2) * stepX - 0.5;
      const cy = (y0 + BLOCK / 2) * stepY - 0.5;
      const [u, v] = applyHomography(h, cx + sx * stepX, cy + sy * stepY);
      px.push(cx);
      py.push(cy);
      qx.push(u);
      qy.push(v);
    }
  }
  if (px.length < MIN_BLOCKS) return undefined;
  let idx = px.map((_, i) => i);
  let refined: Homography | undefined;
  for (let round = 0; round < 3; round++) {
    refined = fitHomography(px, py, qx, qy, idx);
    if (!refined) return undefined;
    const errors = idx.map((i) => {
      const [u, v] = applyHomography(refined!, px[i]!, py[i]!);
      return Math.hypot(u - qx[i]!, v - qy[i]!);
    });
    const sorted = [...errors].sort((x, y) => x - y);
    const limit = Math.max(0.5, 2.5 * sorted[Math.floor(sorted.length / 2)]!);
    const kept = idx.filter((_, j) => errors[j]! <= limit);
    if (kept.length < MIN_BLOCKS) return undefined;
    if (kept.length === idx.length) break;
    idx = kept;
  }
  return refined;
}
