import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { DecodeError, type HeifTransform, type ImageFormat } from '@proofdesk/forensics';
import {
  jpegWithOddSosParameters,
  jpegWithPaddingBeforeMarker,
  pngClaimingSize,
  withHeifTransforms,
} from '../../scripts/hostile-files.js';
import { meanGreyDifference, orient, type GreyImage } from '../../testing/grey-image.js';
import { isIccSegment, jpegSegments, withoutSegments } from '../../testing/jpeg-segments.js';
import { fixturePath } from '../../testing/paths.js';
import { SharpImageDecoder } from './sharp.image-decoder.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('decode', name)));
const LIMIT = 100_000_000;
const decoder = new SharpImageDecoder();
const thumb = (bytes: Uint8Array, format: ImageFormat) =>
  decoder.decode(bytes, format, { maxSide: 32, grey: true, maxPixels: LIMIT });
const isReason = (reason: string) => (e: unknown) => e instanceof DecodeError && e.reason === reason;

void describe('SharpImageDecoder', () => {
  after(() => decoder.close());

  void describe('every format, from a real file', () => {
    const cases: [
      string,
      ImageFormat,
      { width: number; height: number; orientation: number; pages: number },
      [number, number],
    ][] = [
      ['landscape_1.jpg', 'jpeg', { width: 600, height: 450, orientation: 1, pages: 1 }, [256, 192]],
      ['photoshop-8x12-rgba32.png', 'png', { width: 8, height: 12, orientation: 1, pages: 1 }, [8, 12]],
      ['sunrise_lossy.webp', 'webp', { width: 1024, height: 640, orientation: 1, pages: 1 }, [256, 160]],
      ['animation-lossy.webp', 'webp', { width: 320, height: 240, orientation: 1, pages: 101 }, [256, 192]],
      ['exiftool-8x8.gif', 'gif', { width: 8, height: 8, orientation: 1, pages: 1 }, [8, 8]],
      ['arbitro.tiff', 'tiff', { width: 174, height: 38, orientation: 1, pages: 1 }, [174, 38]],
      ['multipage.tif', 'tiff', { width: 1696, height: 2175, orientation: 1, pages: 5 }, [200, 256]],
      ['sunset.avif', 'avif', { width: 900, height: 562, orientation: 1, pages: 1 }, [256, 160]],
      ['cheers_1440x960.heic', 'heif', { width: 1440, height: 960, orientation: 1, pages: 1 }, [256, 171]],
      ['iphone-xr-irot270-exif6.heic', 'heif', { width: 4032, height: 3024, orientation: 6, pages: 1 }, [192, 256]],
    ];
    for (const [name, format, header, [width, height]] of cases) {
      void it(`${name}: header ${header.width}×${header.height} (orientation ${header.orientation}, ${header.pages} page(s)) → ${width}×${height} RGB`, async () => {
        const bytes = fixture(name);
        assert.deepEqual(await decoder.probe(bytes, format), header);
        const image = await decoder.decode(bytes, format, { maxSide: 256, maxPixels: LIMIT });
        assert.deepEqual([image.width, image.height, image.channels], [width, height, 3]);
        assert.equal(image.data.length, width * height * 3);
        assert.ok(new Set(image.data).size > 1, 'picture content, not one flat value');
      });
    }

    void it('GIF: the first frame only', async () => {
      const frame = (r: number, b: number) =>
        sharp({ create: { width: 8, height: 8, channels: 3, background: { r, g: 0, b } } })
          .png()
          .toBuffer();
      const gif = await sharp([await frame(255, 0), await frame(0, 255)], { join: { animated: true } })
        .gif()
        .toBuffer();
      assert.equal((await decoder.probe(gif, 'gif')).pages, 2);
      const image = await decoder.decode(gif, 'gif', { maxSide: 256, maxPixels: LIMIT });
      assert.deepEqual([image.width, image.height, ...image.data.subarray(0, 3)], [8, 8, 255, 0, 0]);
    });

    void it('alpha is flattened onto white', async () => {
      const png = fixture('photoshop-8x12-rgba32.png');
      const rgba = await sharp(png).raw().toBuffer();
      const image = await decoder.decode(png, 'png', { maxSide: 256, maxPixels: LIMIT });
      for (let i = 0; i < 8 * 12; i++) {
        const alpha = rgba[i * 4 + 3]! / 255;
        for (let c = 0; c < 3; c++) {
          const expected = rgba[i * 4 + c]! * alpha + 255 * (1 - alpha);
          assert.ok(Math.abs(image.data[i * 3 + c]! - expected) <= 2, `pixel ${i} channel ${c}`);
        }
      }
    });

    void it('16-bit PNG comes out as 8-bit values, scaled, not clipped', async () => {
      const background = { r: 200, g: 100, b: 50 };
      const png16 = await sharp({ create: { width: 4, height: 4, channels: 3, background } })
        .toColourspace('rgb16')
        .png()
        .toBuffer();
      assert.equal((await sharp(png16).metadata()).depth, 'ushort');
      const image = await decoder.decode(png16, 'png', { maxSide: 256, maxPixels: LIMIT });
      assert.deepEqual([...image.data.subarray(0, 3)], [200, 100, 50]);
    });

    void it('grey: one channel close to the luma of the RGB decode', async () => {
      const jpeg = fixture('landscape_1.jpg');
      const grey = await decoder.decode(jpeg, 'jpeg', { maxSide: 64, grey: true, maxPixels: LIMIT });
      const rgb = await decoder.decode(jpeg, 'jpeg', { maxSide: 64, maxPixels: LIMIT });
      assert.deepEqual([grey.channels, grey.data.length], [1, 64 * 48]);
      const luma = Uint8Array.from(
        { length: 64 * 48 },
        (_, i) => 0.299 * rgb.data[i * 3]! + 0.587 * rgb.data[i * 3 + 1]! + 0.114 * rgb.data[i * 3 + 2]!,
      );
      assert.ok(meanGreyDifference(grey, { width: 64, height: 48, data: luma }) < 3);
    });
  });

  void describe('orientation: decoded images come out upright, at the oriented size', async () => {
    const upright = await thumb(fixture('landscape_1.jpg'), 'jpeg');
    const wrong = [2, 3, 4].map((k) => orient(upright, k)); // mirrored or upside-down versions of the upright image
    const assertUpright = (image: GreyImage, what: string) => {
      assert.deepEqual([image.width, image.height], [32, 24], `${what}: oriented size`);
      assert.ok(meanGreyDifference(image, upright) < 20, `${what}: looks like the upright photo`);
      for (const bad of wrong) assert.ok(meanGreyDifference(image, bad) > 30, `${what}: not mirrored or upside down`);
    };

    for (let n = 1; n <= 8; n++) {
      void it(`JPEG with EXIF orientation ${n}`, async () => {
        const bytes = fixture(`landscape_${n}.jpg`);
        const header = await decoder.probe(bytes, 'jpeg');
        assert.deepEqual([header.orientation, header.width], [n, n >= 5 ? 450 : 600]);
        assertUpright(await thumb(bytes, 'jpeg'), `landscape_${n}.jpg`);
      });
    }

    void it('the reference orientation code agrees with the stored pixels of the fixtures', async () => {
      for (let n = 2; n <= 8; n++) {
        const stored = await sharp(fixture(`landscape_${n}.jpg`))
          .resize(32, 32, { fit: 'inside' })
          .greyscale()
          .raw()
          .toBuffer({ resolveWithObject: true });
        assertUpright(
          orient({ width: stored.info.width, height: stored.info.height, data: stored.data }, n),
          `orient(${n})`,
        );
      }
    });

    for (let n = 1; n <= 8; n++) {
      void it(`AVIF with the irot/imir libvips writes for EXIF orientation ${n}`, async () => {
        const avif = await sharp(fixture(`landscape_${n}.jpg`))
          .keepMetadata()
          .avif({ effort: 0, quality: 60 })
          .toBuffer();
        const header = await decoder.probe(avif, 'avif');
        assert.deepEqual([header.orientation, header.width], [n, n >= 5 ? 450 : 600]);
        assertUpright(await thumb(avif, 'avif'), `AVIF ${n}`);
      });
    }

    const transforms: [HeifTransform[], number][] = [
      [[], 1],
      [[{ kind: 'mirror', axis: 'vertical' }], 2],
      [[{ kind: 'rotate', degrees: 180 }], 3],
      [[{ kind: 'mirror', axis: 'horizontal' }], 4],
      [
        [
          { kind: 'rotate', degrees: 270 },
          { kind: 'mirror', axis: 'vertical' },
        ],
        5,
      ],
      [[{ kind: 'rotate', degrees: 270 }], 6],
      [
        [
          { kind: 'rotate', degrees: 270 },
          { kind: 'mirror', axis: 'horizontal' },
        ],
        7,
      ],
      [[{ kind: 'rotate', degrees: 90 }], 8],
      [
        [
          { kind: 'mirror', axis: 'vertical' },
          { kind: 'rotate', degrees: 270 },
        ],
        7,
      ],
    ];
    const cheers = fixture('cheers_1440x960.heic');
    const plain = await thumb(cheers, 'heif');
    for (const [steps, n] of transforms) {
      void it(`HEIC (libheif in a worker) with ${JSON.stringify(steps)} → orientation ${n}`, async () => {
        const heic = withHeifTransforms(cheers, steps);
        assert.equal((await decoder.probe(heic, 'heif')).orientation, n);
        const decoded = await thumb(heic, 'heif');
        assert.ok(meanGreyDifference(decoded, orient(plain, n)) < 4, 'libheif applied what the header says');
      });
    }

    void it('an iPhone HEIC with irot 270° and EXIF orientation 6 is turned once, not twice', async () => {
      const image = await decoder.decode(fixture('iphone-xr-irot270-exif6.heic'), 'heif', {
        maxSide: 256,
        maxPixels: LIMIT,
      });
      assert.deepEqual([image.width, image.height], [192, 256], 'portrait, as the phone held it');
    });
  });

  void describe('limits', () => {
    const jpeg = fixture('landscape_1.jpg');

    void it('refuses one pixel over maxPixels, accepts exactly maxPixels', async () => {
      await assert.rejects(
        decoder.decode(jpeg, 'jpeg', { maxSide: 64, maxPixels: 600 * 450 - 1 }),
        isReason('too_large'),
      );
      assert.equal((await decoder.decode(jpeg, 'jpeg', { maxSide: 64, maxPixels: 600 * 450 })).width, 64);
    });

    void it('refuses a HEIC over maxPixels from its header, before any worker decodes it', async () => {
      const started = performance.now();
      await assert.rejects(
        decoder.decode(fixture('iphone-xr-irot270-exif6.heic'), 'heif', { maxSide: 64, maxPixels: 12_000_000 }),
        isReason('too_large'),
      );
      assert.ok(performance.now() - started < 100, 'a 12 MP HEIC decode takes ~0.5 s; refusing took less');
    });

    void it('shrinks to maxSide and never enlarges', async () => {
      const small = await decoder.decode(jpeg, 'jpeg', { maxSide: 100, maxPixels: LIMIT });
      assert.deepEqual([small.width, small.height], [100, 75]);
      const large = await decoder.decode(jpeg, 'jpeg', { maxSide: 5000, maxPixels: LIMIT });
      assert.deepEqual([large.width, large.height], [600, 450]);
    });

    void it('shrinks decoded pixels like a decode at that size, never enlarging', async () => {
      const decoded = await decoder.decode(jpeg, 'jpeg', { maxSide: 300, maxPixels: LIMIT });
      const shrunk = await decoder.shrink(decoded, 100);
      assert.deepEqual([shrunk.width, shrunk.height, shrunk.channels], [100, 75, 3]);
      const direct = await decoder.decode(jpeg, 'jpeg', { maxSide: 100, maxPixels: LIMIT });
      // Resampled twice instead of once: a few levels apart on this detailed photo (3.1 measured), not a new picture.
      assert.ok(meanGreyDifference(shrunk, direct) < 6, 'the same picture at the same size');
      assert.equal(await decoder.shrink(decoded, 300), decoded, 'small enough already: the image itself');
      await assert.rejects(decoder.shrink({ ...decoded, data: decoded.data.subarray(1) }, 100), TypeError);
    });

    void it('gives every one of several concurrent failures its own message', async () => {
      // libvips has one error buffer per process: without a retry, one of two decodes failing at once could read
      // both messages and the other "Unknown error".
      const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
      const failures = await Promise.all(
        Array.from({ length: 12 }, () =>
          decoder.decode(cut, 'jpeg', { maxSide: 64, maxPixels: LIMIT }).then(
            () => assert.fail('a cut JPEG decoded'),
            (error: unknown) => error as DecodeError,
          ),
        ),
      );
      for (const failure of failures) {
        assert.equal(failure.reason, 'truncated');
        assert.doesNotMatch(failure.message, /Unknown error/);
      }
    });

    void it('rejects arguments that are not positive numbers', async () => {
      await assert.rejects(decoder.decode(jpeg, 'jpeg', { maxSide: 0, maxPixels: LIMIT }), TypeError);
      await assert.rejects(decoder.decode(jpeg, 'jpeg', { maxSide: 64, maxPixels: Number.NaN }), TypeError);
      assert.throws(() => new SharpImageDecoder({ timeoutMs: -1 }), TypeError);
    });

    void it('answers at the deadline with reason timeout, on both decode paths', async () => {
      const slow = new SharpImageDecoder({ timeoutMs: 1 });
      try {
        const twelveMp = await sharp(jpeg).resize(4000, 3000).jpeg({ quality: 92 }).toBuffer();
        await assert.rejects(slow.decode(twelveMp, 'jpeg', { maxSide: 4000, maxPixels: LIMIT }), isReason('timeout'));
        const heic = fixture('iphone-xr-irot270-exif6.heic');
        await assert.rejects(slow.decode(heic, 'heif', { maxSide: 256, maxPixels: LIMIT }), isReason('timeout'));
      } finally {
        await slow.close();
      }
    });

    void it('probe reads the header only: a JPEG cut right after its SOS header still probes', async () => {
      const sos = jpegSegments(jpeg).find((s) => s.marker === 0xda)!;
      const headerOnly = jpeg.slice(0, sos.end);
      assert.deepEqual(await decoder.probe(headerOnly, 'jpeg'), { width: 600, height: 450, orientation: 1, pages: 1 });
      await assert.rejects(
        decoder.decode(headerOnly, 'jpeg', { maxSide: 64, maxPixels: LIMIT }),
        isReason('truncated'),
      );
    });

    void it('probe of a PNG claiming 60000×60000 allocates nothing of that size', async () => {
      const before = process.memoryUsage().rss;
      const started = performance.now();
      const header = await decoder.probe(pngClaimingSize(), 'png');
      assert.deepEqual([header.width, header.height], [60_000, 60_000]);
      assert.ok(performance.now() - started < 500);
      assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'far below the 10.8 GB the pixels would need');
    });
  });

  void describe('ICC profiles: skipped by default, so a profile-stripped copy decodes to the same pixels', async () => {
    const p3 = await sharp(fixture('landscape_1.jpg')).withIccProfile('p3').jpeg({ quality: 90 }).toBuffer();
    const stripped = withoutSegments(p3, isIccSegment);
    const options = { maxSide: 256, maxPixels: LIMIT };

    void it('the test JPEG carries a Display P3 profile and its copy none', async () => {
      assert.ok((await sharp(p3).metadata()).icc);
      assert.equal((await sharp(stripped).metadata()).icc, undefined);
    });

    void it('default: identical pixels with and without the profile (no transform ran)', async () => {
      const withProfile = await decoder.decode(p3, 'jpeg', options);
      const withoutProfile = await decoder.decode(stripped, 'jpeg', options);
      assert.deepEqual(withProfile.data, withoutProfile.data);
    });

    void it('iccToSrgb: the profile is applied, so the pixels move', async () => {
      const accurate = new SharpImageDecoder({ iccToSrgb: true });
      const converted = await accurate.decode(p3, 'jpeg', options).finally(() => accurate.close());
      const raw = await decoder.decode(stripped, 'jpeg', options);
      const largest = converted.data.reduce((m, v, i) => Math.max(m, Math.abs(v - raw.data[i]!)), 0);
      assert.ok(largest >= 10, `P3 → sRGB moves saturated colours (largest change ${largest})`);
    });
  });

  void describe("failOn 'error': harmless libjpeg warnings still decode", () => {
    for (const [what, make] of [
      ['padding before DQT ("2 extraneous bytes before marker 0xdb")', jpegWithPaddingBeforeMarker],
      ['Samsung-style SOS parameters ("Invalid SOS parameters for sequential JPEG")', jpegWithOddSosParameters],
    ] as const) {
      void it(what, async () => {
        const original = fixture('samsung-digimax-i50.jpg');
        const quirky = make(original);
        await assert.rejects(sharp(quirky).raw().toBuffer(), /VipsJpeg/, "sharp's default failOn 'warning' refuses it");
        const options = { maxSide: 256, maxPixels: LIMIT, grey: true };
        const decoded = await decoder.decode(quirky, 'jpeg', options);
        assert.ok(meanGreyDifference(decoded, await decoder.decode(original, 'jpeg', options)) < 1);
      });
    }
  });
});
