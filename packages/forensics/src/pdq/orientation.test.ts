import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DecodedImage } from '../ports.js';
import { applyOrientation, undoOrientation } from './orientation.js';

/** A 3×2 grey image as stored:  a b c / d e f  (values 1..6). */
const stored: DecodedImage = { width: 3, height: 2, channels: 1, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };

/** What a viewer shows for each EXIF orientation (rows top to bottom), from the EXIF 2.32 definitions. */
const displayed: Record<number, { width: number; rows: number[][] }> = {
  1: {
    width: 3,
    rows: [
      [1, 2, 3],
      [4, 5, 6],
    ],
  },
  2: {
    width: 3,
    rows: [
      [3, 2, 1],
      [6, 5, 4],
    ],
  }, // mirrored left-right
  3: {
    width: 3,
    rows: [
      [6, 5, 4],
      [3, 2, 1],
    ],
  }, // rotated 180°
  4: {
    width: 3,
    rows: [
      [4, 5, 6],
      [1, 2, 3],
    ],
  }, // mirrored top-bottom
  5: {
    width: 2,
    rows: [
      [1, 4],
      [2, 5],
      [3, 6],
    ],
  }, // 0th row = left side, 0th column = top
  6: {
    width: 2,
    rows: [
      [4, 1],
      [5, 2],
      [6, 3],
    ],
  }, // rotated 90° clockwise: 0th row = right side
  7: {
    width: 2,
    rows: [
      [6, 3],
      [5, 2],
      [4, 1],
    ],
  }, // 0th row = right side, 0th column = bottom
  8: {
    width: 2,
    rows: [
      [3, 6],
      [2, 5],
      [1, 4],
    ],
  }, // rotated 90° anticlockwise: 0th row = left side, 0th column = bottom
};

describe('applyOrientation', () => {
  for (let o = 1; o <= 8; o++) {
    it(`orientation ${o} shows the stored pixels as EXIF defines`, () => {
      const out = applyOrientation(stored, o);
      const expected = displayed[o]!;
      assert.equal(out.width, expected.width);
      assert.equal(out.height, expected.rows.length);
      assert.deepEqual([...out.data], expected.rows.flat());
    });
  }

  it('moves all channels of a pixel together', () => {
    const rgb: DecodedImage = { width: 2, height: 1, channels: 3, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const out = applyOrientation(rgb, 6);
    assert.deepEqual([out.width, out.height, ...out.data], [1, 2, 1, 2, 3, 4, 5, 6]);
  });

  it('treats values outside 1..8 as 1', () => {
    for (const o of [0, 9, -1, 2.5, Number.NaN])
      assert.deepEqual([...applyOrientation(stored, o).data], [1, 2, 3, 4, 5, 6]);
  });
});

describe('undoOrientation', () => {
  for (let o = 1; o <= 8; o++) {
    it(`recovers the stored pixels from orientation ${o}`, () => {
      const expected = displayed[o]!;
      const shown: DecodedImage = {
        width: expected.width,
        height: expected.rows.length,
        channels: 1,
        data: Uint8Array.from(expected.rows.flat()),
      };
      const back = undoOrientation(shown, o);
      assert.deepEqual([back.width, back.height, ...back.data], [3, 2, 1, 2, 3, 4, 5, 6]);
      const again = undoOrientation(applyOrientation(stored, o), o);
      assert.deepEqual([...again.data], [...stored.data]);
    });
  }
});
