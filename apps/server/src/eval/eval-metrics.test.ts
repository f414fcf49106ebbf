import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  boxesToMask,
  localisationIoU,
  maskIoU,
  median,
  quantile,
  shareAbove,
  thresholdAtFalsePositiveRate,
} from './eval-metrics.js';
import type { MaskRaster } from './raster.js';

/** A mask from rows of '#' (in) and '.' (out). */
function mask(...rows: string[]): MaskRaster {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((ch, x) => (data[y * width + x] = ch === '#' ? 255 : 0)));
  return { width, height: rows.length, data };
}

describe('IoU', () => {
  it('counts pixels of two masks: 2 shared of 6 in either', () => {
    assert.equal(maskIoU(mask('##..', '##..'), mask('.##.', '.##.')), 2 / 6);
  });
  it('is 1 for identical masks and 0 for disjoint ones', () => {
    assert.equal(maskIoU(mask('.##', '.#.'), mask('.##', '.#.')), 1);
    assert.equal(maskIoU(mask('#..', '...'), mask('..#', '...')), 0);
  });
  it('is 0 when both are empty, and refuses masks of different sizes', () => {
    assert.equal(maskIoU(mask('...'), mask('...')), 0);
    assert.throws(() => maskIoU(mask('..'), mask('...')), RangeError);
  });
  it('rasterises a union of boxes clipped to the frame, rounding outward', () => {
    const m = boxesToMask(
      [
        { x: 0.5, y: 0, w: 1, h: 1 },
        { x: 3, y: 1, w: 5, h: 5 },
      ],
      4,
      2,
    );
    assert.deepEqual([...m.data].map((v) => (v ? '#' : '.')).join(''), '##.....#');
  });
  it('gives IoU 0 for empty predictions, and scores a box against the mask and against its bounding box', () => {
    const truth = mask('.....', '.#...', '.###.', '...#.', '.....');
    const bounds = { x: 1, y: 1, w: 3, h: 3 };
    assert.deepEqual(localisationIoU([], truth, bounds), { pixel: 0, bbox: 0 });
    // The box is exactly the mask's bounding box: 5 of its 9 pixels are painted.
    assert.deepEqual(localisationIoU([bounds], truth, bounds), { pixel: 5 / 9, bbox: 1 });
    // A 2×2 box in its corner holds 3 of the 5 painted pixels: 3 / (4 + 5 − 3); against the bounding box, 4 of 9.
    const corner = localisationIoU([{ x: 1, y: 1, w: 2, h: 2 }], truth, bounds);
    assert.deepEqual(corner, { pixel: 3 / 6, bbox: 4 / 9 });
  });
});

describe('threshold at a false-positive rate', () => {
  const many = (n: number, score: number) => Array.from({ length: n }, () => score);
  it('lets exactly 1 % of 200 negatives exceed it', () => {
    const t = thresholdAtFalsePositiveRate([0.9, 0.8, 0.7, ...many(197, 0.1)], 0.01);
    assert.deepEqual(t, { threshold: 0.7, over: 2, rate: 0.01 });
  });
  it('does not count ties at the threshold as over it', () => {
    // Three negatives tie at 0.9: any threshold below 0.9 would let three (1.5 %) over, so it is 0.9, none over.
    const t = thresholdAtFalsePositiveRate([0.9, 0.9, 0.9, ...many(197, 0.2)], 0.01);
    assert.deepEqual(t, { threshold: 0.9, over: 0, rate: 0 });
    assert.equal(shareAbove([0.9, 0.95, 0.5, 1], t.threshold), 0.5);
  });
  it('with fewer than 100 negatives allows none over: the highest negative score', () => {
    assert.deepEqual(thresholdAtFalsePositiveRate([0.3, 0, 0.6, 0.1], 0.01), { threshold: 0.6, over: 0, rate: 0 });
  });
  it('is 0 when every negative scores 0, so any positive score is a detection', () => {
    const t = thresholdAtFalsePositiveRate(many(150, 0), 0.01);
    assert.equal(t.threshold, 0);
    assert.equal(shareAbove([0, 0.001, 0.5], t.threshold), 2 / 3);
  });
  it('refuses an empty list and rates outside [0, 1)', () => {
    assert.throws(() => thresholdAtFalsePositiveRate([], 0.01), RangeError);
    assert.throws(() => thresholdAtFalsePositiveRate([0.1], 1), RangeError);
  });
});

describe('medians and quantiles', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
  it('uses the nearest rank for quantiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    assert.equal(quantile(values, 0.95), 19);
    assert.equal(quantile(values, 1), 20);
    assert.equal(quantile([5], 0.5), 5);
  });
});
