import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dilate, erode } from './aligned-pair.js';
import { seededRandom } from './prng.js';

/** The definition, cell by cell: the (2r+1)² window, cells outside the grid counting as 0. */
function bruteForce(mask: Uint8Array, width: number, height: number, radius: number, dilating: boolean): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0;
      let all = 1;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          const v = yy >= 0 && yy < height && xx >= 0 && xx < width ? mask[yy * width + xx]! : 0;
          any |= v;
          all &= v;
        }
      }
      out[y * width + x] = dilating ? any : all;
    }
  }
  return out;
}

describe('erode and dilate', () => {
  it('agree with the window definition on random masks, sizes and radii, edges included', () => {
    const random = seededRandom(20261123);
    for (let trial = 0; trial < 60; trial++) {
      const width = 1 + Math.floor(random() * 40);
      const height = 1 + Math.floor(random() * 30);
      const radius = Math.floor(random() * 5);
      const density = random();
      const mask = Uint8Array.from({ length: width * height }, () => +(random() < density));
      const label = `${width}×${height} r=${radius}`;
      assert.deepEqual(erode(mask, width, height, radius), bruteForce(mask, width, height, radius, false), label);
      assert.deepEqual(dilate(mask, width, height, radius), bruteForce(mask, width, height, radius, true), label);
    }
  });
});
