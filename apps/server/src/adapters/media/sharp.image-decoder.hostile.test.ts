import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import {
  DecodeError,
  checkPhoto,
  sniffFormat,
  type DecodeFailure,
  type FindingCode,
  type ForensicPorts,
  type ImageFormat,
} from '@proofdesk/forensics';
import * as hostile from '../../scripts/hostile-files.js';
import { fixturePath } from '../../testing/paths.js';
import { SharpImageDecoder } from './sharp.image-decoder.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('decode', name)));
const LIMIT = 100_000_000;
/** Generous: every case below answers in milliseconds to about a second; a hang would blow through this. */
const BOUND_MS = 10_000;

interface Case {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The format a caller would have named (from the file name for non-images). */
  readonly format: ImageFormat;
  readonly reason: DecodeFailure;
  /** The finding `checkPhoto` must report. */
  readonly code: FindingCode;
}

const jpeg = fixture('landscape_1.jpg');
const cut = (name: string, format: ImageFormat): Case => ({
  name: `${name} cut in half`,
  bytes: hostile.truncated(fixture(name)),
  format,
  reason: 'truncated',
  code: 'input.unreadable',
});
const real = (name: string, reason: DecodeFailure): Case => {
  const bytes = fixture(name);
  const sniffed = sniffFormat(bytes);
  assert.equal(sniffed.kind, 'image');
  return { name, bytes, format: sniffed.kind === 'image' ? sniffed.format : 'jpeg', reason, code: 'input.unreadable' };
};

const CASES: readonly Case[] = [
  {
    name: 'zero bytes',
    bytes: hostile.emptyFile(),
    format: 'jpeg',
    reason: 'truncated',
    code: 'input.unsupported_format',
  },
  cut('landscape_1.jpg', 'jpeg'),
  cut('photoshop-8x12-rgba32.png', 'png'),
  cut('sunrise_lossy.webp', 'webp'),
  cut('exiftool-8x8.gif', 'gif'),
  cut('arbitro.tiff', 'tiff'),
  cut('sunset.avif', 'avif'),
  cut('cheers_1440x960.heic', 'heif'),
  {
    name: 'PNG header claiming 60000×60000',
    bytes: hostile.pngClaimingSize(),
    format: 'png',
    reason: 'too_large',
    code: 'input.too_large',
  },
  {
    name: 'JPEG with a lying APP4 length',
    bytes: hostile.jpegWithLyingAppLength(jpeg),
    format: 'jpeg',
    reason: 'corrupt',
    code: 'input.unreadable',
  },
  real('corrupt-exif/huge_tag_exif.jpg', 'truncated'),
  real('corrupt-exif/max_uint32_exif.jpg', 'truncated'),
  real('IllegalArgumentException.HeifReader.processBoxes.heif', 'corrupt'),
  real('NegativeArraySizeException.HeifReader.processBoxes.heif', 'corrupt'),
  real('NegativeArraySizeException.ItemInfoBox.init.heif', 'corrupt'),
  real('NullPointerException.HeifPictureHandler.processBox.heif', 'corrupt'),
  {
    name: 'SVG named .jpg',
    bytes: hostile.svgImage(),
    format: 'jpeg',
    reason: 'unsupported',
    code: 'input.unsupported_format',
  },
  {
    name: 'ZIP renamed .jpg',
    bytes: hostile.zipArchive([{ name: 'a.txt', data: new TextEncoder().encode('a') }]),
    format: 'jpeg',
    reason: 'unsupported',
    code: 'input.unsupported_format',
  },
];

/** What a caller sees when it probes, then decodes (as `checkPhoto` does): the first failure, if any. */
async function firstFailure(decoder: SharpImageDecoder, c: Case): Promise<unknown> {
  try {
    await decoder.probe(c.bytes, c.format);
    await decoder.decode(c.bytes, c.format, { maxSide: 256, maxPixels: LIMIT });
  } catch (error) {
    return error;
  }
  return undefined;
}

const decoder = new SharpImageDecoder();
after(() => decoder.close());

