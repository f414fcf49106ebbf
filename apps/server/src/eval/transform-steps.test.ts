import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from './prng.js';
import { maskArea, type MaskRaster, type RgbRaster } from './raster.js';
import { applyStep, TRANSFORM_KINDS, type Frame } from './transform-steps.js';

/** A grey 400×300 picture with a pure red 120×90 square at (200, 150), and the square as the mask. */
function redSquare(): Frame {
  const width = 400;
  const height = 300;
  const data = new Uint8Array(width * height * 3).fill(90);
  const mask = new Uint8Array(width * height);
  for (let y = 150; y < 240; y++) {
    for (let x = 200; x < 320; x++) {
      data.set([255, 0, 0], (y * width + x) * 3);
      mask[y * width + x] = 255;
    }
  }
  return { image: { width, height, data }, mask: { width, height, data: mask } };
}

/** Share of the mask's pixels that are still clearly red in the picture. */
function redShare(image: RgbRaster, mask: MaskRaster): number {
  let red = 0;
  let total = 0;
  for (let p = 0; p < mask.data.length; p++) {
    if (mask.data[p]! < 128) continue;
    total++;
    if (image.data[p * 3]! - image.data[p * 3 + 1]! > 40) red++;
  }
  return red / total;
}

describe('transform steps move the mask with the picture', () => {
  for (const kind of TRANSFORM_KINDS) {
    for (const seed of ['a', 'b', 'c']) {
      it(`${kind} (stream ${seed}): the mask keeps its size relation and still covers the red square`, async () => {
        const { frame, step } = await applyStep(kind, redSquare(), createRng(`${kind}:${seed}`));
        const { image, mask } = frame;
        assert.ok(mask, 'the mask survives');
        assert.equal(mask.width, image.width);
        assert.equal(mask.height, image.height);
        assert.equal(image.data.length, image.width * image.height * 3);
        assert.ok(maskArea(mask) > 0, `mask empty after ${JSON.stringify(step)}`);
        assert.ok(redShare(image, mask) > 0.8, `mask off the square after ${JSON.stringify(step)}`);
        assert.equal(step.kind, kind);
      });
    }
  }

  it('crops keep the whole damage box when it fits in the window', async () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const { frame } = await applyStep('crop', redSquare(), createRng(`crop-keep:${seed}`));
      assert.equal(maskArea(frame.mask!), 120 * 90);
    }
  });

  it('lossy steps keep their bytes, and any later pixel change drops them', async () => {
    const jpeg = await applyStep('jpeg', redSquare(), createRng('q'));
    assert.ok(jpeg.frame.encoded && jpeg.frame.encoded[0] === 0xff && jpeg.frame.encoded[1] === 0xd8);
    const mirrored = await applyStep('mirror', jpeg.frame, createRng('m'));
    assert.equal(mirrored.frame.encoded, undefined);
  });
});
