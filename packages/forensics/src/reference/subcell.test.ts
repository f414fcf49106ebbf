import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimImage } from './claim-image.js';
import type { DifferenceMaps } from './difference-map.js';
import { referenceFindings } from './findings.js';
import type { ReferenceMatch } from './match-claim.js';
import type { Plane } from './plane.js';
import { seededRandom } from './prng.js';
import { subcellShape } from './subcell.js';

/** Grid 60×45 cells; the claim's working decode 120×90 px (2 px a cell); the photo itself 240×180 px. */
const GW = 60;
const GH = 45;
const W = 120;
const H = 90;
const plane = (width: number, height: number, f: (x: number, y: number) => number): Plane => {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
};
/** A painted crack one working pixel wide, from (20, 20) to (100, 60). */
const onCrack = (x: number, y: number) => x >= 20 && x <= 100 && Math.round(20 + ((x - 20) * 40) / 80) === y;
const SURFACE = 180;

/** The claim (light surface, ±2 levels of noise, the crack 60 levels darker) and the maps of its grid. */
function scene(): { claim: ClaimImage; maps: DifferenceMaps; shape: Uint8Array; crack: number } {
  const next = seededRandom(3);
  const y = plane(W, H, (x, yy) => SURFACE + (next() - 0.5) * 4 - (onCrack(x, yy) ? 60 : 0));
  const zero = plane(W, H, () => 0);
  let crack = 0;
  for (let yy = 0; yy < H; yy++) for (let x = 0; x < W; x++) crack += +onCrack(x, yy);
  // The grid shape the blurred maps give: every cell the crack crosses and its neighbours.
  const shape = new Uint8Array(GW * GH);
  for (let gy = 0; gy < GH; gy++) {
    for (let gx = 0; gx < GW; gx++) {
      let near = false;
      for (let yy = 2 * gy - 2; yy < 2 * gy + 4 && !near; yy++) {
        for (let x = 2 * gx - 2; x < 2 * gx + 4 && !near; x++) near = onCrack(x, yy);
      }
      shape[gy * GW + gx] = +near;
    }
  }
  const grid = (v: number) => plane(GW, GH, () => v);
  const maps = {
    width: GW,
    height: GH,
    normalised: [grid(SURFACE), grid(0), grid(0)],
  } as unknown as DifferenceMaps;
  const claim = {
    width: 2 * W,
    height: 2 * H,
    workWidth: W,
    workHeight: H,
    ycc: [y, zero, zero],
  } as unknown as ClaimImage;
  return { claim, maps, shape, crack };
}

const count = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0);

void describe('sub-cell shapes', () => {
  void it('draws a one-pixel crack at its own width inside the cells that changed, not the cells', () => {
    const { claim, maps, shape, crack } = scene();
    const fine = subcellShape(claim, maps, shape);
    let hit = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) hit += fine[y * W + x]! & +onCrack(x, y);
    const cellsInPixels = 4 * count(shape);
    assert.ok(hit >= 0.95 * crack, `crack pixels kept ${hit} of ${crack}`);
    assert.ok(count(fine) <= 2.5 * crack, `shape ${count(fine)} px for a ${crack} px crack`);
    assert.ok(count(fine) < 0.3 * cellsInPixels, `shape ${count(fine)} px, the cells ${cellsInPixels} px`);
  });

  void it('keeps the cells of an area none of whose pixels reaches the floor, and nothing without cells', () => {
    const { claim, maps, shape } = scene();
    const faint = { ...claim, ycc: [plane(W, H, () => SURFACE - 8), claim.ycc[1], claim.ycc[2]] } as ClaimImage;
    const fine = subcellShape(faint, maps, shape);
    assert.equal(count(fine), 4 * count(shape));
    assert.equal(count(subcellShape(claim, maps, new Uint8Array(GW * GH))), 0);
  });

  void it('the local edit finding reports the sub-cell shape: its boxes cover the crack, not the cells around it', () => {
    const { claim, maps, shape, crack } = scene();
    const score = new Float32Array(GW * GH);
    for (let i = 0; i < score.length; i++) score[i] = shape[i]! * 2;
    const match = {
      derived: true,
      reference: { file: 'ref.jpg', sha256: 'x', width: 240, height: 180, featureWidth: W, featureHeight: H },
      pdqDistance: 4,
      alignment: {
        h: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
        mirrored: false,
        matches: 100,
        inliers: 90,
        inlierRatio: 0.9,
        residualPx: 0.5,
        spread: 0.8,
        keypointsInOverlap: 100,
        projective: false,
      },
      pair: { width: GW, height: GH },
      regions: {
        score,
        shape,
        regions: [{ x: 9, y: 9, w: 43, h: 24, cells: count(shape), peak: 2 }],
        thresholds: { structure: 0.22, luma: 22, chroma: 14, stroke: 6 },
      },
      maps,
      agreement: 0.95,
      frameShare: 1,
    } as unknown as ReferenceMatch;
    const edit = referenceFindings(match, claim).find((f) => f.code === 'reference.local_edit');
    assert.ok(edit?.regions?.length);
    const covered = new Uint8Array(claim.width * claim.height);
    for (const r of edit.regions) {
      for (let y = r.y; y < r.y + r.h; y++) covered.fill(1, y * claim.width + r.x, y * claim.width + r.x + r.w);
    }
    let hit = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) if (onCrack(x, y)) hit += covered[2 * y * claim.width + 2 * x]!;
    assert.ok(hit >= 0.95 * crack, `crack pixels covered ${hit} of ${crack}`);
    // In photo pixels the crack is 2 px wide (4 per working pixel); the cells around it are 16 a cell.
    const area = count(covered);
    assert.ok(area <= 2.5 * 4 * crack, `boxes cover ${area} px for a ${4 * crack} px crack`);
    assert.ok(area < 0.3 * 16 * count(shape), `boxes cover ${area} px, the cells ${16 * count(shape)} px`);
  });
});
