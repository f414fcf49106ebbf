import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../testing/paths.js';
import { readJpegCoefficients } from './jpeg-coefficients.js';

const ixus = readFileSync(fixturePath('camera', 'canon-digital-ixus.jpg'));

describe('readJpegCoefficients', () => {
  it('reads the luma grid of a 640×480 4:2:2 camera photo and, when asked, the chroma grids', () => {
    const result = readJpegCoefficients(ixus, { keep: 16, keepOthers: 4 });
    assert.ok(result.ok, JSON.stringify(result));
    const { components, width, height, hMax, vMax, frameComponents } = result.coefficients;
    assert.deepEqual([width, height, hMax, vMax, frameComponents], [640, 480, 2, 1, 3]);
    assert.deepEqual(
      components.map((c) => [c.blocksWide, c.blocksHigh, c.keep]),
      [
        [80, 60, 16],
        [40, 60, 4],
        [40, 60, 4],
      ],
    );
    assert.equal(components[0]!.values.length, 80 * 60 * 16);
  });

  it('keeps only the first component by default', () => {
    const result = readJpegCoefficients(ixus);
    assert.ok(result.ok);
    assert.equal(result.coefficients.components.length, 1);
  });

  it('keeps the same leading coefficients whatever `keep` is', () => {
    const few = readJpegCoefficients(ixus, { keep: 6 });
    const all = readJpegCoefficients(ixus, { keep: 64 });
    assert.ok(few.ok && all.ok);
    const a = few.coefficients.components[0]!.values;
    const b = all.coefficients.components[0]!.values;
    for (let block = 0; block < 4800; block += 97) {
      assert.deepEqual([...a.subarray(block * 6, block * 6 + 6)], [...b.subarray(block * 64, block * 64 + 6)]);
    }
    // A textured photo has non-zero high frequencies somewhere: the AC decoder really reads them.
    assert.ok(b.some((v, i) => i % 64 > 40 && v !== 0));
  });

  it('refuses progressive files, non-JPEG bytes and an empty file cleanly', () => {
    const progressive = readJpegCoefficients(readFileSync(fixturePath('listing', 'jacket-green.jpg')));
    assert.deepEqual(progressive.ok ? 'ok' : progressive.reason, 'progressive');
    const png = readJpegCoefficients(readFileSync(fixturePath('synthetic', 'msg-converted.png')));
    assert.deepEqual(png.ok ? 'ok' : png.reason, 'not_jpeg');
    const empty = readJpegCoefficients(new Uint8Array(0));
    assert.deepEqual(empty.ok ? 'ok' : empty.reason, 'not_jpeg');
  });

  it('reports a file cut inside its entropy-coded data as truncated', () => {
    const result = readJpegCoefficients(ixus.subarray(0, Math.floor(ixus.length * 0.6)));
    assert.equal(result.ok ? 'ok' : result.reason, 'truncated');
  });

  it('reports scrambled entropy-coded data as corrupt or truncated, never throws', () => {
    const scrambled = Uint8Array.from(ixus);
    for (let i = Math.floor(scrambled.length * 0.3); i < scrambled.length - 2; i += 13) scrambled[i] = (i * 31) & 0xfe;
    const result = readJpegCoefficients(scrambled);
    assert.ok(!result.ok);
    assert.ok(['corrupt', 'truncated'].includes(result.reason), result.reason);
  });

  it('gives up past its deadline and over its block budget', () => {
    let t = 0;
    const slowClock = () => (t += 1000);
    const late = readJpegCoefficients(ixus, { timeoutMs: 1500, now: slowClock });
    assert.equal(late.ok ? 'ok' : late.reason, 'timeout');
    const big = readJpegCoefficients(ixus, { maxBlocks: 1000 });
    assert.equal(big.ok ? 'ok' : big.reason, 'too_large');
  });
});
