import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readJpegCoefficients } from '../containers/jpeg-coefficients.js';
import { fixturePath } from '../testing/paths.js';
import { coefficientsForShrink, componentPlane, workingFromCoefficients, workingShrink } from './working-image.js';

describe('workingShrink and coefficientsForShrink', () => {
  it('picks the smallest power of two that fits 1,280 pixels', () => {
    assert.deepEqual([640, 1280, 1281, 2560, 4000, 4160, 5120, 9000].map(workingShrink), [1, 1, 2, 2, 4, 4, 4, 8]);
  });

  it('counts the zig-zag coefficients an N×N corner needs', () => {
    assert.deepEqual(
      [1, 2, 4, 8].map((s) => coefficientsForShrink(s as 1 | 2 | 4 | 8)),
      [64, 25, 5, 1],
    );
  });
});

describe('componentPlane', () => {
  const result = readJpegCoefficients(readFileSync(fixturePath('camera', 'fujifilm-dx10.jpg')), {
    keep: 64,
    keepOthers: 64,
  });
  assert.ok(result.ok);
  const luma = result.coefficients.components[0]!;

  it('agrees across scales: each coarser sample is the mean of the finer ones it covers', () => {
    const full = componentPlane(luma, 1, 1024, 768);
    for (const shrink of [2, 4, 8] as const) {
      const small = componentPlane(luma, shrink, 1024 / shrink, 768 / shrink);
      let error = 0;
      for (let y = 0; y < small.height; y++) {
        for (let x = 0; x < small.width; x++) {
          let sum = 0;
          for (let dy = 0; dy < shrink; dy++)
            for (let dx = 0; dx < shrink; dx++) sum += full.data[(y * shrink + dy) * 1024 + x * shrink + dx]!;
          error += Math.abs(sum / shrink ** 2 - small.data[y * small.width + x]!);
        }
      }
      // Box means and the scaled inverse DCT are different low-pass filters; on a photo they agree to a few levels.
      assert.ok(
        error / (small.width * small.height) < (shrink === 8 ? 0.6 : 3),
        `shrink ${shrink}: ${error / (small.width * small.height)}`,
      );
    }
  });

  it('makes RGB for a YCbCr photo', () => {
    const working = workingFromCoefficients(result.coefficients, 2);
    assert.deepEqual([working?.image.width, working?.image.height, working?.image.channels], [512, 384, 3]);
    assert.deepEqual([working?.luma.width, working?.luma.height], [512, 384]);
  });
});
