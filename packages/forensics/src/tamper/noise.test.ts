import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOISE_CELL, noiseMaps } from './noise.js';
import type { LumaPlane } from './working-image.js';

/** A seeded noisy plane: a gentle gradient plus Gaussian noise σ, with a box of σ `inner` instead. */
function plane(
  width: number,
  height: number,
  sigma: number,
  box?: { x: number; y: number; w: number; h: number; inner: number },
): LumaPlane {
  let s = 12345;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = box && x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
      data[y * width + x] = 100 + (40 * x) / width + gauss() * (inside ? box.inner : sigma);
    }
  }
  return { width, height, data };
}

describe('noiseMaps', () => {
  it('estimates the σ of Gaussian noise within 15 %', () => {
    for (const sigma of [2, 5, 10]) {
      const maps = noiseMaps(plane(256, 256, sigma));
      assert.ok(Math.abs(maps.medianSigma - sigma) / sigma < 0.15, `σ ${sigma}: ${maps.medianSigma}`);
    }
  });

  it('marks a much smoother box as far below its peers, and the rest near zero', () => {
    const box = { x: 96, y: 96, w: 64, h: 64, inner: 0.3 };
    const { deviation } = noiseMaps(plane(256, 256, 6, box));
    const cell = (x: number, y: number) =>
      deviation.data[Math.floor(y / NOISE_CELL) * deviation.width + Math.floor(x / NOISE_CELL)]!;
    assert.ok(cell(128, 128) < -2.5, `inside: ${cell(128, 128)}`);
    assert.ok(Math.abs(cell(30, 30)) < 0.3, `outside: ${cell(30, 30)}`);
  });

  it('leaves clipped cells out', () => {
    const flat: LumaPlane = { width: 64, height: 64, data: new Float32Array(64 * 64).fill(255) };
    assert.ok(noiseMaps(flat).deviation.data.every((v) => Number.isNaN(v)));
  });
});
