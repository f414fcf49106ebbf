import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downsizeLikeReference, nearestSourceIndices, resizeNearest } from './downsize.js';

describe('nearestSourceIndices (CImg nearest neighbour)', () => {
  it('takes ⌊i·source/target⌋', () => {
    assert.deepEqual([...nearestSourceIndices(1000, 512).slice(0, 6)], [0, 1, 3, 5, 7, 9]);
    assert.equal(nearestSourceIndices(1000, 512)[511], 998);
    assert.deepEqual([...nearestSourceIndices(4, 8)], [0, 0, 1, 1, 2, 2, 3, 3]);
    assert.deepEqual(
      [...nearestSourceIndices(513, 512)],
      Array.from({ length: 512 }, (_, i) => i),
    );
  });
});

describe('resizeNearest', () => {
  it('copies whole pixels', () => {
    const image = { width: 4, height: 2, channels: 3 as const, data: Uint8Array.from({ length: 24 }, (_, k) => k) };
    const out = resizeNearest(image, 2, 1);
    assert.deepEqual([out.width, out.height, ...out.data], [2, 1, 0, 1, 2, 6, 7, 8]);
  });
});

describe('downsizeLikeReference', () => {
  it('leaves images of at most 512 px per side alone', () => {
    const image = { width: 512, height: 300, channels: 1 as const, data: new Uint8Array(512 * 300) };
    assert.equal(downsizeLikeReference(image), image);
  });

  it('squashes anything larger to 512×512, aspect ratio ignored', () => {
    const wide = {
      width: 2000,
      height: 10,
      channels: 1 as const,
      data: Uint8Array.from({ length: 20000 }, (_, k) => k % 251),
    };
    const out = downsizeLikeReference(wide);
    assert.deepEqual([out.width, out.height, out.data.length], [512, 512, 512 * 512]);
    // Row 511 comes from source row ⌊511·10/512⌋ = 9, column 1 from ⌊2000/512⌋ = 3.
    assert.equal(out.data[511 * 512 + 1], (9 * 2000 + 3) % 251);
  });
});
