import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lumaFromPixels } from './luma.js';

describe('lumaFromPixels', () => {
  it('weights R, G, B by 0.299, 0.587, 0.114 in single precision', () => {
    const data = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 255, 255, 255]);
    const luma = lumaFromPixels({ width: 5, height: 1, channels: 3, data });
    const f = Math.fround;
    assert.equal(luma[0], f(f(0.299) * 255));
    assert.equal(luma[1], f(f(0.587) * 255));
    assert.equal(luma[2], f(f(0.114) * 255));
    assert.ok(Math.abs(luma[3]! - (0.299 * 10 + 0.587 * 20 + 0.114 * 30)) < 1e-4);
    assert.ok(Math.abs(luma[4]! - 255) < 1e-4);
  });

  it('passes grey values through unchanged', () => {
    const data = Uint8Array.from([0, 1, 128, 254, 255, 7]);
    assert.deepEqual([...lumaFromPixels({ width: 3, height: 2, channels: 1, data })], [...data]);
  });

  it('rejects a buffer of the wrong size', () => {
    assert.throws(
      () => lumaFromPixels({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) }),
      /^TypeError: Expected 2×2×3 bytes of pixels for image but received 11$/,
    );
  });
});
