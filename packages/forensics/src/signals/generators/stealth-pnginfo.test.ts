import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync, zlibSync } from 'fflate';
import { decodePngRows } from '../../containers/png-rows.js';
import { fixturePath } from '../../testing/paths.js';
import { detectGenerators } from './detect.js';
import { readStealthPngInfo, stealthFields } from './stealth-pnginfo.js';

const MAX_PIXELS = 100e6;

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

/** The PNG forward filters (the encoder side), written independently of the decoder under test. */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array | undefined, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length);
  for (let x = 0; x < row.length; x++) {
    const a = x >= bpp ? row[x - bpp]! : 0;
    const b = prev ? prev[x]! : 0;
    const c = prev && x >= bpp ? prev[x - bpp]! : 0;
    const p = a + b - c;
    const predictor = [
      0,
      a,
      b,
      (a + b) >> 1,
      Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
        ? a
        : Math.abs(p - b) <= Math.abs(p - c)
          ? b
          : c,
    ][type]!;
    out[x] = (row[x]! - predictor) & 0xff;
  }
  return out;
}

/** Builds an 8-bit RGBA PNG (CRCs left zero: the reader does not check them), rows filtered by `filters[y % 5]`. */
function rgbaPng(width: number, height: number, pixels: Uint8Array, filters = [0, 1, 2, 3, 4]): Uint8Array {
  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const type = filters[y % filters.length]!;
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : undefined;
    raw[y * (stride + 1)] = type;
    raw.set(filterRow(type, row, prev, 4), y * (stride + 1) + 1);
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set(
      [...type].map((ch) => ch.charCodeAt(0)),
      4,
    );
    out.set(data, 8);
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (png.set(p, at), at + p.length), 0);
  return png;
}

/** Hides `signature`, the 32-bit bit length and `payload` in the alpha LSBs, column by column, as the extension does. */
function hide(pixels: Uint8Array, width: number, height: number, signature: string, payload: Uint8Array): void {
  const bytes = [...new TextEncoder().encode(signature)];
  const bits = payload.length * 8;
  bytes.push(bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff, ...payload);
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) {
      const index = i * 8 + b;
      const x = Math.floor(index / height);
      const y = index % height;
      assert.ok(x < width, 'payload fits');
      const at = (y * width + x) * 4 + 3;
      pixels[at] = (pixels[at]! & 0xfe) | ((byte >> (7 - b)) & 1);
    }
  });
}

void describe('decodePngRows', () => {
  void it('undoes all five PNG filters exactly (round trip through an independent encoder)', () => {
    const pixels = noise(37 * 23 * 4, 7);
    const decoded = decodePngRows(rgbaPng(37, 23, pixels), 1000, MAX_PIXELS)!;
    assert.equal(decoded.rows, 23);
    assert.deepEqual(decoded.samples, pixels);
  });
  void it('decodes only the rows asked for, and refuses images over the pixel limit', () => {
    const pixels = noise(50 * 40 * 4, 9);
    const png = rgbaPng(50, 40, pixels);
    const top = decodePngRows(png, 3, MAX_PIXELS)!;
    assert.equal(top.rows, 3);
    assert.deepEqual(top.samples, pixels.subarray(0, 3 * 50 * 4));
    assert.equal(decodePngRows(png, 3, 50 * 40 - 1), undefined);
  });
  void it('keeps the complete rows of a truncated file and never throws on damaged data', () => {
    // A smooth picture, as photos are: it deflates into Huffman blocks that can be decoded part by part.
    const pixels = Uint8Array.from(
      { length: 64 * 64 * 4 },
      (_, i) => ((i >> 2) % 64) * 3 + (i % 4) * 20 + ((i >> 8) & 7),
    );
    const png = rgbaPng(64, 64, pixels);
    const truncated = decodePngRows(png.subarray(0, Math.floor(png.length * 0.9)), 1000, MAX_PIXELS);
    assert.ok(truncated && truncated.rows > 0 && truncated.rows < 64, `rows: ${truncated?.rows}`);
    assert.deepEqual(truncated.samples, pixels.subarray(0, truncated.rows * 64 * 4));
    const damaged = png.slice();
    for (let i = 60; i < damaged.length - 12; i += 7) damaged[i] = damaged[i]! ^ 0x5a;
    assert.doesNotThrow(() => decodePngRows(damaged, 1000, MAX_PIXELS));
  });
});

void describe('stealth PNG info', () => {
  void it('reads the real A1111 stealth_pngcomp fixture', () => {
    const bytes = new Uint8Array(
      readFileSync(fixturePath('generators', 'sd-parsers/AUTOMATIC1111/automatic1111_stealth.png')),
    );
    const found = readStealthPngInfo(bytes, MAX_PIXELS);
    assert.equal(found?.signature, 'stealth_pngcomp');
    assert.ok(found.text.startsWith('a circle\nNegative prompt: a square\nSteps: 20, Sampler: Euler'));
  });
  void it('reads uncompressed stealth_pnginfo in an image taller than the signature (column 0 only)', () => {
    const [width, height] = [40, 300];
    const pixels = noise(width * height * 4, 11);
    const infotext = 'a dented box\nSteps: 12, Sampler: DPM++ 2M, CFG scale: 5, Seed: 77, Size: 40x300';
    hide(pixels, width, height, 'stealth_pnginfo', new TextEncoder().encode(infotext));
    assert.deepEqual(readStealthPngInfo(rgbaPng(width, height, pixels), MAX_PIXELS), {
      text: infotext,
      signature: 'stealth_pnginfo',
    });
  });
  void it("maps NovelAI's hidden PNG info dictionary to its text chunks", () => {
    const [width, height] = [64, 64];
    const pixels = noise(width * height * 4, 13);
    const info = {
      Software: 'NovelAI',
      Description: 'a cat',
      Comment: JSON.stringify({ steps: 28, sampler: 'k_euler', seed: 42, scale: 5, uc: 'lowres', noise: 0 }),
    };
    hide(pixels, width, height, 'stealth_pngcomp', gzipSync(new TextEncoder().encode(JSON.stringify(info))));
    const [found] = detectGenerators(stealthFields(rgbaPng(width, height, pixels), MAX_PIXELS));
    assert.deepEqual(
      [found?.id, found?.evidence, found?.prompt, found?.seed],
      ['novelai', 'parameters', 'a cat', '42'],
    );
  });
  void it('finds nothing in ordinary RGBA pixels, a wrong signature, or a truncated stealth file', () => {
    assert.equal(readStealthPngInfo(rgbaPng(64, 64, noise(64 * 64 * 4, 5)), MAX_PIXELS), undefined);
    const pixels = noise(64 * 64 * 4, 17);
    hide(pixels, 64, 64, 'stealth_nothing', new Uint8Array([1, 2, 3]));
    assert.equal(readStealthPngInfo(rgbaPng(64, 64, pixels), MAX_PIXELS), undefined);
    const real = new Uint8Array(
      readFileSync(fixturePath('generators', 'sd-parsers/AUTOMATIC1111/automatic1111_stealth.png')),
    );
    assert.equal(readStealthPngInfo(real.subarray(0, real.length - 3000), MAX_PIXELS), undefined);
  });
});
