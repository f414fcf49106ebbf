import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boxFilter1d, boxFilterColumns, decimate, jaroszFilter, jaroszWindowSize } from './jarosz.js';

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('jaroszWindowSize', () => {
  const cases: [number, number, number][] = [
    [1024, 64, 8], // the reference's worked example
    [512, 64, 4],
    [129, 64, 2],
    [128, 64, 1],
    [64, 64, 1],
    [5, 64, 1],
    [1000, 64, 8],
    [1001, 64, 8],
    [1025, 64, 9],
  ];
  for (const [old, target, expected] of cases) {
    it(`${old} → ${target} px uses a window of ${expected}`, () =>
      assert.equal(jaroszWindowSize(old, target), expected));
  }
});

describe('boxFilter1d', () => {
  // The reference's own worked examples (comments of downscaling.cpp): window sums over 0..15, divided by the count.
  it('window 7 on 0..15 matches the reference table', () => {
    const out = new Float32Array(16);
    boxFilter1d(ramp(16), out, 0, 16, 1, 7);
    const sums = [6, 10, 15, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 75, 65, 54];
    const counts = [4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4];
    assert.deepEqual(
      [...out],
      sums.map((s, i) => Math.fround(s / counts[i]!)),
    );
  });

  it('window 8 on 0..15 matches the reference table', () => {
    const out = new Float32Array(16);
    boxFilter1d(ramp(16), out, 0, 16, 1, 8);
    const sums = [10, 15, 21, 28, 36, 44, 52, 60, 68, 76, 84, 92, 84, 75, 65, 54];
    const counts = [5, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4];
    assert.deepEqual(
      [...out],
      sums.map((s, i) => Math.fround(s / counts[i]!)),
    );
  });

  it('window 1 copies small integers unchanged', () => {
    const input = Float32Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    const out = new Float32Array(8);
    boxFilter1d(input, out, 0, 8, 1, 1);
    assert.deepEqual([...out], [...input]);
  });

  it('follows offset and stride (a column of a row-major matrix)', () => {
    // 3 columns × 5 rows; filter column 1 (values 10, 20, 30, 40, 50) with window 3.
    const matrix = Float32Array.from({ length: 15 }, (_, k) => (k % 3 === 1 ? 10 * (Math.trunc(k / 3) + 1) : -1));
    const out = new Float32Array(15).fill(99);
    boxFilter1d(matrix, out, 1, 5, 3, 3);
    assert.deepEqual(
      [1, 4, 7, 10, 13].map((k) => out[k]),
      [15, 20, 30, 40, 45],
    );
    assert.ok(
      [0, 2, 3, 5].every((k) => out[k] === 99),
      'other columns untouched',
    );
  });
});

describe('boxFilterColumns', () => {
  it('equals boxFilter1d down each column, bit for bit', () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 255;
    for (const [rows, cols, window] of [
      [5, 7, 1],
      [16, 3, 7],
      [16, 4, 8],
      [40, 9, 9],
      [33, 2, 4],
    ] as const) {
      const input = Float32Array.from({ length: rows * cols }, random);
      const expected = new Float32Array(rows * cols);
      for (let j = 0; j < cols; j++) boxFilter1d(input, expected, j, rows, cols, window);
      const actual = new Float32Array(rows * cols);
      boxFilterColumns(input, actual, rows, cols, window);
      assert.deepEqual(actual, expected, `${rows}×${cols}, window ${window}`);
    }
  });
});

describe('jaroszFilter', () => {
  it('keeps a constant image constant', () => {
    const rows = 20;
    const cols = 30;
    const image = new Float32Array(rows * cols).fill(117);
    jaroszFilter(image, new Float32Array(rows * cols), rows, cols, 4, 3, 2);
    assert.ok(image.every((v) => v === 117));
  });

  it('spreads a point into a symmetric tent that keeps its mass away from the borders', () => {
    const n = 41;
    const image = new Float32Array(n * n);
    image[20 * n + 20] = 1000;
    jaroszFilter(image, new Float32Array(n * n), n, n, 5, 5, 2);
    const at = (r: number, c: number) => image[r * n + c]!;
    assert.ok(Math.abs(image.reduce((a, b) => a + b, 0) - 1000) < 1e-2, 'mass preserved');
    // Two passes of a 5-wide box = a 9-wide triangle per axis: peak 5/25 of the row mass, zero 5 px away.
    assert.ok(Math.abs(at(20, 20) - 1000 * (5 / 25) ** 2) < 1e-3);
    assert.equal(at(20, 25), 0);
    assert.ok(Math.abs(at(20, 24) - 1000 * (5 / 25) * (1 / 25)) < 1e-3);
    for (let d = 1; d <= 4; d++) {
      assert.ok(Math.abs(at(20, 20 - d) - at(20, 20 + d)) < 1e-4, 'left/right symmetric');
      assert.ok(Math.abs(at(20 - d, 20) - at(20 + d, 20)) < 1e-4, 'up/down symmetric');
    }
  });
});

describe('decimate', () => {
  it('picks the pixel at the centre of each target cell', () => {
    const input = Float32Array.from({ length: 8 * 6 }, (_, k) => k);
    const out = decimate(input, 8, 6, 4, 3);
    // rows ⌊(i + ½)·8/4⌋ = 1, 3, 5, 7; columns ⌊(j + ½)·6/3⌋ = 1, 3, 5
    const expected = [1, 3, 5, 7].flatMap((row) => [1, 3, 5].map((col) => row * 6 + col));
    assert.deepEqual([...out], expected);
  });
});
