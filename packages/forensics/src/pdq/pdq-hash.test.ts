import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DecodedImage } from '../ports.js';
import { DIHEDRAL_VARIANTS, type DihedralVariant } from './dihedral.js';
import { hammingDistance } from './hamming.js';
import { applyOrientation } from './orientation.js';
import { pdqDihedralHashes, pdqHash, pdqHashFromLuma } from './pdq-hash.js';

/** A smooth, asymmetric synthetic photo: blobs of varied size and brightness on a gradient. */
function scene(width: number, height: number, seed = 1): DecodedImage {
  let s = seed;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const blobs = Array.from({ length: 12 }, () => ({
    x: random() * width,
    y: random() * height,
    r: 5 + random() * width * 0.2,
    a: random() * 200 - 100,
  }));
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 60 + (120 * x) / width + (40 * y) / height + 25 * Math.sin(x / 3.1) * Math.sin(y / 4.3 + x / 17);
      for (const b of blobs) v += b.a * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r));
      const p = (y * width + x) * 3;
      data[p] = Math.max(0, Math.min(255, v + 20));
      data[p + 1] = Math.max(0, Math.min(255, v));
      data[p + 2] = Math.max(0, Math.min(255, v - 20));
    }
  }
  return { width, height, channels: 3, data };
}

describe('pdqHash', () => {
  it('gives the all-zero hash and quality 0 below 5 px a side, as the reference', () => {
    const tiny = { width: 4, height: 100, channels: 1 as const, data: new Uint8Array(400).fill(9) };
    assert.deepEqual(pdqHash(tiny), { hash: '0'.repeat(64), quality: 0 });
  });

  it('hashes a 4-px-wide image taller than 512 px: the pre-shrink makes it 512×512 first', () => {
    const data = Uint8Array.from({ length: 4 * 600 }, (_, k) => (Math.trunc(k / 4) * 7) % 256);
    const result = pdqHash({ width: 4, height: 600, channels: 1, data });
    assert.notEqual(result.hash, '0'.repeat(64));
  });

  it('scores a flat image 0 and a detailed one 100', () => {
    assert.equal(pdqHash({ width: 100, height: 80, channels: 1, data: new Uint8Array(8000).fill(128) }).quality, 0);
    assert.equal(pdqHash(scene(300, 200)).quality, 100);
  });

  it('sets 128 bits and inverts under a photographic negative', () => {
    const image = scene(320, 240, 3);
    const negative = { ...image, data: image.data.map((v) => 255 - v) };
    const a = pdqHash(image).hash;
    assert.equal(hammingDistance(a, '0'.repeat(64)), 128);
    assert.ok(hammingDistance(a, pdqHash(negative).hash) >= 250);
  });

  it('is stable under mild noise and far between different scenes', () => {
    const image = scene(400, 300, 5);
    let s = 99;
    const noisy = {
      ...image,
      data: image.data.map((v) => Math.max(0, Math.min(255, v + (((s = (s * 69069 + 1) >>> 0) >>> 29) - 4)))),
    };
    assert.ok(hammingDistance(pdqHash(image).hash, pdqHash(noisy).hash) <= 16);
    assert.ok(hammingDistance(pdqHash(image).hash, pdqHash(scene(400, 300, 6)).hash) > 64);
  });

  it('takes a 64×64 luminance image as already downsampled', () => {
    const luma = Float32Array.from({ length: 4096 }, (_, k) => ((k * 37) % 101) + (k >> 6));
    const direct = pdqHashFromLuma(luma.slice(), 64, 64);
    const viaDihedral = pdqDihedralHashes({ width: 64, height: 64, channels: 1, data: Uint8Array.from(luma) });
    assert.ok(hammingDistance(direct.hash, viaDihedral.hashes.original) <= 8);
  });
});

describe('pdqDihedralHashes', () => {
  /** EXIF orientation → the reference's name for the same symmetry (checked on Meta's `dih` images too). */
  const ORIENTATION_OF: Record<DihedralVariant, number> = {
    original: 1,
    flipY: 2,
    rotate180: 3,
    flipX: 4,
    flipPlus1: 5,
    rotate270: 6,
    flipMinus1: 7,
    rotate90: 8,
  };

  it('matches hashing the rotated or mirrored image, for every variant', () => {
    const image = scene(360, 250, 11);
    const { hashes } = pdqDihedralHashes(image);
    assert.equal(hashes.original, pdqHash(image).hash);
    for (const variant of DIHEDRAL_VARIANTS) {
      const direct = pdqHash(applyOrientation(image, ORIENTATION_OF[variant])).hash;
      const distances = DIHEDRAL_VARIANTS.map((other) => hammingDistance(direct, hashes[other]));
      const own = hammingDistance(direct, hashes[variant]);
      assert.ok(own <= 31, `${variant}: ${own} bits from the hash of the transformed image`);
      assert.ok(
        distances.every((d) => d === own || d > 64),
        `${variant}: other variants are far (${distances.join(', ')})`,
      );
    }
  });
});
