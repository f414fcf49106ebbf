import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../testing/paths.js';
import {
  estimateJpegQuality,
  estimateTableQuality,
  scaledTable,
  STANDARD_CHROMA,
  STANDARD_LUMA,
} from './jpeg-quant.js';
import { readJpegSegments, ZIGZAG } from './jpeg-segments.js';

/** A natural-order table in the zig-zag order a DQT segment stores. */
const zigzag = (natural: readonly number[]) => ZIGZAG.map((n) => natural[n]!);

describe('scaledTable (libjpeg jpeg_set_quality, baseline)', () => {
  const cases: [number, number[]][] = [
    [50, [16, 11, 10, 16]],
    [75, [8, 6, 5, 8]],
    [90, [3, 2, 2, 3]],
    [100, [1, 1, 1, 1]],
    [10, [80, 55, 50, 80]],
    [1, [255, 255, 255, 255]],
  ];
  for (const [quality, first] of cases) {
    it(`quality ${quality} starts ${first.join(' ')}`, () => {
      assert.deepEqual(scaledTable(STANDARD_LUMA, quality).slice(0, 4), first);
    });
  }
});

describe('estimateTableQuality', () => {
  for (const quality of [5, 20, 50, 60, 75, 80, 85, 90, 92, 95, 98, 100]) {
    it(`inverts libjpeg's scaling exactly at quality ${quality}, luma and chroma`, () => {
      assert.deepEqual(estimateTableQuality(zigzag(scaledTable(STANDARD_LUMA, quality)), 'luma'), {
        quality,
        standard: true,
        log2Error: 0,
      });
      assert.equal(estimateTableQuality(zigzag(scaledTable(STANDARD_CHROMA, quality)), 'chroma').quality, quality);
    });
  }

  it('calls a perturbed table custom and still estimates a nearby quality', () => {
    const table = zigzag(scaledTable(STANDARD_LUMA, 85)).map((v, k) => (k % 5 === 0 ? v + 1 : v));
    const estimate = estimateTableQuality(table, 'luma');
    assert.equal(estimate.standard, false);
    assert.ok(Math.abs(estimate.quality - 85) <= 3, String(estimate.quality));
    assert.ok(estimate.log2Error > 0);
  });
});

describe('estimateJpegQuality on real files', () => {
  const cases: [string, number, boolean][] = [
    ['synthetic/msg-resized-1280-q75.jpg', 75, true],
    ['synthetic/msg-reencoded-q60.jpg', 60, true],
    ['synthetic/msg-wechat-1080-q80.jpg', 80, true],
    ['camera/jolla-phone.jpg', 85, true],
    ['camera/canon-digital-ixus.jpg', 93, false],
    ['camera/canon-eos-1000d-rotated.jpg', 97, false],
    ['listing/tote-bag-black.jpg', 99, false],
  ];
  for (const [file, quality, standard] of cases) {
    it(`${file}: quality ${quality}, ${standard ? 'standard' : 'custom'} tables`, () => {
      const facts = estimateJpegQuality(readJpegSegments(readFileSync(fixturePath(...file.split('/'))), 1));
      assert.ok(facts);
      assert.equal(facts.quality, quality);
      assert.equal(facts.standardTables, standard);
      assert.equal(facts.tables[0]!.role, 'luma');
    });
  }

  it('gives no quality without a frame', () => {
    assert.equal(estimateJpegQuality(readJpegSegments(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))), undefined);
  });
});
