import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelPlanes, resampleArea, toGrey, type GreyImage } from '../pixels/grey-image.js';
import { applyOrientation } from '../pixels/orientation.js';
import type { DecodedImage, ImageDecoder, RawMetadata } from '../ports.js';
import type { SignalContext, SignalResult } from './signal.js';
import { compareThumbnail, GRID, letterboxContent } from './thumbnail-compare.js';
import { MIN_GROUP_CELLS, thumbnailSignal } from './thumbnail.js';

/** A deterministic, non-symmetric RGB "scene": gradients, sinusoids and a few blocks, sampled at any size. */
function scene(width: number, height: number, paint?: (u: number, v: number) => number | undefined): DecodedImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      const v = (y + 0.5) / height;
      let base = 60 + 90 * u + 40 * Math.sin(7 * v + 3 * u) + 30 * Math.cos(11 * u * v);
      if (u > 0.1 && u < 0.3 && v > 0.15 && v < 0.5) base += 60;
      if (u > 0.55 && u < 0.9 && v > 0.7 && v < 0.85) base -= 50;
      const painted = paint?.(u, v);
      const g = Math.max(0, Math.min(255, painted ?? base));
      const i = (y * width + x) * 3;
      data[i] = Math.min(255, g * 1.1);
      data[i + 1] = g;
      data[i + 2] = g * 0.8;
    }
  }
  return { width, height, channels: 3, data };
}

const stain = (u: number, v: number) => ((u - 0.62) ** 2 / 0.01 + (v - 0.55) ** 2 / 0.006 < 1 ? 25 : undefined);

/** Stored pixels whose display (after `orientation`) is `displayed`. */
function stored(displayed: GreyImage, orientation: number): GreyImage {
  const inverse: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6 };
  return applyOrientation(displayed, inverse[orientation]!);
}

describe('applyOrientation', () => {
  // Stored 3×2:  a b c / d e f  (values 1..6)
  const image: GreyImage = { width: 3, height: 2, data: Float64Array.of(1, 2, 3, 4, 5, 6) };
  const cases: [number, number, number, number[]][] = [
    [1, 3, 2, [1, 2, 3, 4, 5, 6]],
    [2, 3, 2, [3, 2, 1, 6, 5, 4]],
    [3, 3, 2, [6, 5, 4, 3, 2, 1]],
    [4, 3, 2, [4, 5, 6, 1, 2, 3]],
    [5, 2, 3, [1, 4, 2, 5, 3, 6]],
    [6, 2, 3, [4, 1, 5, 2, 6, 3]],
    [7, 2, 3, [6, 3, 5, 2, 4, 1]],
    [8, 2, 3, [3, 6, 2, 5, 1, 4]],
  ];
  for (const [orientation, width, height, data] of cases) {
    it(`orientation ${orientation}`, () => {
      const out = applyOrientation(image, orientation);
      assert.deepEqual([out.width, out.height, [...out.data]], [width, height, data]);
    });
  }
});

describe('resampleArea', () => {
  it('averages exact areas, fractional pixels weighted', () => {
    const image: GreyImage = { width: 4, height: 1, data: Float64Array.of(0, 10, 20, 30) };
    assert.deepEqual([...resampleArea(image, 2, 1).data], [5, 25]);
    assert.deepEqual([...resampleArea(image, 1, 1, { x: 0.5, y: 0, w: 2, h: 1 }).data], [10]);
  });
  it('refuses boxes outside the image', () => {
    assert.throws(() =>
      resampleArea({ width: 2, height: 2, data: new Float64Array(4) }, 1, 1, { x: 1, y: 0, w: 2, h: 2 }),
    );
  });
});

describe('letterboxContent', () => {
  const thumb = (bars: number, fill = 120): GreyImage => {
    const data = new Float64Array(160 * 120).fill(fill);
    for (let y = 0; y < 120; y++) if (y < bars || y >= 120 - bars) for (let x = 0; x < 160; x++) data[y * 160 + x] = 2;
    return { width: 160, height: 120, data };
  };
  it('finds the measured bars of a 3:2 picture in a 4:3 thumbnail (8 rows each, not the 6.7 of exact geometry)', () => {
    assert.deepEqual(letterboxContent(thumb(8), 1.5), { x: 0, y: 8, w: 160, h: 104 });
  });
  it('ignores equal aspects, missing bars and an all-dark picture', () => {
    assert.equal(letterboxContent(thumb(8), 4 / 3), undefined);
    assert.equal(letterboxContent(thumb(0), 1.5), undefined);
    assert.equal(letterboxContent(thumb(0, 5), 1.5), undefined);
  });
});

