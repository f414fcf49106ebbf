import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComponentCoefficients } from '../containers/jpeg-coefficients.js';
import { analyseDoubleJpeg, contributors, fitFrequency, HISTOGRAM_RANGE, localiseDoubleJpeg } from './double-jpeg.js';

/** Seeded Laplacian samples (scale `b`), so histograms are the same on every run. */
function laplacian(seed: number, b: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32 - 0.5;
  };
  return () => {
    const u = uniform();
    return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  };
}

/** libjpeg's quantisation: round half away from zero. */
const quantise = (x: number, q: number) => Math.sign(x) * Math.floor(Math.abs(x) / q + 0.5);

function histogram(values: number[]): Float64Array {
  const h = new Float64Array(HISTOGRAM_RANGE + 1);
  for (const v of values) if (Math.abs(v) <= HISTOGRAM_RANGE) h[Math.abs(v)]!++;
  return h;
}

describe('contributors', () => {
  const cases: [number, number, number[]][] = [
    [3, 2, [1, 0, 1, 1, 0, 1, 1]], // 1.5a rounds to 0, 2, 3, 5, 6: values 1 and 4 never occur
    [2, 3, [1, 2, 1, 2, 1, 2, 1]], // first pass finer: alternating one and two source bins
    [5, 5, [1, 1, 1, 1, 1, 1, 1]], // same step: no comb
    [10, 3, [1, 0, 0, 1, 0, 0, 0]],
  ];
  for (const [q1, q2, expected] of cases) {
    it(`q1 ${q1} then q2 ${q2}`, () => assert.deepEqual([...contributors(q1, q2, 6)], expected));
  }
});

describe('fitFrequency', () => {
  const draw = laplacian(11, 14);
  const raw = Array.from({ length: 40_000 }, draw);

  for (const [q1, q2] of [
    [5, 3],
    [8, 3],
    [6, 4],
    [3, 2],
  ] as const) {
    it(`finds the first step ${q1} under a second step ${q2}`, () => {
      const twice = raw.map((x) => quantise(quantise(x, q1) * q1, q2));
      const fit = fitFrequency(histogram(twice), 1, q2);
      assert.equal(fit.q1, q1, JSON.stringify(fit));
      assert.ok(fit.gain > 0.04);
    });
  }

  it('finds no comb in a histogram quantised once', () => {
    for (const q of [2, 3, 5, 8]) {
      const fit = fitFrequency(histogram(raw.map((x) => quantise(x, q))), 1, q);
      assert.equal(fit.q1, undefined, `q ${q}: ${JSON.stringify(fit)}`);
    }
  });

  it('does not fit a frequency with too few non-zero values', () => {
    assert.equal(fitFrequency(histogram(raw.slice(0, 100).map((x) => quantise(x, 3))), 1, 3).samples < 400, true);
  });
});

/** A synthetic 64×64-block luma component: double compressed (q1 → q2) except inside `hole` (compressed once). */
function component(
  q1: number,
  q2: number,
  hole: { x: number; y: number; w: number; h: number },
): ComponentCoefficients {
  const keep = 16;
  const wide = 64;
  const high = 64;
  const values = new Int16Array(wide * high * keep);
  const draw = laplacian(5, 12);
  for (let by = 0; by < high; by++) {
    for (let bx = 0; bx < wide; bx++) {
      const inside = bx >= hole.x && bx < hole.x + hole.w && by >= hole.y && by < hole.y + hole.h;
      for (let k = 1; k < keep; k++) {
        const x = draw();
        values[(by * wide + bx) * keep + k] = inside ? quantise(x, q2) : quantise(quantise(x, q1) * q1, q2);
      }
    }
  }
  return { id: 1, blocksWide: wide, blocksHigh: high, keep, values, quant: new Uint16Array(64).fill(q2), h: 1, v: 1 };
}

describe('analyseDoubleJpeg and localiseDoubleJpeg', () => {
  it('maps a singly compressed block region inside a doubly compressed photo', () => {
    const hole = { x: 40, y: 10, w: 14, h: 12 };
    const analysis = analyseDoubleJpeg(component(7, 3, hole));
    assert.ok(analysis.combFrequencies >= 10, String(analysis.combFrequencies));
    const { lack } = localiseDoubleJpeg(analysis, { radius: 2 });
    const at = (x: number, y: number) => lack.data[y * lack.width + x]!;
    assert.ok(at(47, 16) > 0.5, `inside the region: ${at(47, 16)}`);
    assert.ok(at(10, 40) < -0.5, `elsewhere: ${at(10, 40)}`);
  });

  it('leaves clipped blocks out of the windows', () => {
    const analysis = analyseDoubleJpeg(component(7, 3, { x: 0, y: 0, w: 0, h: 0 }));
    const clipped = new Uint8Array(64 * 64).fill(1);
    const { lack } = localiseDoubleJpeg(analysis, { clipped, radius: 2 });
    assert.ok(lack.data.every((v) => Number.isNaN(v)));
  });
});
