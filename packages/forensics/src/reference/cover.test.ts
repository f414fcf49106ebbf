import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverBoxes, type CellBox } from './cover.js';
import type { DifferenceMaps } from './difference-map.js';
import { findRegions } from './regions.js';

const paint = (boxes: readonly CellBox[], width: number, height: number): Uint8Array => {
  const out = new Uint8Array(width * height);
  for (const b of boxes) for (let y = b.y; y < b.y + b.h; y++) out.fill(1, y * width + b.x, y * width + b.x + b.w);
  return out;
};

const iou = (a: Uint8Array, b: Uint8Array): number => {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i]! & b[i]!;
    either += a[i]! | b[i]!;
  }
  return either === 0 ? 1 : both / either;
};

describe('coverBoxes', () => {
  it('covers the cells exactly when the budget allows, merging rows that repeat a run', () => {
    // An L: a 6×2 bar on top of a 2×5 leg, and a separate 3×3 square.
    const w = 20;
    const h = 12;
    const mask = paint(
      [
        { x: 1, y: 1, w: 6, h: 2 },
        { x: 1, y: 3, w: 2, h: 5 },
        { x: 12, y: 6, w: 3, h: 3 },
      ],
      w,
      h,
    );
    const boxes = coverBoxes(mask, w, h, 10);
    assert.equal(boxes.length, 3, JSON.stringify(boxes));
    assert.deepEqual(paint(boxes, w, h), mask);
  });

  it('follows a diagonal stroke far more tightly than its bounding box, within the budget', () => {
    const w = 64;
    const h = 64;
    const mask = new Uint8Array(w * h);
    for (let i = 4; i < 60; i++) {
      mask[i * w + i] = 1;
      mask[i * w + i + 1] = 1;
    }
    const boxes = coverBoxes(mask, w, h, 12);
    assert.ok(boxes.length <= 12, String(boxes.length));
    const covered = paint(boxes, w, h);
    const bbox = paint([{ x: 4, y: 4, w: 57, h: 56 }], w, h);
    assert.ok(iou(covered, mask) > 0.25, String(iou(covered, mask)));
    assert.ok(iou(bbox, mask) < 0.05);
    for (const b of boxes) assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= w && b.y + b.h <= h, JSON.stringify(b));
  });

  it('returns no box for an empty mask', () => {
    assert.deepEqual(coverBoxes(new Uint8Array(12), 4, 3, 5), []);
  });
});

describe('findRegions: the shape of a region', () => {
  it('grows a region over its faint edge but not over faint cells it does not touch', () => {
    const w = 80;
    const h = 60;
    // A disc at 4× the floor (radius 6) inside a ring at 0.7× it (to radius 8); a separate faint patch elsewhere.
    const luma = Float32Array.from({ length: w * h }, (_, i) => {
      const x = i % w;
      const y = (i - x) / w;
      const r2 = (x - 40) ** 2 + (y - 30) ** 2;
      if (r2 < 36) return 88;
      if (r2 < 64) return 15.4;
      return x >= 5 && x < 15 && y >= 5 && y < 15 ? 15.4 : 0;
    });
    const maps: DifferenceMaps = {
      width: w,
      height: h,
      structure: new Float32Array(w * h),
      luma,
      chroma: new Float32Array(w * h),
      stroke: new Float32Array(w * h),
      sharpLuma: luma,
      sharpChroma: new Float32Array(w * h),
      normalised: [] as never,
      curves: [] as never,
    };
    const result = findRegions(maps, new Uint8Array(w * h).fill(1));
    assert.equal(result.regions.length, 1);
    let inRing = 0;
    let inPatch = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const r2 = (x - 40) ** 2 + (y - 30) ** 2;
        if (r2 >= 36 && r2 < 64) inRing += result.shape[y * w + x]!;
        if (x >= 5 && x < 15 && y >= 5 && y < 15) inPatch += result.shape[y * w + x]!;
      }
    }
    assert.ok(inRing > 70, String(inRing));
    assert.equal(inPatch, 0);
    const grown = findRegions(maps, new Uint8Array(w * h).fill(1), { growTo: 1 });
    let grownRing = 0;
    for (let i = 0; i < w * h; i++) grownRing += grown.shape[i]!;
    assert.ok(grownRing < 113 + 20, `without hysteresis the ring is not part of the shape (${grownRing} cells)`);
  });
});
