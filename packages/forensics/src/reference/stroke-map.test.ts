import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DifferenceMaps } from './difference-map.js';
import type { Plane } from './plane.js';
import { seededRandom } from './prng.js';
import { findRegions } from './regions.js';
import { signedShiftTolerant, strokeMap } from './stroke-map.js';

const W = 96;
const H = 72;
const plane = (f: (x: number, y: number) => number): Plane => {
  const data = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = f(x, y);
  return { width: W, height: H, data };
};
const all = new Uint8Array(W * H).fill(1);
/** A flat light surface (190) left of x = 60, a darker one (70) right of it: one strong outline. */
const surface = (x: number) => (x < 60 ? 190 : 70);
/** A one-cell dark line (−45 levels) from (10, 10) to (50, 40), the way a painted crack lands on the grid. */
const onLine = (x: number, y: number) => Math.abs(y - 10 - ((x - 10) * 30) / 40) < 0.6 && x >= 10 && x <= 50;

void describe('stroke map', () => {
  void it('keeps the sign of the nearest-valued neighbour: a one-cell shift of an outline is no difference', () => {
    const reference = plane(surface);
    const shifted = plane((x) => surface(x - 1));
    const d = signedShiftTolerant(shifted, reference, all);
    assert.equal(Math.max(...d.map(Math.abs)), 0);
    const darker = plane((x) => surface(x) - 30);
    const dd = signedShiftTolerant(darker, reference, all);
    assert.equal(dd[20 * W + 20], -30);
  });

  void it('finds a one-cell crack on a flat surface, not the outline moved by a cell, not noise', () => {
    const next = seededRandom(7);
    const reference = plane(surface);
    // The claim: the outline one cell off (residual misalignment), ±3 levels of noise, and the crack.
    const claim = plane((x, y) => surface(x - 1) + (next() - 0.5) * 6 - (onLine(x, y) ? 45 : 0));
    const map = strokeMap(claim, reference, all);
    const onCrack: number[] = [];
    let offCrack = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const v = map[y * W + x]!;
        if (onLine(x, y) && x > 12 && x < 48) onCrack.push(v);
        else if (![-1, 0, 1].some((dy) => onLine(x, y + dy)) && ![-1, 0, 1].some((dx) => onLine(x + dx, y))) {
          offCrack = Math.max(offCrack, v);
        }
      }
    }
    onCrack.sort((a, b) => a - b);
    const medianOn = onCrack[onCrack.length >> 1]!;
    assert.ok(medianOn > 25, `crack median ${medianOn}`);
    assert.ok(offCrack < 6, `strongest cell off the crack ${offCrack}`);
    // The cells beside the crack keep their own small difference: the response is as thin as the crack.
    assert.ok(map[25 * W + 35]! < 6 && map[(25 + 2) * W + 35]! < 6);
  });

  void it('through findRegions: the crack is a region whose shape stays on the crack', () => {
    const next = seededRandom(11);
    const reference = plane(surface);
    const claim = plane((x, y) => surface(x) + (next() - 0.5) * 6 - (onLine(x, y) ? 45 : 0));
    const d = signedShiftTolerant(claim, reference, all);
    const sharpLuma = d.map(Math.abs);
    // The blurred maps see the crack spread out and weak (a third of it over three cells, under the floor of 22).
    const luma = plane((x, y) => ([-1, 0, 1].some((dy) => onLine(x, y + dy)) ? 15 : 1)).data;
    const maps: DifferenceMaps = {
      width: W,
      height: H,
      structure: new Float32Array(W * H),
      luma,
      chroma: new Float32Array(W * H),
      stroke: strokeMap(claim, reference, all, d),
      sharpLuma,
      sharpChroma: new Float32Array(W * H),
      normalised: [] as never,
      curves: [] as never,
    };
    const withStrokes = findRegions(maps, all);
    assert.equal(withStrokes.regions.length, 1, JSON.stringify(withStrokes.regions));
    const r = withStrokes.regions[0]!;
    assert.ok(r.x <= 12 && r.x + r.w >= 48 && r.y <= 12 && r.y + r.h >= 38, JSON.stringify(r));
    let inShape = 0;
    let onCrackInShape = 0;
    for (let i = 0; i < W * H; i++) {
      inShape += withStrokes.shape[i]!;
      const x = i % W;
      onCrackInShape += withStrokes.shape[i]! & +onLine(x, (i - x) / W);
    }
    let crackCells = 0;
    for (let i = 0; i < W * H; i++) crackCells += +onLine(i % W, Math.floor(i / W));
    assert.ok(onCrackInShape >= 0.8 * crackCells, `${onCrackInShape} of ${crackCells} crack cells in the shape`);
    assert.ok(inShape <= 2 * crackCells, `shape of ${inShape} cells for a crack of ${crackCells}`);
    // Without the stroke map (floor at infinity) the same crack is not found.
    assert.equal(findRegions(maps, all, { strokeFloor: Infinity }).regions.length, 0);
  });
});
