import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { estimateJpegQuality, readJpegSegments } from '@proofdesk/forensics';
import { SharpImageDecoder } from './sharp.image-decoder.js';

const decoder = new SharpImageDecoder();
after(() => decoder.close());

const rgb = (width: number, height: number) => ({
  width,
  height,
  channels: 3 as const,
  data: Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 251),
});

describe('SharpImageDecoder.encodeJpeg', () => {
  for (const quality of [50, 75, 92, 98]) {
    it(`writes libjpeg's Annex K tables at quality ${quality} (what error level analysis assumes)`, async () => {
      const bytes = await decoder.encodeJpeg(rgb(64, 48), quality);
      const facts = estimateJpegQuality(readJpegSegments(bytes, 1));
      assert.equal(facts?.quality, quality);
      assert.equal(facts?.standardTables, true);
      const back = await decoder.decode(bytes, 'jpeg', { maxSide: 64, maxPixels: 1e6 });
      assert.deepEqual([back.width, back.height, back.channels], [64, 48, 3]);
    });
  }

  it('writes one component for grey pixels', async () => {
    const grey = { width: 16, height: 16, channels: 1 as const, data: new Uint8Array(256).fill(90) };
    const segments = readJpegSegments(await decoder.encodeJpeg(grey, 80), 1);
    assert.equal(segments.frame?.components.length, 1);
  });

  it('refuses a buffer that does not match the size', async () => {
    await assert.rejects(
      decoder.encodeJpeg({ width: 4, height: 4, channels: 3, data: new Uint8Array(10) }, 80),
      TypeError,
    );
  });
});
