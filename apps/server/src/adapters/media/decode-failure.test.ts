import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DecodeError, type ImageFormat } from '@proofdesk/forensics';
import { truncated } from '../../scripts/hostile-files.js';
import { fixturePath } from '../../testing/paths.js';
import { cleanMessage, endsEarly, reasonOf, toDecodeError } from './decode-failure.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('decode', name)));

void describe('endsEarly', () => {
  const files: [string, ImageFormat][] = [
    ['landscape_1.jpg', 'jpeg'],
    ['photoshop-8x12-rgba32.png', 'png'],
    ['sunrise_lossy.webp', 'webp'],
    ['exiftool-8x8.gif', 'gif'],
    ['arbitro.tiff', 'tiff'],
    ['sunset.avif', 'avif'],
    ['cheers_1440x960.heic', 'heif'],
  ];
  for (const [name, format] of files) {
    void it(`${name}: complete as is, cut off at half`, () => {
      const bytes = fixture(name);
      assert.notEqual(endsEarly(bytes, format), true);
      assert.equal(endsEarly(truncated(bytes), format), true);
    });
  }

  void it('a JPEG whose segment chain breaks (a lying length) is damaged, not cut off', () => {
    const jpeg = fixture('landscape_1.jpg');
    const lying = new Uint8Array([...jpeg.subarray(0, 2), 0xff, 0xe4, 0xff, 0xff, 1, 2, 3, 4, ...jpeg.subarray(2)]);
    assert.equal(endsEarly(lying, 'jpeg'), false);
  });

  void it('a JPEG that ends before its SOS is cut off; an empty file is too', () => {
    assert.equal(endsEarly(fixture('corrupt-exif/huge_tag_exif.jpg'), 'jpeg'), true);
    assert.equal(endsEarly(new Uint8Array(0), 'png'), true);
  });
});

void describe('reasonOf', () => {
  const jpeg = fixture('landscape_1.jpg');
  const cut = truncated(jpeg);
  const cases: [string, string, Uint8Array, ImageFormat, string][] = [
    ['the pixel limit', 'Input image exceeds pixel limit', jpeg, 'jpeg', 'too_large'],
    ["sharp's timeout", 'timeout: 42% complete', jpeg, 'jpeg', 'timeout'],
    [
      'a missing HEVC decoder',
      'Support for this compression format has not been built in',
      jpeg,
      'heif',
      'unsupported',
    ],
    ['premature end on a cut file', 'VipsJpeg: premature end of JPEG image', cut, 'jpeg', 'truncated'],
    ['premature end on a complete file', 'VipsJpeg: premature end of JPEG image', jpeg, 'jpeg', 'corrupt'],
    [
      "libvips' 'unsupported image format' for a cut TIFF",
      'Input buffer contains unsupported image format',
      truncated(fixture('arbitro.tiff')),
      'tiff',
      'truncated',
    ],
    [
      "libvips' empty 'corrupt header' for a cut PNG",
      'Input buffer has corrupt header:',
      truncated(fixture('photoshop-8x12-rgba32.png')),
      'png',
      'truncated',
    ],
    [
      'a libpng CRC error on a complete PNG',
      'vipspng: libpng read error',
      fixture('photoshop-8x12-rgba32.png'),
      'png',
      'corrupt',
    ],
  ];
  for (const [what, message, bytes, format, reason] of cases) {
    void it(`${what} → ${reason}`, () => assert.equal(reasonOf(message, bytes, format), reason));
  }
});

void describe('cleanMessage and toDecodeError', () => {
  void it('drops the lines libvips repeats and keeps one line', () => {
    const error = new Error('VipsJpeg: premature end of JPEG image\nVipsJpeg: premature end of JPEG image\n\nother\n');
    assert.equal(cleanMessage(error), 'VipsJpeg: premature end of JPEG image; other');
    assert.ok(cleanMessage(new Error('x'.repeat(1000))).length <= 300);
  });

  void it('wraps with a reason and a readable lead, keeps the cause, and passes DecodeErrors through', () => {
    const cause = new Error('VipsJpeg: premature end of JPEG image');
    const error = toDecodeError(cause, truncated(fixture('landscape_1.jpg')), 'jpeg');
    assert.equal(error.reason, 'truncated');
    assert.match(error.message, /^the JPEG file ends before its image data does \(VipsJpeg: premature end/);
    assert.equal(error.cause, cause);
    const already = new DecodeError('timeout', 'slow');
    assert.equal(toDecodeError(already, new Uint8Array(1), 'png'), already);
  });
});
