import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../testing/paths.js';
import { readJpegSegments, skipEntropyData, ZIGZAG } from './jpeg-segments.js';

const bytes = readFileSync(fixturePath('camera', 'canon-digital-ixus.jpg'));

describe('readJpegSegments', () => {
  it('reads the frame, tables and scan of a camera photo', () => {
    const s = readJpegSegments(bytes);
    assert.deepEqual(s.problems, []);
    assert.equal(s.frame?.process, 'baseline');
    assert.deepEqual([s.frame?.width, s.frame?.height], [640, 480]);
    assert.deepEqual(
      s.frame?.components.map((c) => [c.h, c.v]),
      [
        [2, 1],
        [1, 1],
        [1, 1],
      ],
    );
    assert.equal(s.quantTables[0]?.zigzag.length, 64);
    assert.equal(s.scans.length, 1);
    assert.deepEqual(Object.keys(s.scans[0]!.huffman).sort(), ['ac0', 'ac1', 'dc0', 'dc1']);
  });

  it('says progressive for a progressive file', () => {
    assert.equal(
      readJpegSegments(readFileSync(fixturePath('listing', 'jacket-green.jpg')), 1).frame?.process,
      'progressive',
    );
  });

  it('never throws on damage: truncated headers, garbage, an empty file', () => {
    for (const cut of [3, 20, 200, 600, 2000]) {
      const s = readJpegSegments(bytes.subarray(0, cut));
      assert.ok(Array.isArray(s.problems));
    }
    assert.deepEqual(readJpegSegments(new Uint8Array(0)).problems, ['not a JPEG (no SOI marker)']);
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i]! : (i * 7919) & 255));
    assert.doesNotThrow(() => readJpegSegments(garbage));
  });

  it('reports a segment that runs past the end of the file', () => {
    const s = readJpegSegments(bytes.subarray(0, 400));
    assert.ok(
      s.problems.some((p) => p.includes('runs past the end')),
      JSON.stringify(s.problems),
    );
  });
});

describe('skipEntropyData', () => {
  it('skips stuffed bytes and restart markers, stops at the next real marker', () => {
    const data = Uint8Array.of(1, 0xff, 0x00, 2, 0xff, 0xd3, 3, 0xff, 0xff, 0xd9);
    assert.equal(skipEntropyData(data, 0), 8);
  });
});

describe('ZIGZAG', () => {
  it('is a permutation of 0..63 that walks the anti-diagonals', () => {
    assert.deepEqual(
      [...ZIGZAG].sort((a, b) => a - b),
      Array.from({ length: 64 }, (_, i) => i),
    );
    assert.deepEqual(ZIGZAG.slice(0, 6), [0, 1, 8, 16, 9, 2]);
  });
});
