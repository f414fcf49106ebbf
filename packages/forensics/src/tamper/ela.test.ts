import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DecodedImage } from '../ports.js';
import { ELA_CELL, elaMaps } from './ela.js';

/** A textured grey-ish RGB image; `error` adds ±e to every channel inside a box (a region that changes more). */
function image(
  width: number,
  height: number,
  perturb?: { x: number; y: number; w: number; h: number; e: number },
): DecodedImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside =
        perturb && x >= perturb.x && x < perturb.x + perturb.w && y >= perturb.y && y < perturb.y + perturb.h;
      const base = 110 + 30 * Math.sin(x * 0.7) * Math.cos(y * 0.45) + ((x * 7 + y * 13) % 5);
      const d = inside ? ((x + y) % 2 === 0 ? perturb.e : -perturb.e) : (x * 3 + y) % 3 === 0 ? 1 : 0;
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = Math.round(base + d + c * 5);
    }
  }
  return { width, height, channels: 3, data };
}

describe('elaMaps', () => {
  it('normalises by texture: a uniform round trip error reads ~0 everywhere', () => {
    const original = image(128, 128);
    const maps = elaMaps(original, image(128, 128, { x: 0, y: 0, w: 0, h: 0, e: 0 }));
    assert.equal(maps.residual.width, 128 / ELA_CELL);
    const values = [...maps.residual.data].filter(Number.isFinite);
    assert.ok(
      values.every((v) => Math.abs(v) < 0.5),
      String(Math.max(...values.map(Math.abs))),
    );
  });

  it('stands out where a region changes far more than texture explains', () => {
    const original = image(128, 128);
    const recompressed = image(128, 128, { x: 64, y: 32, w: 32, h: 32, e: 12 });
    const { residual } = elaMaps(original, recompressed);
    const at = (x: number, y: number) =>
      residual.data[Math.floor(y / ELA_CELL) * residual.width + Math.floor(x / ELA_CELL)]!;
    assert.ok(at(80, 48) > 2, `inside: ${at(80, 48)}`);
    assert.ok(Math.abs(at(16, 100)) < 0.5, `outside: ${at(16, 100)}`);
  });

  it('refuses images of different sizes', () => {
    assert.throws(() => elaMaps(image(16, 16), image(24, 16)), RangeError);
  });
});
