import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dilate, erode } from './aligned-pair.js';
import type { DifferenceMaps } from './difference-map.js';
import { applyHomography, compose, describeLocal, fitHomography, invert, similarityFrom2 } from './homography.js';
import { matchDescriptors } from './match.js';
import { extractFeatures, type Features } from './orb.js';
import { paddingMask } from './padding.js';
import { applyToneCurve, fitToneCurve } from './photometric.js';
import { binomialBlur, shrinkArea, type Plane } from './plane.js';
import { seededRandom } from './prng.js';
import { estimateAlignment } from './ransac.js';
import { findRegions } from './regions.js';
import { agreementWindow } from './window.js';

const plane = (width: number, height: number, f: (x: number, y: number) => number): Plane => {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
};

/** A textured test image: blurred random blobs (deterministic). */
function texture(width: number, height: number, seed: number): Plane {
  const next = seededRandom(seed);
  const blobs = Array.from({ length: 160 }, () => [next() * width, next() * height, 3 + next() * 14, next() * 255]);
  const p = plane(width, height, (x, y) => {
    let v = 128;
    for (const [bx, by, r, c] of blobs) if ((x - bx!) ** 2 + (y - by!) ** 2 < r! * r!) v = c!;
    return v;
  });
  return binomialBlur(p);
}

describe('homography', () => {
  const truth = Float64Array.of(0.9, -0.2, 30, 0.15, 1.1, -12, 0.0002, -0.0001, 1);
  it('fits a projective map exactly from its own point pairs, and inverts', () => {
    const px: number[] = [];
    const py: number[] = [];
    const qx: number[] = [];
    const qy: number[] = [];
    for (const [x, y] of [
      [0, 0],
      [400, 10],
      [20, 300],
      [390, 310],
      [200, 150],
      [100, 250],
    ] as const) {
      const [u, v] = applyHomography(truth, x, y);
      px.push(x);
      py.push(y);
      qx.push(u);
      qy.push(v);
    }
    const fitted = fitHomography(px, py, qx, qy, [0, 1, 2, 3, 4, 5])!;
    for (let i = 0; i < 9; i++) assert.ok(Math.abs(fitted[i]! - truth[i]!) < 1e-6, `h${i}`);
    const round = compose(invert(fitted)!, fitted);
    const [x, y] = applyHomography(round, 123, 45);
    assert.ok(Math.abs(x - 123) < 1e-6 && Math.abs(y - 45) < 1e-6);
  });

  it('reads scale, rotation and mirroring off a similarity', () => {
    const s = similarityFrom2(0, 0, 10, 0, 5, 5, 5 + 20 * Math.cos(0.3), 5 + 20 * Math.sin(0.3))!;
    const local = describeLocal(s, 50, 50);
    assert.ok(Math.abs(local.scale - 2) < 1e-9);
    assert.ok(Math.abs(local.rotationDeg - (0.3 * 180) / Math.PI) < 1e-6);
    assert.equal(local.mirrored, false);
    assert.equal(describeLocal(compose(s, Float64Array.of(-1, 0, 0, 0, 1, 0, 0, 0, 1)), 1, 1).mirrored, true);
  });
});

describe('RANSAC', () => {
  it('recovers a similarity from matches of which half are wrong', () => {
    const next = seededRandom(9);
    const truth = similarityFrom2(0, 0, 1, 0, 40, -20, 40 + 1.6 * Math.cos(0.15), -20 + 1.6 * Math.sin(0.15))!;
    const n = 200;
    const c = {
      count: n,
      px: new Float32Array(n),
      py: new Float32Array(n),
      qx: new Float32Array(n),
      qy: new Float32Array(n),
    };
    for (let i = 0; i < n; i++) {
      c.px[i] = next() * 600;
      c.py[i] = next() * 400;
      const [u, v] = applyHomography(truth, c.px[i]!, c.py[i]!);
      const wrong = i % 2 === 1;
      c.qx[i] = wrong ? next() * 1000 : u + (next() - 0.5) * 0.6;
      c.qy[i] = wrong ? next() * 700 : v + (next() - 0.5) * 0.6;
    }
    const found = estimateAlignment(c, { claimWidth: 600, claimHeight: 400 })!;
    assert.ok(found.inliers.length >= 95 && found.inliers.length <= 105, String(found.inliers.length));
    for (const [x, y] of [
      [0, 0],
      [600, 400],
      [300, 200],
    ] as const) {
      const [a, b] = applyHomography(found.h, x, y);
      const [u, v] = applyHomography(truth, x, y);
      assert.ok(Math.hypot(a - u, b - v) < 1, `at ${x},${y}`);
    }
  });
});

describe('ORB-like features', () => {
  it('match an image to its rotated, shrunk copy and give back the transform', () => {
    const image = texture(360, 280, 5);
    // The copy: rotated 90° clockwise (exact pixel permutation), then shrunk to 70 %.
    const turned = plane(280, 360, (x, y) => image.data[(279 - x) * 360 + y]!);
    const copy = shrinkArea(turned, 196, 252);
    const a = extractFeatures(copy, { maxFeatures: 500 });
    const b = extractFeatures(image, { maxFeatures: 500 });
    const m = matchDescriptors(a, b);
    const c = {
      count: m.count,
      px: Float32Array.from(m.query, (i) => a.x[i]!),
      py: Float32Array.from(m.query, (i) => a.y[i]!),
      qx: Float32Array.from(m.train, (i) => b.x[i]!),
      qy: Float32Array.from(m.train, (i) => b.y[i]!),
    };
    const found = estimateAlignment(c, { claimWidth: 196, claimHeight: 252 })!;
    assert.ok(found.inliers.length >= 30, `${found.inliers.length} inliers of ${m.count}`);
    const local = describeLocal(found.h, 98, 126);
    assert.ok(Math.abs(local.scale - 1 / 0.7) < 0.05, String(local.scale));
    assert.ok(Math.abs(Math.abs(local.rotationDeg) - 90) < 2, String(local.rotationDeg));
  });
});

