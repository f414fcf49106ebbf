import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdqQuality } from './quality.js';

const image = (value: (i: number, j: number) => number) =>
  Float32Array.from({ length: 4096 }, (_, k) => value(Math.trunc(k / 64), k % 64));

describe('pdqQuality', () => {
  const cases: [string, Float32Array, number][] = [
    ['flat', image(() => 200), 0],
    // One vertical edge of 51 levels = 20 % of 255: 64 rows × 20 = 1280; 1280 / 90 → 14.
    ['one edge of 20 %', image((_i, j) => (j < 32 ? 0 : 51)), 14],
    ['two edges', image((_i, j) => (j >= 16 && j < 48 ? 51 : 0)), 28],
    // A 32×32 block: 2 horizontal + 2 vertical edges of 32 pixels each, 20 each: 2560 / 90 → 28.
    ['a block', image((i, j) => (i >= 16 && i < 48 && j >= 16 && j < 48 ? 51 : 0)), 28],
    // Steps under 1 % of 255 are quantised away, however many.
    ['many tiny steps', image((i, j) => ((i + j) % 2) * 2), 0],
    ['a checkerboard, capped at 100', image((i, j) => ((i + j) % 2) * 255), 100],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(pdqQuality(input), expected));
  }
});