describe('compareThumbnail', () => {
  const main = channelPlanes(scene(256, 192));
  const thumbOf = (image: DecodedImage) => channelPlanes(image);
  it('matches a thumbnail of the same picture: correlation ≈ 1, no differing cells', () => {
    const c = compareThumbnail(thumbOf(scene(160, 120)), main, 1, 4 / 3);
    assert.ok(c.correlation > 0.99, String(c.correlation));
    assert.equal(c.cells.length, 0);
  });
  it('localises a stain painted on the main image only', () => {
    const painted = channelPlanes(scene(256, 192, stain));
    const c = compareThumbnail(thumbOf(scene(160, 120)), painted, 1, 4 / 3);
    const group = c.groups[0]!;
    assert.ok(group.cells >= MIN_GROUP_CELLS, JSON.stringify(c.groups));
    const centre = [(group.x + group.w / 2) / GRID, (group.y + group.h / 2) / GRID];
    assert.ok(Math.abs(centre[0]! - 0.62) < 0.08 && Math.abs(centre[1]! - 0.55) < 0.08, JSON.stringify(centre));
  });
  it('orients the thumbnail like the main image (orientations 1–8), and a wrong orientation correlates worse', () => {
    const displayed = toGrey(scene(120, 160));
    const displayedThumb = toGrey(scene(90, 120));
    for (let orientation = 1; orientation <= 8; orientation++) {
      const thumb = stored(displayedThumb, orientation);
      const storedAspect = orientation >= 5 ? 160 / 120 : 120 / 160;
      const right = compareThumbnail([thumb], [displayed], orientation, storedAspect);
      assert.ok(
        right.correlation > 0.99 && right.cells.length === 0,
        `orientation ${orientation}: ${right.correlation}`,
      );
      if (orientation !== 1) {
        const wrong = compareThumbnail([thumb], [displayed], orientation === 3 ? 1 : 3, storedAspect);
        assert.ok(wrong.correlation < right.correlation - 0.1, `orientation ${orientation}: ${wrong.correlation}`);
      }
    }
  });
  it('sees another picture as a low correlation', () => {
    const other = channelPlanes(scene(256, 192, (u, v) => 128 + 100 * Math.sin(23 * u) * Math.cos(17 * v)));
    assert.ok(compareThumbnail(thumbOf(scene(160, 120)), other, 1, 4 / 3).correlation < 0.6);
  });
});

describe('thumbnailSignal', () => {
  const thumbnailBytes = Uint8Array.of(0xff, 0xd8, 0xff, 0xd9);
  const decoderReturning = (image: DecodedImage | Error): ImageDecoder => ({
    probe: () => Promise.reject(new Error('not used')),
    decode: () => (image instanceof Error ? Promise.reject(image) : Promise.resolve(image)),
  });
  const run = (
    preview: DecodedImage,
    thumb: DecodedImage | Error,
    thumbnail: Uint8Array | undefined = thumbnailBytes,
    [width, height]: [number, number] = [2560, 1920],
  ) =>
    thumbnailSignal.run({
      bytes: new Uint8Array(1000),
      header: { width, height, orientation: 1, pages: 1 },
      width,
      height,
      meta: { exif: {}, xmp: [], iptc: {}, errors: [], ...(thumbnail ? { thumbnail } : {}) } as RawMetadata,
      preview,
      decoder: decoderReturning(thumb),
      maxPixels: 1e8,
    } as unknown as SignalContext) as Promise<SignalResult>;

  it('stays silent when the thumbnail shows the same picture', async () => {
    const result = await run(scene(256, 192), scene(160, 120));
    assert.deepEqual(result.findings, []);
    assert.equal((result.facts?.thumbnail as { compared: boolean }).compared, true);
  });
  it('reports a painted region in the main image’s own pixel coordinates', async () => {
    const result = await run(scene(256, 192, stain), scene(160, 120));
    const finding = result.findings[0]!;
    assert.equal(finding.code, 'tamper.thumbnail_mismatch');
    const region = finding.regions![0]!;
    // The stain spans u 0.52–0.72, v 0.47–0.63 of a 2560×1920 picture.
    assert.ok(region.x >= 1200 && region.x + region.w <= 1950, JSON.stringify(region));
    assert.ok(region.y >= 800 && region.y + region.h <= 1300, JSON.stringify(region));
  });
  it('fires on a swapped picture, without regions', async () => {
    const other = scene(256, 192, (u, v) => 128 + 100 * Math.sin(23 * u) * Math.cos(17 * v));
    const finding = (await run(other, scene(160, 120))).findings[0]!;
    assert.equal(finding.score, 0.55);
    assert.equal(finding.regions, undefined);
  });
  it('skips undecodable, tiny, featureless and missing thumbnails, and main images barely larger than them', async () => {
    const reason = async (r: Promise<SignalResult>) =>
      ((await r).facts?.thumbnail as { reason?: string } | undefined)?.reason;
    assert.equal(await reason(run(scene(256, 192), new Error('corrupt'))), 'undecodable');
    assert.equal(await reason(run(scene(256, 192), scene(30, 20))), 'too_small');
    const flat: DecodedImage = { width: 160, height: 120, channels: 3, data: new Uint8Array(160 * 120 * 3).fill(90) };
    assert.equal(await reason(run(scene(256, 192), flat)), 'featureless');
    // A 300×225 "photo" next to its 160×120 thumbnail is a software rendition, not what the camera wrote.
    const rendition = run(scene(300, 225, stain), scene(160, 120), thumbnailBytes, [300, 225]);
    assert.equal(await reason(rendition), 'main_thumbnail_sized');
    assert.deepEqual(await run(scene(256, 192), scene(160, 120), new Uint8Array(0)), { findings: [] });
  });
});