describe('photometric normalisation', () => {
  it('recovers a clipped contrast curve despite a painted block', () => {
    const ref = plane(100, 100, (x, y) => (x * 2.55 + y) % 256);
    const claim = plane(100, 100, (x, y) =>
      x > 60 && y > 60 ? 0 : Math.min(255, Math.max(0, 1.3 * ref.data[y * 100 + x]! - 20)),
    );
    const curve = fitToneCurve(claim, ref, new Uint8Array(10_000).fill(1), 0, 256);
    const mapped = applyToneCurve(
      plane(1, 3, (_x, y) => [60, 120, 180][y]!),
      curve,
    );
    for (const [i, v] of [58, 136, 214].entries())
      assert.ok(Math.abs(mapped.data[i]! - v) < 6, `${mapped.data[i]} vs ${v}`);
  });
});

describe('masks, padding, windows, regions', () => {
  it('erodes and dilates like the definition, the frame counting as empty', () => {
    const next = seededRandom(3);
    const w = 23;
    const h = 17;
    const mask = Uint8Array.from({ length: w * h }, () => (next() < 0.6 ? 1 : 0));
    const naive = (r: number, dilation: boolean) =>
      Uint8Array.from({ length: w * h }, (_, i) => {
        const x = i % w;
        const y = (i - x) / w;
        let any = false;
        let all = true;
        for (let dy = -r; dy <= r; dy++) {
          for (let dx = -r; dx <= r; dx++) {
            const v = x + dx >= 0 && y + dy >= 0 && x + dx < w && y + dy < h ? mask[(y + dy) * w + x + dx]! : 0;
            any ||= v === 1;
            all &&= v === 1;
          }
        }
        return dilation ? +any : +all;
      });
    for (const r of [1, 2, 4]) {
      assert.deepEqual(dilate(mask, w, h, r), naive(r, true), `dilate ${r}`);
      assert.deepEqual(erode(mask, w, h, r), naive(r, false), `erode ${r}`);
    }
  });

  it('marks letter-box bars as padding, not a soft blob inside the picture', () => {
    const y = plane(120, 80, (x, yy) => {
      if (x < 15 || x >= 105) return 0;
      const d = Math.hypot(x - 60, yy - 40);
      return d < 12 ? 255 - d * 4 : 200 + ((x * 7 + yy * 13) % 11);
    });
    const flat = plane(120, 80, () => 0);
    const padding = paddingMask(y, flat, flat);
    assert.equal(padding[40 * 120 + 5], 1, 'left bar');
    assert.equal(padding[40 * 120 + 114], 1, 'right bar');
    assert.equal(padding[40 * 120 + 60], 0, 'blob centre');
    assert.equal(padding[10 * 120 + 40], 0, 'textured picture');
  });

  it('trims the window to the rows that agree', () => {
    const w = 10;
    const h = 10;
    const mask = new Uint8Array(w * h).fill(1);
    const agree = Uint8Array.from({ length: w * h }, (_, i) => (Math.floor(i / w) < 3 ? 0 : 1));
    agree[5 * w + 4] = 0;
    const { window } = agreementWindow(mask, agree, w, h);
    assert.deepEqual(window, { x0: 0, y0: 3, x1: 10, y1: 10 });
  });

  it('turns a blob into one region and ignores a one-cell straight line and weak noise', () => {
    const w = 80;
    const h = 60;
    const luma = Float32Array.from({ length: w * h }, (_, i) => {
      const x = i % w;
      const y = (i - x) / w;
      if ((x - 50) ** 2 + (y - 20) ** 2 < 36) return 80;
      return y === 45 && x > 5 && x < 70 ? 90 : (i * 13) % 5;
    });
    const maps: DifferenceMaps = {
      width: w,
      height: h,
      structure: Float32Array.from({ length: w * h }, (_, i) => 0.02 + ((i * 37) % 7) / 100),
      luma,
      chroma: new Float32Array(w * h),
      stroke: new Float32Array(w * h),
      sharpLuma: luma,
      sharpChroma: new Float32Array(w * h),
      normalised: [] as never,
      curves: [] as never,
    };
    const { regions } = findRegions(maps, new Uint8Array(w * h).fill(1));
    assert.equal(regions.length, 1, JSON.stringify(regions));
    const r = regions[0]!;
    assert.ok(r.x <= 45 && r.x + r.w >= 55 && r.y <= 15 && r.y + r.h >= 25, JSON.stringify(r));
  });
});

it('matchDescriptors counts distances up to all 256 bits', () => {
  const features = (words: number[][]): Features => ({
    count: words.length,
    x: new Float32Array(words.length),
    y: new Float32Array(words.length),
    level: new Uint8Array(words.length),
    descriptors: Uint32Array.from(words.flat()),
  });
  const ones = Array.from({ length: 8 }, () => 0xffffffff);
  const zeros = Array.from({ length: 8 }, () => 0);
  const oneBit = [1, 0, 0, 0, 0, 0, 0, 0];
  // Nearest 1 bit, second 256: a ratio-test pass only if 256 is counted as 256 (not wrapped to 0).
  const m = matchDescriptors(features([zeros]), features([ones, oneBit]));
  assert.deepEqual([m.count, m.train[0], m.distance[0]], [1, 1, 1]);
  // The complement alone: 256 bits, over the distance limit, so no match (not a perfect one).
  assert.equal(matchDescriptors(features([zeros]), features([ones])).count, 0);
});