void describe('hostile files: a DecodeError with the right reason, quickly, and the process lives on', () => {
  for (const c of CASES) {
    void it(`${c.name} → ${c.reason}`, async () => {
      const started = performance.now();
      const error = await firstFailure(decoder, c);
      const elapsedMs = performance.now() - started;
      assert.ok(error instanceof DecodeError, `expected a DecodeError, got ${String(error)}`);
      assert.equal(error.reason, c.reason, error.message);
      assert.ok(error.message.length > 10);
      assert.ok(elapsedMs < BOUND_MS, `answered in ${Math.round(elapsedMs)} ms`);
    });
  }

  void it("the ZIP renamed .jpg is sniffed as 'ZIP archive', whatever its name", () => {
    const zip = CASES.find((c) => c.name === 'ZIP renamed .jpg')!;
    const sniffed = sniffFormat(zip.bytes);
    assert.ok(sniffed.kind === 'unsupported' && sniffed.what === 'ZIP archive');
  });

  void it('after all of them the decoder still decodes JPEG and HEIC (the HEIF worker survived)', async () => {
    assert.equal((await decoder.decode(jpeg, 'jpeg', { maxSide: 64, maxPixels: LIMIT })).width, 64);
    assert.equal(
      (await decoder.decode(fixture('cheers_1440x960.heic'), 'heif', { maxSide: 64, maxPixels: LIMIT })).width,
      64,
    );
  });
});

void describe('files that look hostile but hold a valid image: decoded, quickly', () => {
  const options = { maxSide: 256, maxPixels: LIMIT };
  const timed = async (bytes: Uint8Array) => {
    const started = performance.now();
    const image = await decoder.decode(bytes, 'jpeg', options);
    assert.ok(performance.now() - started < BOUND_MS);
    return image;
  };

  void it('a JPEG behind 160 full APP4 segments (10.5 MB of metadata) decodes to the same pixels', async () => {
    const padded = hostile.jpegWithHugeAppSegments(jpeg);
    assert.ok(padded.length > 10_000_000);
    assert.deepEqual((await timed(padded)).data, (await decoder.decode(jpeg, 'jpeg', options)).data);
  });

  void it('a JPEG + ZIP polyglot decodes as the JPEG', async () => {
    const polyglot = hostile.jpegZipPolyglot(jpeg);
    assert.deepEqual(sniffFormat(polyglot), { kind: 'image', format: 'jpeg', mimeType: 'image/jpeg' });
    assert.deepEqual((await timed(polyglot)).data, (await decoder.decode(jpeg, 'jpeg', options)).data);
  });

  const brokenExif = ['image00971', 'image01088', 'image01137', 'image01551', 'image01713', 'image01980', 'image02206']
    .map((n) => `invalid-exif/${n}.jpg`)
    .concat('corrupt-exif/infinite_loop_exif.jpg');
  for (const name of brokenExif) {
    void it(`${name}: broken EXIF around intact pixels`, async () => {
      const image = await timed(fixture(name));
      assert.ok(image.width > 0 && new Set(image.data).size > 1);
    });
  }
});

/**
 * End to end through the core. The metadata and C2PA readers here are trivial stand-ins (empty metadata, no
 * manifest): allowed only in this decode-focused test, whose subject is what the decoder makes of hostile bytes.
 */
void describe('checkPhoto with this decoder: verdict error and an input.* finding, never a throw', () => {
  const ports: ForensicPorts = {
    decoder,
    metadata: { read: () => Promise.resolve({ exif: {}, xmp: [], iptc: {}, errors: [] }) },
    c2pa: { read: () => Promise.resolve(undefined) },
  };
  const check = (file: string, bytes: Uint8Array) =>
    checkPhoto({ file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, ports);

  for (const c of CASES) {
    void it(`${c.name} → ${c.code}`, async () => {
      const report = await check(`${c.name}.${c.format}`, c.bytes);
      assert.equal(report.verdict, 'error');
      assert.deepEqual(
        report.findings.map((f) => f.code),
        [c.code],
      );
      const facts = report.findings[0]!.facts ?? {};
      if (c.code === 'input.unreadable') assert.equal(facts.reason, c.reason);
      if (c.name === 'ZIP renamed .jpg') assert.equal(facts.sniffed, 'ZIP archive');
    });
  }

  void it('the 10 MB-APP JPEG and the polyglot get a real report at the oriented size', async () => {
    for (const bytes of [hostile.jpegWithHugeAppSegments(jpeg), hostile.jpegZipPolyglot(jpeg)]) {
      const report = await check('photo.jpg', bytes);
      assert.notEqual(report.verdict, 'error');
      assert.deepEqual([report.format, report.width, report.height], ['jpeg', 600, 450]);
    }
  });
});
