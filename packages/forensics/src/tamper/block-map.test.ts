import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockMap, boxMean, hotRegions, iou, orientBox, orientMap, robustSpread } from './block-map.js';

describe('hotRegions', () => {
  it('groups 8-connected hot cells, largest first, with their bounding boxes and means', () => {
    // 6×4:  . 5 5 . . .
    //       . 5 . . . 9
    //       . . . . 9 .
    //       7 . . . . .
    const map = blockMap(6, 4, 0);
    for (const [x, y, v] of [
      [1, 0, 5],
      [2, 0, 5],
      [1, 1, 5],
      [5, 1, 9],
      [4, 2, 9],
      [0, 3, 7],
    ] as const) {
      map.data[y * 6 + x] = v;
    }
    const regions = hotRegions(map, 4);
    assert.deepEqual(
      regions.map((r) => [r.x, r.y, r.w, r.h, r.cells, r.mean]),
      [
        [1, 0, 2, 2, 3, 5],
        [4, 1, 2, 2, 2, 9],
        [0, 3, 1, 1, 1, 7],
      ],
    );
  });

  it('never counts a cell without data as hot', () => {
    assert.deepEqual(hotRegions(blockMap(3, 3), -Infinity), []);
  });
});

describe('boxMean and robustSpread', () => {
  it('averages the cells with data in each window', () => {
    const map = blockMap(3, 1);
    map.data.set([1, Number.NaN, 3]);
    assert.deepEqual([...boxMean(map, 1).data], [1, 2, 3]);
  });

  it('gives the median and a normal-consistent σ', () => {
    const map = blockMap(5, 1);
    map.data.set([1, 2, 3, 4, 100]);
    const { median, sigma, count } = robustSpread(map);
    assert.deepEqual([median, count], [3, 5]);
    assert.ok(Math.abs(sigma - 1.4826) < 1e-9);
  });
});

describe('orientBox and orientMap', () => {
  it('move a cell exactly where the orientation moves it, for all eight orientations', () => {
    for (let orientation = 1; orientation <= 8; orientation++) {
      const map = blockMap(4, 3, 0);
      map.data[1 * 4 + 3] = 1; // stored cell (3, 1)
      const oriented = orientMap(map, orientation);
      const box = orientBox({ x: 3, y: 1, w: 1, h: 1 }, orientation, 4, 3);
      assert.equal(oriented.data[box.y * oriented.width + box.x], 1, `orientation ${orientation}`);
      assert.equal(oriented.width * oriented.height, 12);
    }
  });

  it('turns a 6 (rotate 90° clockwise) box into the displayed frame', () => {
    // Stored 100×50; the top-left 10×20 box ends up at the top-right, 20 wide, 10 high.
    assert.deepEqual(orientBox({ x: 0, y: 0, w: 10, h: 20 }, 6, 100, 50), { x: 30, y: 0, w: 20, h: 10 });
  });
});

describe('iou', () => {
  it('is 1 for equal boxes, 0 for disjoint ones and the overlap ratio otherwise', () => {
    const a = { x: 0, y: 0, w: 10, h: 10 };
    assert.equal(iou(a, a), 1);
    assert.equal(iou(a, { x: 20, y: 0, w: 5, h: 5 }), 0);
    assert.equal(iou(a, { x: 5, y: 0, w: 10, h: 10 }), 50 / 150);
  });
});
