import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzlibSync } from 'fflate';
import { blockMap } from './block-map.js';
import { encodeGreyPng, HEATMAP_MAX_SIDE, heatmapDataUri } from './heatmap-png.js';

/** Splits a PNG into chunks, checking each CRC with an independent bitwise CRC-32. */
function chunks(png: Uint8Array): { type: string; body: Uint8Array }[] {
  const crc = (bytes: Uint8Array) => {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; body: Uint8Array }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    assert.equal(view.getUint32(at + 8 + length), crc(png.subarray(at + 4, at + 8 + length)), `${type} CRC`);
    out.push({ type, body: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('encodeGreyPng', () => {
  it('writes a valid 8-bit greyscale PNG whose rows decode back to the samples', () => {
    const samples = Uint8Array.from({ length: 5 * 3 }, (_, i) => i * 17);
    const png = encodeGreyPng(5, 3, samples);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    assert.deepEqual(
      parts.map((c) => c.type),
      ['IHDR', 'IDAT', 'IEND'],
    );
    const ihdr = new DataView(parts[0]!.body.buffer, parts[0]!.body.byteOffset);
    assert.deepEqual([ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)], [5, 3, 8, 0]);
    const raw = unzlibSync(parts[1]!.body);
    for (let y = 0; y < 3; y++) {
      assert.equal(raw[y * 6], 0, 'filter type none');
      assert.deepEqual([...raw.subarray(y * 6 + 1, y * 6 + 6)], [...samples.subarray(y * 5, y * 5 + 5)]);
    }
  });

  it('refuses a size that does not match the samples', () => {
    assert.throws(() => encodeGreyPng(2, 2, new Uint8Array(3)), RangeError);
    assert.throws(() => encodeGreyPng(0, 2, new Uint8Array(0)), RangeError);
  });
});

describe('heatmapDataUri', () => {
  it('fits the longer side to the maximum and maps low..high to black..white', () => {
    const map = blockMap(500, 250, 0);
    map.data[0] = 10;
    map.data[1] = Number.NaN;
    const uri = heatmapDataUri(map, 0, 10);
    assert.match(uri, /^data:image\/png;base64,/);
    const png = Uint8Array.from(atob(uri.slice(uri.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    const parts = chunks(png);
    const ihdr = new DataView(parts[0]!.body.buffer, parts[0]!.body.byteOffset);
    assert.deepEqual([ihdr.getUint32(0), ihdr.getUint32(4)], [HEATMAP_MAX_SIDE, HEATMAP_MAX_SIDE / 2]);
    const raw = unzlibSync(parts[1]!.body);
    assert.equal(raw[1], 255);
    assert.equal(raw[2], 0);
  });
});
