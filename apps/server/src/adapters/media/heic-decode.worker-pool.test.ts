import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { DecodeError } from '@proofdesk/forensics';
import { fixturePath } from '../../testing/paths.js';
import { HeicDecodeWorkerPool, HeicWorkerFailure } from './heic-decode.worker-pool.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('decode', name)));
const cheers = { bytes: fixture('cheers_1440x960.heic'), primaryIndex: 0, expectedWidth: 1440, expectedHeight: 960 };
const LIMIT = 100_000_000;
const LONG_MS = 60_000;

void describe('HeicDecodeWorkerPool', () => {
  const pool = new HeicDecodeWorkerPool({ size: 1 });
  after(() => pool.close());

  void it('decodes the primary image to RGBA of the promised size', async () => {
    const { width, height, data } = await pool.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS);
    assert.deepEqual([width, height, data.length], [1440, 960, 1440 * 960 * 4]);
    assert.ok(data.some((v) => v !== 0) && data.some((v) => v !== 255), 'real pixel values, not a blank buffer');
  });

  void it('terminates a decode that overruns its time, and the next decode still works', async () => {
    const iphone = {
      bytes: fixture('iphone-xr-irot270-exif6.heic'),
      primaryIndex: 0,
      expectedWidth: 3024,
      expectedHeight: 4032,
    };
    const started = performance.now();
    await assert.rejects(
      pool.decode({ ...iphone, maxPixels: LIMIT }, 5),
      (e: unknown) => e instanceof DecodeError && e.reason === 'timeout',
    );
    assert.ok(performance.now() - started < 2_000, 'the caller is answered at the deadline, not when the decode ends');
    const { width } = await pool.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS);
    assert.equal(width, 1440);
  });

  void it('reports what libheif said for damaged coded data, and keeps working', async () => {
    const broken = { ...cheers, bytes: fixture('NullPointerException.HeifPictureHandler.processBox.heif') };
    await assert.rejects(pool.decode({ ...broken, maxPixels: LIMIT }, LONG_MS), (e: unknown) => {
      return e instanceof HeicWorkerFailure && /Decoder plugin generated an error/.test(e.message);
    });
    assert.equal((await pool.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS)).height, 960);
  });

  void it("refuses by libheif's own size before decoding, and when the size is not the promised one", async () => {
    await assert.rejects(
      pool.decode({ ...cheers, maxPixels: 1440 * 960 - 1 }, LONG_MS),
      (e: unknown) => e instanceof DecodeError && e.reason === 'too_large',
    );
    await assert.rejects(
      pool.decode({ ...cheers, expectedWidth: 960, expectedHeight: 1440, maxPixels: LIMIT }, LONG_MS),
      /lists no image of the primary item's size 960×1440/,
    );
  });

  void it('queues decodes beyond its size and runs them all', async () => {
    const results = await Promise.all([1, 2, 3].map(() => pool.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS)));
    assert.deepEqual(
      results.map((r) => r.width),
      [1440, 1440, 1440],
    );
  });

  void it('fails pending work once closed', async () => {
    const closing = new HeicDecodeWorkerPool();
    const pending = assert.rejects(closing.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS), /closed/);
    await closing.close();
    await pending;
    await assert.rejects(closing.decode({ ...cheers, maxPixels: LIMIT }, LONG_MS), /closed/);
  });

  void it('rejects a size that is not a positive number', () => {
    assert.throws(() => new HeicDecodeWorkerPool({ size: 0 }), TypeError);
  });
});
