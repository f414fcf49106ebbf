import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mimeTypeOf, sniffFormat, type ImageFormat } from './sniff.js';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((o, c) => (out.set(c, o), o + c.length), 0);
  return out;
};
const be32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
/** An `ftyp` box with a major brand and compatible brands, followed by some payload. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(be32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible, be32(8), 'meta');
const utf16le = (s: string) => [
  0xff,
  0xfe,
  ...Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
];
const utf16be = (s: string) => [
  0xfe,
  0xff,
  ...Array.from(s).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
];
const BOM = [0xef, 0xbb, 0xbf];

void describe('sniffFormat: images by their magic bytes', () => {
  const cases: [string, Uint8Array, ImageFormat][] = [
    ['JPEG/JFIF', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpeg'],
    ['JPEG/EXIF', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'jpeg'],
    ['JPEG without APPn', bytes([0xff, 0xd8, 0xff, 0xdb, 0, 67]), 'jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'tiff'],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'tiff'],
    ['HEIC (major brand heic)', ftyp('heic', 'mif1', 'heic'), 'heif'],
    ['HEIC (major brand heix)', ftyp('heix', 'mif1'), 'heif'],
    ['HEIF (major brand mif1, compatible heic)', ftyp('mif1', 'heic'), 'heif'],
    ['HEIF sequence (msf1)', ftyp('msf1', 'hevc'), 'heif'],
    ['AVIF (major brand avif)', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['AVIF sequence (avis)', ftyp('avis', 'msf1'), 'avif'],
    ['AVIF behind a mif1 major brand', ftyp('mif1', 'avif', 'miaf'), 'avif'],
  ];
  for (const [what, input, format] of cases) {
    void it(`${what} → ${format}`, () => {
      assert.deepEqual(sniffFormat(input), { kind: 'image', format, mimeType: mimeTypeOf(format) });
    });
  }
});

void describe('sniffFormat: what it refuses, and says what it is', () => {
  const cases: [string, Uint8Array, string | RegExp][] = [
    ['an empty file', new Uint8Array(0), 'empty file (0 bytes)'],
    ['a ZIP archive', bytes('PK', [3, 4, 20, 0], 'payload'), 'ZIP archive'],
    ['an empty ZIP archive', bytes('PK', [5, 6], new Array<number>(18).fill(0)), 'ZIP archive'],
    ['a PDF', bytes('%PDF-1.7\n'), 'PDF document'],
    ['a BMP', bytes('BM', [0x36, 0, 0, 0]), 'BMP bitmap'],
    ['a JPEG XL codestream', bytes([0xff, 0x0a, 0xfa]), 'JPEG XL image'],
    ['a JPEG XL container', bytes([0, 0, 0, 0x0c], 'JXL ', [0x0d, 0x0a, 0x87, 0x0a]), 'JPEG XL image'],
    ['gzip', bytes([0x1f, 0x8b, 8, 0]), 'gzip archive'],
    ['an MP4 (isom)', ftyp('isom', 'iso2', 'mp41'), /^ISO media file \(brand isom\)/],
    ['an MP4 (mp42)', ftyp('mp42', 'isom'), /^ISO media file \(brand mp42\)/],
    ['a QuickTime movie', ftyp('qt  '), /^ISO media file \(brand qt\)/],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'SVG vector image'],
    ['an upper-case SVG', bytes('<SVG XMLNS="http://www.w3.org/2000/svg"></SVG>'), 'SVG vector image'],
    ['an SVG with an XML prolog', bytes('<?xml version="1.0"?>\n<svg/>'), 'SVG vector image'],
    [
      'an SVG with a DOCTYPE and comments',
      bytes('<?xml version="1.0"?><!-- x --><!DOCTYPE svg><svg/>'),
      'SVG vector image',
    ],
    ['an SVG with leading whitespace', bytes('\n\t  <svg/>'), 'SVG vector image'],
    ['an SVG with a UTF-8 BOM', bytes(BOM, '<svg/>'), 'SVG vector image'],
    [
      'an SVG with a UTF-8 BOM and XML prolog',
      bytes(BOM, '<?xml version="1.0" encoding="UTF-8"?><svg/>'),
      'SVG vector image',
    ],
    ['a UTF-16LE SVG with BOM', bytes(utf16le('<?xml version="1.0" encoding="UTF-16"?><svg/>')), 'SVG vector image'],
    ['a UTF-16BE SVG with BOM', bytes(utf16be('<svg/>')), 'SVG vector image'],
    ['an HTML page', bytes('<!DOCTYPE html><html><body>hi</body></html>'), 'HTML document'],
    ['an HTML page without DOCTYPE', bytes('<html lang="zh"><head>'), 'HTML document'],
    ['an HTML page with a UTF-8 BOM', bytes(BOM, '<!doctype html>\n<html>'), 'HTML document'],
    ['an HTML page with an inline SVG icon', bytes('<!DOCTYPE html><html><body><svg/></body></html>'), 'HTML document'],
    ['plain text', bytes('hello, this is not an image'), 'unrecognised content'],
    ['a JPEG signature cut to two bytes', bytes([0xff, 0xd8]), 'unrecognised content'],
    [
      'a PNG signature missing its last byte',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]),
      'unrecognised content',
    ],
    ['an ftyp box cut before its brand', bytes(be32(24), 'ftyp', 'he'), 'unrecognised content'],
    ['RIFF that is not WebP (WAVE)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'unrecognised content'],
  ];
  for (const [what, input, expected] of cases) {
    void it(`${what} → ${String(expected)}`, () => {
      const result = sniffFormat(input);
      assert.equal(result.kind, 'unsupported');
      if (result.kind !== 'unsupported') return;
      if (typeof expected === 'string') assert.equal(result.what, expected);
      else assert.match(result.what, expected);
      assert.ok(result.whatZh.length > 0);
    });
  }

  void it('names every refusal in Chinese too', () => {
    for (const input of [bytes('PK', [3, 4]), bytes('<svg/>'), bytes('%PDF-'), new Uint8Array(0), ftyp('isom')]) {
      const result = sniffFormat(input);
      assert.ok(result.kind === 'unsupported' && /[\u4e00-\u9fff]/.test(result.whatZh), JSON.stringify(result));
    }
  });

  void it('looks at the bytes only: a ZIP stays a ZIP whatever it is called', () => {
    // The name "photo.jpg" never reaches sniffFormat; this documents that the signature alone decides.
    assert.equal(sniffFormat(bytes('PK', [3, 4], 'photo.jpg')).kind, 'unsupported');
  });
});

void describe('mimeTypeOf', () => {
  void it('maps every format to its MIME type', () => {
    const formats: ImageFormat[] = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif'];
    assert.deepEqual(formats.map(mimeTypeOf), [
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/gif',
      'image/tiff',
      'image/heif',
      'image/avif',
    ]);
  });
});
