import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dct64To16, dctMatrix16x64 } from './dct.js';

const basis = (frequency: number, k: number) => Math.cos((Math.PI / 128) * frequency * (2 * k + 1));

/** The textbook orthonormal DCT-II, double precision: coefficient (u, v) for u, v = 1..16. */
function referenceDct(image: Float32Array): Float64Array {
  const out = new Float64Array(256);
  for (let u = 1; u <= 16; u++) {
    for (let v = 1; v <= 16; v++) {
      let sum = 0;
      for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) sum += image[y * 64 + x]! * basis(u, y) * basis(v, x);
      out[(u - 1) * 16 + (v - 1)] = (2 / 64) * sum;
    }
  }
  return out;
}

describe('dctMatrix16x64', () => {
  it('holds √(2/64)·cos(π/128·(i+1)·(2j+1)) in single precision', () => {
    const d = dctMatrix16x64();
    assert.equal(d.length, 16 * 64);
    for (const [i, j] of [
      [0, 0],
      [0, 63],
      [7, 31],
      [15, 0],
      [15, 63],
    ] as const) {
      assert.equal(d[i * 64 + j], Math.fround(Math.fround(Math.sqrt(2 / 64)) * basis(i + 1, j)));
    }
  });

  it('has orthonormal rows', () => {
    const d = dctMatrix16x64();
    for (let a = 0; a < 16; a++) {
      for (let b = 0; b < 16; b++) {
        let dot = 0;
        for (let k = 0; k < 64; k++) dot += d[a * 64 + k]! * d[b * 64 + k]!;
        assert.ok(Math.abs(dot - (a === b ? 1 : 0)) < 1e-6, `rows ${a}·${b} = ${dot}`);
      }
    }
  });
});

describe('dct64To16', () => {
  it('gives zero for a flat image (DC is left out)', () => {
    const out = dct64To16(new Float32Array(4096).fill(200));
    assert.ok(
      out.every((v) => Math.abs(v) < 1e-3),
      `max ${Math.max(...out.map(Math.abs))}`,
    );
  });

  it('puts a separable cosine of frequency (3, 5) into coefficient (2, 4) alone', () => {
    const image = new Float32Array(4096);
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) image[y * 64 + x] = 100 * basis(3, y) * basis(5, x);
    const out = dct64To16(image);
    // Each 1-D projection gives √(2/64)·32 = 4√2; times 100 → 3200.
    assert.ok(Math.abs(out[2 * 16 + 4]! - 3200) < 1e-2, `got ${out[2 * 16 + 4]}`);
    out[2 * 16 + 4] = 0;
    assert.ok(out.every((v) => Math.abs(v) < 1e-2));
  });

  it('agrees with the textbook DCT on a random image', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 255;
    const image = Float32Array.from({ length: 4096 }, random);
    const ours = dct64To16(image);
    const textbook = referenceDct(image);
    for (let k = 0; k < 256; k++)
      assert.ok(Math.abs(ours[k]! - textbook[k]!) < 5e-3, `coefficient ${k}: ${ours[k]} vs ${textbook[k]}`);
  });
});
